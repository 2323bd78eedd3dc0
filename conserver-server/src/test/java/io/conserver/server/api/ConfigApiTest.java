package io.conserver.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.conserver.server.TestServer;
import io.conserver.server.config.ConserverConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The running configuration through the API: secrets masked (by key and by environment origin),
 * changes applied to running workers without a restart, invalid changes refused whole with every
 * problem, per-entry reads and writes, and masked round trips that keep the stored secrets.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConfigApiTest {
    static final String AUTHORIZATION = "literal-secret-token-5521";
    static final String API_KEY = "literal-api-key-9911";
    static final String SIG_FROM_ENV = "sig-from-env-4242";
    static final String TRACE_FROM_ENV = "trace-from-env-8080";
    static final List<String> SECRETS = List.of(AUTHORIZATION, API_KEY, SIG_FROM_ENV, TRACE_FROM_ENV);

    /** What the webhook receiver saw, by vCon uuid: its headers and query. */
    static final Map<String, Map<String, String>> HOOK_SAW = new ConcurrentHashMap<>();
    static final HttpServer HOOK = hook();
    static final TestServer SERVER = TestServer.start(TestServer.base() + """
            links:
              mark: {type: tag, options: {tags: ["seen:yes"]}}
              notify:
                type: webhook
                options:
                  urls: ["http://127.0.0.1:%d/hook?sig=${CONSERVER_TEST_SIG}"]
                  headers:
                    Authorization: "Bearer literal-secret-token-5521"
                    X-Api-Key: "literal-api-key-9911"
                    X-Trace: "${CONSERVER_TEST_TRACE}"
                    X-Key-Prefix: "visible-prefix"
                  timeout: 5s
            storages:
              files: {type: file, options: {path: "@DIR@/files"}}
            chains:
              main:
                links: [mark]
                storages: [files]
                ingress_lists: [default]
                egress_lists: [processed]
                workers: 2
              notified:
                links: [notify]
                ingress_lists: [notify_in]
                egress_lists: [notify_out]
            """.formatted(HOOK.getAddress().getPort()),
            Map.of("CONSERVER_TEST_SIG", SIG_FROM_ENV, "CONSERVER_TEST_TRACE", TRACE_FROM_ENV));
    static final DropwizardAppExtension<ConserverConfiguration> APP = SERVER.app();

    @AfterAll
    static void stopHook() {
        HOOK.stop(0);
    }

    @Test
    void getConfigMasksSecretKeysAndEnvironmentValues() {
        String whole = body(SERVER.get("config"));
        for (String secret : SECRETS) {
            assertThat(whole).doesNotContain(secret);
        }
        JsonNode config = TestServer.read(whole);
        JsonNode headers = config.path("links").path("notify").path("options").path("headers");
        assertThat(headers.path("Authorization").asText()).isEqualTo("********");
        assertThat(headers.path("X-Api-Key").asText()).isEqualTo("********");
        assertThat(headers.path("X-Trace").asText()).isEqualTo("********");
        assertThat(headers.path("X-Key-Prefix").asText()).isEqualTo("visible-prefix");
        assertThat(config.path("links").path("notify").path("options").path("urls").get(0).asText()).isEqualTo("********");
        assertThat(config.path("links").path("mark").path("options").path("tags").toString()).isEqualTo("[\"seen:yes\"]");
        assertThat(config.path("chains").path("main").path("links").get(0).asText()).isEqualTo("mark");
        assertThat(config.path("version").asLong()).isPositive();

        String entry = body(SERVER.get("config/links/notify"));
        for (String secret : SECRETS) {
            assertThat(entry).doesNotContain(secret);
        }
        assertThat(entry).contains("visible-prefix").contains("********");
    }

    @Test
    void maskedRoundTripsKeepTheStoredSecrets() {
        String before = SERVER.postVcon("notify_in");
        await().atMost(Duration.ofSeconds(20)).until(() -> HOOK_SAW.containsKey(before));
        assertSecretsReached(HOOK_SAW.get(before));

        // the whole document, sent back as read
        long whole = version(SERVER.put("config", body(SERVER.get("config"))));
        // one entry, read, edited, sent back
        ObjectNode notify = (ObjectNode) SERVER.json("config/links/notify");
        ((ObjectNode) notify.path("options")).put("timeout", "4s");
        long entry = version(SERVER.put("config/links/notify", notify.toString()));
        assertThat(entry).isGreaterThan(whole);
        await().atMost(Duration.ofSeconds(20)).until(() -> SERVER.runningVersion() >= entry);

        assertThat(SERVER.json("config/links/notify").path("options").path("timeout").asText()).isEqualTo("4s");
        String after = SERVER.postVcon("notify_in");
        await().atMost(Duration.ofSeconds(20)).until(() -> HOOK_SAW.containsKey(after));
        assertSecretsReached(HOOK_SAW.get(after));
        for (String secret : SECRETS) {
            assertThat(body(SERVER.get("config"))).doesNotContain(secret);
        }
    }

    /** The required test: a chain changed through PUT /config while vCons flow; later vCons carry the new tag. */
    @Test
    void aChainChangedWhileVconsFlowAppliesToTheRunningWorkersWithoutARestart() throws Exception {
        List<String> processed = Collections.synchronizedList(new ArrayList<>());
        String first = SERVER.postVcon("default");
        drainUntil(processed, List.of(first));
        assertThat(SERVER.vcon(first)).contains("seen:yes").doesNotContain("phase:two");

        List<String> during = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean flowing = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                while (flowing.get()) {
                    during.add(SERVER.postVcon("default"));
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "test-producer");
        producer.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> during.size() >= 3);

        ObjectNode config = (ObjectNode) SERVER.json("config");
        ((ObjectNode) config.path("links")).putObject("phase2").put("type", "tag")
                .putObject("options").putArray("tags").add("phase:two");
        ((ArrayNode) config.path("chains").path("main").path("links")).add("phase2");
        long version;
        try (Response response = SERVER.put("config", config.toString())) {
            assertThat(response.getStatus()).isEqualTo(200);
            version = response.readEntity(JsonNode.class).path("version").asLong();
        }
        assertThat(version).isGreaterThan(config.path("version").asLong());
        await().atMost(Duration.ofSeconds(20)).until(() -> mainLinks().equals("[\"mark\",\"phase2\"]"));
        int duringChange = during.size();
        await().atMost(Duration.ofSeconds(20)).until(() -> during.size() >= duringChange + 2);
        flowing.set(false);
        producer.join(30_000);
        assertThat(failure.get()).isNull();

        List<String> after = List.of(SERVER.postVcon("default"), SERVER.postVcon("default"), SERVER.postVcon("default"));
        List<String> all = new ArrayList<>(during);
        all.addAll(after);
        drainUntil(processed, all);

        for (String uuid : during) {
            assertThat(SERVER.vcon(uuid)).contains("seen:yes");
        }
        for (String uuid : after) {
            assertThat(SERVER.vcon(uuid)).contains("seen:yes").contains("phase:two");
            assertThat(SERVER.json("vcon/" + uuid + "/history").findValuesAsText("link")).containsExactly("mark", "phase2", "storage:files", "(chain)");
        }
        assertThat(SERVER.vcon(first)).doesNotContain("phase:two");
        assertThat(SERVER.json("config").path("links").has("phase2")).isTrue();
    }

    @Test
    void anInvalidChangeIsRefusedWholeWithEveryProblemAndChangesNothing() {
        JsonNode before = SERVER.json("config");
        String links = mainLinks();
        long running = SERVER.runningVersion();

        ObjectNode bad = before.deepCopy();
        ((ObjectNode) bad.path("links")).putObject("bogus").put("type", "no_such_link_type");
        ArrayNode mainChainLinks = (ArrayNode) bad.path("chains").path("main").path("links");
        mainChainLinks.add("missing_link");
        String missingPath = "chains.main.links[" + (mainChainLinks.size() - 1) + "]";
        ((ObjectNode) bad.path("links").path("mark").path("options")).put("tags", 5);
        ((ObjectNode) bad.path("links")).putObject("extra_tag").put("type", "tag");
        try (Response response = SERVER.put("config", bad.toString())) {
            assertThat(response.getStatus()).isEqualTo(422);
            JsonNode error = response.readEntity(JsonNode.class);
            List<String> paths = error.path("problems").findValuesAsText("path");
            assertThat(paths).anyMatch(p -> p.startsWith("links.bogus"))
                    .anyMatch(p -> p.equals(missingPath))
                    .anyMatch(p -> p.startsWith("links.mark.options"))
                    .anyMatch(p -> p.startsWith("links.extra_tag"));
            assertThat(error.path("problems").findValuesAsText("message")).anyMatch(m -> m.contains("no_such_link_type"))
                    .anyMatch(m -> m.contains("missing_link"));
        }
        try (Response response = SERVER.put("config/chains/main", "{\"links\": [\"mark\", \"nope\"], \"ingress_lists\": [\"default\"]}")) {
            assertThat(response.getStatus()).isEqualTo(422);
            assertThat(response.readEntity(JsonNode.class).path("problems").findValuesAsText("path")).contains("chains.main.links[1]");
        }
        try (Response response = SERVER.put("config/links/mark", "{\"type\": \"tag\", \"options\": {\"tags\": []}}")) {
            assertThat(response.getStatus()).isEqualTo(422);
            assertThat(response.readEntity(JsonNode.class).path("problems").findValuesAsText("path")).anyMatch(p -> p.startsWith("links.mark"));
        }
        assertThat(status(SERVER.put("config", "[1, 2]"))).isEqualTo(422);
        assertThat(status(SERVER.put("config", "{not json"))).isEqualTo(400);
        assertThat(status(SERVER.put("config/links/mark", "\"tag\""))).isEqualTo(422);

        assertThat(SERVER.json("config")).isEqualTo(before);
        assertThat(mainLinks()).isEqualTo(links);
        assertThat(SERVER.runningVersion()).isEqualTo(running);
    }

    @Test
    void entriesCanBeReadWrittenAndDeletedOneByOne() {
        String extra = "{\"type\":\"tag\",\"options\":{\"tags\":[\"x:y\"]}}";
        long put = version(SERVER.put("config/links/extra", extra));
        assertThat(SERVER.json("config/links/extra")).isEqualTo(TestServer.read(extra));
        assertThat(SERVER.json("config").path("links").has("extra")).isTrue();
        assertThat(SERVER.json("config").path("version").asLong()).isEqualTo(put);

        String archive = "{\"type\":\"file\",\"options\":{\"path\":\"" + SERVER.dir().resolve("archive") + "\"}}";
        version(SERVER.put("config/storages/archive", archive));
        assertThat(SERVER.json("config/storages/archive").path("options").path("path").asText()).endsWith("archive");

        String source = "{\"type\":\"poll\",\"options\":{\"every\":\"1m\"}}";
        version(SERVER.put("config/sources/inbox", source));
        assertThat(SERVER.json("config/sources/inbox")).isEqualTo(TestServer.read(source));
        version(deleteEntry("config/sources/inbox"));

        // referenced entries cannot go
        try (Response response = deleteEntry("config/links/mark")) {
            assertThat(response.getStatus()).isEqualTo(422);
            assertThat(response.readEntity(String.class)).contains("chains.main.links[0]");
        }
        assertThat(SERVER.json("config/links/mark").path("type").asText()).isEqualTo("tag");

        long deleted = version(deleteEntry("config/links/extra"));
        assertThat(deleted).isGreaterThan(put);
        assertThat(status(SERVER.get("config/links/extra"))).isEqualTo(404);
        assertThat(status(deleteEntry("config/links/extra"))).isEqualTo(404);
        assertThat(status(SERVER.get("config/widgets/extra"))).isEqualTo(404);
        assertThat(status(SERVER.put("config/widgets/extra", extra))).isEqualTo(404);
        assertThat(SERVER.json("config").path("links").has("extra")).isFalse();
    }

    private static Response deleteEntry(String path) {
        return SERVER.api().path(path).request().delete();
    }

    private static void assertSecretsReached(Map<String, String> saw) {
        assertThat(saw.get("authorization")).isEqualTo("Bearer " + AUTHORIZATION);
        assertThat(saw.get("x-api-key")).isEqualTo(API_KEY);
        assertThat(saw.get("x-trace")).isEqualTo(TRACE_FROM_ENV);
        assertThat(saw.get("x-key-prefix")).isEqualTo("visible-prefix");
        assertThat(saw.get("?")).isEqualTo("sig=" + SIG_FROM_ENV);
    }

    private static String mainLinks() {
        for (JsonNode chain : SERVER.json("chains")) {
            if (chain.path("name").asText().equals("main")) {
                return chain.path("links").toString();
            }
        }
        throw new AssertionError("no chain main");
    }

    private static void drainUntil(List<String> processed, List<String> wanted) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            SERVER.json("vcon/egress", "egress_list", "processed", "limit", "1000").forEach(id -> processed.add(id.asText()));
            return processed.containsAll(wanted);
        });
    }

    private static long version(Response response) {
        try (response) {
            String body = response.readEntity(String.class);
            assertThat(response.getStatus()).as(body).isEqualTo(200);
            return TestServer.read(body).path("version").asLong();
        }
    }

    private static String body(Response response) {
        try (response) {
            assertThat(response.getStatus()).isEqualTo(200);
            return response.readEntity(String.class);
        }
    }

    private static int status(Response response) {
        try (response) {
            return response.getStatus();
        }
    }

    private static HttpServer hook() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                JsonNode vcon = TestServer.read(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                Map<String, String> saw = new ConcurrentHashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> saw.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
                saw.put("?", String.valueOf(exchange.getRequestURI().getRawQuery()));
                HOOK_SAW.put(vcon.path("uuid").asText(), saw);
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
