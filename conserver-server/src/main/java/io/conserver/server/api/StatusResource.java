package io.conserver.server.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /health} and {@code /version}, open without a token. Health checks the store and every
 * storage; it says which failed but not why (the admin port's health checks give details), so an
 * anonymous caller learns nothing about the backends.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class StatusResource {
    private static final Logger LOG = LoggerFactory.getLogger(StatusResource.class);

    private final HealthProbe probe;

    @Inject
    public StatusResource(HealthProbe probe) {
        this.probe = probe;
    }

    @GET
    @Path("health")
    public Response health() {
        Map<String, String> checks = new LinkedHashMap<>();
        probe.check().forEach((name, failure) -> {
            failure.ifPresent(message -> LOG.warn("health check {} failed: {}", name, message));
            checks.put(name, failure.isEmpty() ? "ok" : "failing");
        });
        boolean ok = checks.values().stream().allMatch("ok"::equals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ok ? "ok" : "unhealthy");
        body.put("version", Versions.version());
        body.put("checks", checks);
        return Response.status(ok ? 200 : 503).entity(body).build();
    }

    @GET
    @Path("version")
    public Map<String, String> version() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("version", Versions.version());
        body.put("git_commit", Versions.commit());
        body.put("build_time", Versions.buildTime());
        return body;
    }
}
