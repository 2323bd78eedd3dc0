package io.conserver.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conserver.server.TestServer;
import io.conserver.server.config.ConserverConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Health on the API and the admin port, Prometheus metrics, and the admin tasks. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AdminAndHealthTest {
    static final String CHAINS = """
            links:
              mark: {type: tag, options: {tags: ["seen:yes"]}}
              strict: {type: validate, options: {mode: strict, on_invalid: fail}}
            storages:
              files: {type: file, options: {path: "@DIR@/files"}}
            chains:
              main:
                links: [mark]
                storages: [files]
                ingress_lists: [default]
                egress_lists: [processed]
              checked:
                links: [strict]
                ingress_lists: [check_in]
                egress_lists: [check_out]
              parked:
                links: [mark]
                ingress_lists: [parked_in]
                enabled: false
            """;
    static final TestServer SERVER = TestServer.start(TestServer.base() + CHAINS);
    static final DropwizardAppExtension<ConserverConfiguration> APP = SERVER.app();

    @Test
    void healthChecksTheStoreAndEveryStorage() {
        JsonNode health = SERVER.json("health");
        assertThat(health.path("status").asText()).isEqualTo("ok");
        assertThat(health.path("checks").path("store").asText()).isEqualTo("ok");
        assertThat(health.path("checks").path("storage:files").asText()).isEqualTo("ok");
        assertThat(health.path("version").asText()).isNotBlank();

        // a storage whose path is a file, not a directory, makes the server unhealthy, without saying why
        String broken = "{\"type\":\"file\",\"options\":{\"path\":\"" + SERVER.yaml() + "/sub\"}}";
        long version = version(SERVER.put("config/storages/broken", broken));
        await().atMost(Duration.ofSeconds(20)).until(() -> SERVER.runningVersion() >= version);
        try (Response response = SERVER.get("health")) {
            assertThat(response.getStatus()).isEqualTo(503);
            JsonNode body = response.readEntity(JsonNode.class);
            assertThat(body.path("status").asText()).isEqualTo("unhealthy");
            assertThat(body.path("checks").path("storage:broken").asText()).isEqualTo("failing");
            assertThat(body.path("checks").path("storage:files").asText()).isEqualTo("ok");
            assertThat(body.toString()).doesNotContain(SERVER.yaml().toString());
        }
        try (Response response = SERVER.admin().path("healthcheck").request().get()) {
            assertThat(response.getStatus()).isEqualTo(500);
            assertThat(response.readEntity(String.class)).contains("storage:broken");
        }

        long removed = version(SERVER.api().path("config/storages/broken").request().delete());
        await().atMost(Duration.ofSeconds(20)).until(() -> SERVER.runningVersion() >= removed);
        assertThat(SERVER.json("health").path("status").asText()).isEqualTo("ok");
        try (Response response = SERVER.admin().path("healthcheck").request().get()) {
            assertThat(response.getStatus()).isEqualTo(200);
            JsonNode checks = response.readEntity(JsonNode.class);
            assertThat(checks.path("conserver").path("healthy").asBoolean()).isTrue();
        }
    }

    @Test
    void prometheusCountsChainOutcomesAndShowsQueueDepths() {
        double before = sample(prometheus(), "conserver_chain_outcomes_total{chain=\"main\",outcome=\"done\"}");
        long processed = count("processed");
        SERVER.postVcon("default");
        SERVER.postVcon("default");
        await().atMost(Duration.ofSeconds(20)).until(() -> count("processed") == processed + 2);

        String text = prometheus();
        assertThat(text).contains("# TYPE conserver_chain_outcomes_total counter");
        assertThat(sample(text, "conserver_chain_outcomes_total{chain=\"main\",outcome=\"done\"}")).isEqualTo(before + 2);
        assertThat(sample(text, "conserver_link_outcomes_total{chain=\"main\",link=\"mark\",outcome=\"continue\"}")).isGreaterThanOrEqualTo(2);
        assertThat(sample(text, "conserver_storage_outcomes_total{chain=\"main\",storage=\"files\",outcome=\"saved\"}")).isGreaterThanOrEqualTo(2);
        assertThat(sample(text, "conserver_chain_seconds_count{chain=\"main\"}")).isGreaterThanOrEqualTo(2);

        long parked = SERVER.json("stats/queue", "list_name", "parked_in").path("depth").asLong();
        SERVER.postVcon("parked_in");
        SERVER.postVcon("parked_in");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                sample(prometheus(), "conserver_queue_depth{key=\"parked_in\"}") == parked + 2);
        assertThat(prometheus()).contains("# TYPE conserver_queue_depth gauge");
    }

    @Test
    void theReprocessTaskReplaysADeadLetterList() {
        JsonNode vcon = TestServer.read(TestServer.newVconJson());
        ((ObjectNode) vcon).remove("created_at");
        String uuid;
        try (Response response = SERVER.post("vcon", vcon.toString(), "ingress_lists", "check_in")) {
            assertThat(response.getStatus()).isEqualTo(201);
            uuid = response.readEntity(JsonNode.class).path("uuid").asText();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> SERVER.json("dlq").path("DLQ:checked").asLong() == 1);

        // fix the cause: accept what producers in the wild send
        long version = version(SERVER.put("config/links/strict", "{\"type\":\"validate\",\"options\":{\"mode\":\"lenient\",\"on_invalid\":\"fail\"}}"));
        await().atMost(Duration.ofSeconds(20)).until(() -> SERVER.runningVersion() >= version);

        String output = task("reprocess-dead-letters", "list", "DLQ:checked", "count", "10");
        assertThat(output).contains("DLQ:checked: reprocessed 1");
        await().atMost(Duration.ofSeconds(20)).until(() -> count("check_out") == 1);
        assertThat(SERVER.json("dlq", "list", "DLQ:checked")).isEmpty();
        assertThat(SERVER.json("vcon/" + uuid + "/history").findValuesAsText("outcome")).containsExactly("error", "error", "continue", "done");

        assertThat(task("reprocess-dead-letters")).contains("name the dead-letter list").contains("DLQ:checked").contains("DLQ:storage:files");
    }

    @Test
    void theReloadTaskAppliesTheRewrittenFileAndRefusesAnInvalidOne() throws Exception {
        String original = Files.readString(SERVER.yaml());
        try {
            String changed = original
                    .replace("links:\n  mark:", "links:\n  extra: {type: tag, options: {tags: [\"reloaded:yes\"]}}\n  mark:")
                    .replace("  main:\n    links: [mark]", "  main:\n    links: [mark, extra]");
            assertThat(changed).contains("[mark, extra]").contains("reloaded:yes");
            Files.writeString(SERVER.yaml(), changed);

            String output = task("reload-config");
            assertThat(output).contains("reloaded " + SERVER.yaml()).contains("configuration version");
            await().atMost(Duration.ofSeconds(20)).until(() -> mainLinks().equals("[\"mark\",\"extra\"]"));
            String uuid = SERVER.postVcon("default");
            await().atMost(Duration.ofSeconds(20)).until(() -> SERVER.vcon(uuid).contains("reloaded:yes"));
            assertThat(SERVER.json("config").path("links").path("extra").path("options").path("tags").get(0).asText()).isEqualTo("reloaded:yes");

            JsonNode before = SERVER.json("config");
            Files.writeString(SERVER.yaml(), changed.replace("extra: {type: tag,", "extra: {type: no_such_type,"));
            String refused = task("reload-config");
            assertThat(refused).contains("not applied").contains("links.extra.type").contains("no_such_type");
            assertThat(SERVER.json("config")).isEqualTo(before);
            assertThat(mainLinks()).isEqualTo("[\"mark\",\"extra\"]");
        } finally {
            Files.writeString(SERVER.yaml(), original);
        }
    }

    private static String task(String name, String... query) {
        try (Response response = TestServer.query(SERVER.admin().path("tasks").path(name), query).request().post(Entity.text(""))) {
            String body = response.readEntity(String.class);
            assertThat(response.getStatus()).as(body).isEqualTo(200);
            return body;
        }
    }

    private static String prometheus() {
        try (Response response = SERVER.admin().path("prometheus").request().get()) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getMediaType().toString()).startsWith("text/plain");
            return response.readEntity(String.class);
        }
    }

    /** The value of one series, 0 if it is absent. */
    private static double sample(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String mainLinks() {
        for (JsonNode chain : SERVER.json("chains")) {
            if (chain.path("name").asText().equals("main")) {
                return chain.path("links").toString();
            }
        }
        throw new AssertionError("no chain main");
    }

    private static long count(String list) {
        return SERVER.json("vcon/count", "egress_list", list).path("count").asLong();
    }

    private static long version(Response response) {
        try (response) {
            String body = response.readEntity(String.class);
            assertThat(response.getStatus()).as(body).isEqualTo(200);
            return TestServer.read(body).path("version").asLong();
        }
    }
}
