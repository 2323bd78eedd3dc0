package io.conserver.server;

import com.google.inject.Injector;
import com.fasterxml.jackson.databind.JsonNode;
import io.conserver.app.runtime.ConserverEngine;
import io.conserver.domain.fixtures.VconFixtures;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconCodec;
import io.conserver.server.config.ConserverConfiguration;
import io.conserver.server.config.RecordingSubstitutor;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.glassfish.jersey.client.ClientProperties;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A server started from a YAML text written to a temporary file (so the reload task has a file to
 * read again), with a given environment for {@code ${VAR}} substitution, and through the
 * application's own server command (the one {@code bin/run} uses), not Dropwizard's plain one.
 * In the YAML, {@code @DIR@} stands for a fresh temporary directory of this server.
 */
public final class TestServer {
    private final Path dir;
    private final Path yaml;
    private final DropwizardAppExtension<ConserverConfiguration> app;

    private TestServer(Path dir, Path yaml, DropwizardAppExtension<ConserverConfiguration> app) {
        this.dir = dir;
        this.yaml = yaml;
        this.app = app;
    }

    /** The YAML header every test server shares: random ports, quiet logs, the store under {@code @DIR@}. */
    public static String base() {
        return """
                server:
                  applicationConnectors:
                    - type: http
                      port: 0
                  adminConnectors:
                    - type: http
                      port: 0
                  requestLog:
                    appenders: []
                logging:
                  level: WARN
                store:
                  type: embedded
                  data_dir: "@DIR@/store"
                engine:
                  drain_deadline: 2s
                  reap_every: 1s
                """;
    }

    public static TestServer start(String yaml) {
        return start(yaml, Map.of());
    }

    /** {@code environment} is what {@code ${NAME}} resolves against (then the process environment). */
    public static TestServer start(String yaml, Map<String, String> env) {
        try {
            Path dir = Files.createTempDirectory("conserver-server-test");
            Path file = dir.resolve("conserver.yml");
            Files.writeString(file, yaml.replace("@DIR@", dir.toString()));
            DropwizardTestSupport<ConserverConfiguration> support = new DropwizardTestSupport<>(
                    ConserverApplication.class, file.toString(), (String) null, TestServer::serverCommand) {
                @Override
                public Application<ConserverConfiguration> newApplication() {
                    return new ConserverApplication(new RecordingSubstitutor(name -> {
                        String value = env.get(name);
                        return value != null ? value : System.getenv(name);
                    }));
                }
            };
            return new TestServer(dir, file, new DropwizardAppExtension<>(support));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Command serverCommand(Application<ConserverConfiguration> application) {
        Bootstrap<ConserverConfiguration> bootstrap = new Bootstrap<>(application);
        ((ConserverApplication) application).addDefaultCommands(bootstrap);
        return bootstrap.getCommands().stream().filter(c -> c.getName().equals("server")).findFirst().orElseThrow();
    }

    public DropwizardAppExtension<ConserverConfiguration> app() {
        return app;
    }

    /** This server's temporary directory ({@code @DIR@}). */
    public Path dir() {
        return dir;
    }

    /** The YAML file the server started from. */
    public Path yaml() {
        return yaml;
    }

    /** {@code http://localhost:port/api}. */
    public WebTarget api() {
        return slow(app.client().target("http://localhost:" + app.getLocalPort() + "/api"));
    }

    /** {@code http://localhost:adminPort}. */
    public WebTarget admin() {
        return slow(app.client().target("http://localhost:" + app.getAdminPort()));
    }

    /** The extension's client reads for 5 s at most; a first request on a busy 2-core machine can take longer. */
    private static WebTarget slow(WebTarget target) {
        return target.property(ClientProperties.READ_TIMEOUT, 60_000).property(ClientProperties.CONNECT_TIMEOUT, 10_000);
    }

    /** The configuration version the engine runs now (a change reaches the workers asynchronously). */
    public long runningVersion() {
        return engine(app).runningVersion();
    }

    public static ConserverEngine engine(DropwizardAppExtension<ConserverConfiguration> app) {
        Injector injector = ((ConserverApplication) app.getApplication()).injector();
        return injector.getInstance(ConserverEngine.class);
    }

    /** {@link ConserverApplication#bindSafely} for tests in other packages. */
    public static void bindSafely(ServerFactory server, boolean noTokens) {
        ConserverApplication.bindSafely(server, noTokens);
    }

    /** A fresh vCon with a unique party, as JSON. */
    public static String newVconJson() {
        return new String(VconCodec.lenient().write(VconFixtures.vcon(VconFixtures.tel(VconFixtures.uniqueTel()))),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Posts a fresh vCon to {@code POST /vcon}, queued on {@code lists} (none: stored only); returns its uuid. */
    public String postVcon(String... lists) {
        Vcon vcon = VconFixtures.vcon(VconFixtures.tel(VconFixtures.uniqueTel()));
        WebTarget target = api().path("vcon");
        if (lists.length > 0) {
            target = target.queryParam("ingress_lists", String.join(",", lists));
        }
        try (Response response = target.request().post(Entity.entity(VconCodec.lenient().write(vcon), MediaType.APPLICATION_JSON))) {
            if (response.getStatus() != 201) {
                throw new AssertionError("POST /vcon answered " + response.getStatus() + ": " + response.readEntity(String.class));
            }
        }
        return vcon.uuid();
    }

    /** {@code target} with query parameters given as name, value pairs. */
    public static WebTarget query(WebTarget target, String... pairs) {
        WebTarget t = target;
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            t = t.queryParam(pairs[i], pairs[i + 1]);
        }
        return t;
    }

    /** {@code POST /api/<path>} with a JSON body (or none when {@code body} is null). */
    public Response post(String path, String body, String... query) {
        var request = query(api().path(path), query).request();
        return body == null ? request.post(Entity.text("")) : request.post(Entity.entity(body, MediaType.APPLICATION_JSON));
    }

    /** {@code PUT /api/<path>} with a JSON body. */
    public Response put(String path, String body) {
        return api().path(path).request().put(Entity.entity(body, MediaType.APPLICATION_JSON));
    }

    public Response get(String path, String... query) {
        return query(api().path(path), query).request().get();
    }

    /** {@code GET /api/<path>} that must answer 200, as JSON. */
    public JsonNode json(String path, String... query) {
        try (Response response = get(path, query)) {
            String body = response.readEntity(String.class);
            if (response.getStatus() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.getStatus() + ": " + body);
            }
            return read(body);
        }
    }

    /** The stored vCon as JSON text. */
    public String vcon(String uuid) {
        return json("vcon/" + uuid).toString();
    }

    public static JsonNode read(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
