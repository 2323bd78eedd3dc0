package io.conserver.server.api;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import io.conserver.app.usecase.VconChanges;
import io.conserver.app.usecase.VconIntake;
import io.conserver.app.usecase.VconQueries;
import io.conserver.domain.port.out.HistoryEntry;
import io.conserver.domain.port.out.VconListQuery;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconCodec;
import io.conserver.server.config.ConserverConfiguration;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One vCon at a time: create, read, replace, patch, delete, list, and its processing history. */
@Path("/vcon")
@Produces(MediaType.APPLICATION_JSON)
public final class VconResource {
    private final VconIntake intake;
    private final VconQueries queries;
    private final VconChanges changes;
    private final VconCodec codec;
    private final long maxVconBytes;
    private final Meter received;

    @Inject
    public VconResource(VconIntake intake, VconQueries queries, VconChanges changes, VconCodec codec,
                        ConserverConfiguration configuration, MetricRegistry metrics) {
        this.intake = intake;
        this.queries = queries;
        this.changes = changes;
        this.codec = codec;
        this.maxVconBytes = configuration.getApi().getMaxVconSize().toBytes();
        this.received = metrics.meter("conserver.vcons.received");
    }

    /** Validates and stores a vCon in any form (JSON, gzip, signed, encrypted), then queues it. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(InputStream body, @QueryParam("ingress_lists") List<String> ingressLists) {
        byte[] bytes = Bodies.read(body, maxVconBytes, "the vCon");
        VconIntake.Accepted accepted = intake.accept(bytes, Params.list(ingressLists));
        received.mark();
        Vcon vcon = accepted.vcon();
        return Response.created(URI.create("vcon/" + vcon.uuid())).entity(codec.write(vcon))
                .header("X-Vcon-Warnings", accepted.warnings().size()).build();
    }

    @GET
    @Path("/{uuid}")
    public Response get(@PathParam("uuid") String uuid) {
        return Response.ok(codec.write(queries.require(Params.uuid("uuid", uuid)))).build();
    }

    /** Replaces the stored vCon; the body's uuid must match the path. */
    @PUT
    @Path("/{uuid}")
    @Consumes(MediaType.WILDCARD)
    public Response replace(@PathParam("uuid") String uuid, InputStream body) {
        String id = Params.uuid("uuid", uuid);
        Vcon vcon = changes.replace(id, Bodies.read(body, maxVconBytes, "the vCon"));
        return Response.ok(codec.write(vcon)).build();
    }

    /**
     * Applies a JSON merge patch (RFC 7396); the result is validated as a whole vCon. The patch is
     * parsed as strictly as a vCon (UTF-8 only, no duplicate keys, exact decimals, depth limit), so a
     * patch cannot slip in what a POST of the same vCon would refuse or change.
     */
    @PATCH
    @Path("/{uuid}")
    @Consumes(MediaType.WILDCARD)
    public Response patch(@PathParam("uuid") String uuid, InputStream body) {
        String id = Params.uuid("uuid", uuid);
        JsonNode patch = codec.readJson(Bodies.read(body, maxVconBytes, "the merge patch"));
        return Response.ok(codec.write(changes.patch(id, patch))).build();
    }

    /** Deletes from every storage, then from the store; answers what each held. */
    @DELETE
    @Path("/{uuid}")
    public Map<String, Object> delete(@PathParam("uuid") String uuid) {
        String id = Params.uuid("uuid", uuid);
        return Map.of("uuid", id, "deleted", changes.delete(id));
    }

    /** Ids by creation time, newest first: {@code page} (from 1) of {@code size}, within {@code since}..{@code until}. */
    @GET
    public List<String> list(@QueryParam("page") String page, @QueryParam("size") String size,
                             @QueryParam("since") String since, @QueryParam("until") String until) {
        int pageNumber = Params.intIn("page", page, 1, 1, 1_000_000);
        int pageSize = Params.intIn("size", size, 50, 1, 1000);
        Optional<Instant> from = Params.instant("since", since);
        Optional<Instant> to = Params.instant("until", until);
        return queries.list(new VconListQuery(from, to, (pageNumber - 1) * pageSize, pageSize));
    }

    /** What happened to the vCon: every link, storage and chain run, oldest first. */
    @GET
    @Path("/{uuid}/history")
    public List<Map<String, Object>> history(@PathParam("uuid") String uuid) {
        return queries.history(Params.uuid("uuid", uuid)).stream().map(VconResource::entry).toList();
    }

    private static Map<String, Object> entry(HistoryEntry e) {
        Map<String, Object> entry = new java.util.LinkedHashMap<>();
        entry.put("chain", e.chain());
        entry.put("link", e.link());
        entry.put("outcome", e.outcome());
        entry.put("duration_ms", e.duration().toMillis());
        entry.put("at", e.at().toString());
        entry.put("detail", e.detail());
        return entry;
    }
}
