package io.conserver.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.conserver.server.TestServer;
import io.conserver.server.config.ConserverConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Chain dead letters (a webhook that answers 500, a strict validation that fails) and storage dead
 * letters (a file storage whose size limit is too small): listed with their reasons, replayed after
 * the cause is fixed.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DeadLettersApiTest {
    static final AtomicInteger HOOK_STATUS = new AtomicInteger(500);
    static final Set<String> HOOK_SAW = ConcurrentHashMap.newKeySet();
    static final HttpServer HOOK = hook();
    static final TestServer SERVER = TestServer.start(TestServer.base() + """
            links:
              hook:
                type: webhook
                options: {urls: ["http://127.0.0.1:%d/hook"], timeout: 5s}
              strict: {type: validate, options: {mode: strict, on_invalid: fail}}
              mark: {type: tag, options: {tags: ["seen:yes"]}}
            storages:
              small:
                type: file
                options: {path: "@DIR@/small", max_file_size: 10}
            chains:
              hooked:
                links: [hook]
                ingress_lists: [hook_in]
                egress_lists: [hook_out]
                errors: {max_attempts: 1}
              checked:
                links: [strict]
                ingress_lists: [check_in]
                egress_lists: [check_out]
              stored:
                links: [mark]
                storages: [small]
                ingress_lists: [store_in]
                egress_lists: [store_out]
            """.formatted(HOOK.getAddress().getPort()));
    static final DropwizardAppExtension<ConserverConfiguration> APP = SERVER.app();

    @AfterAll
    static void stopHook() {
        HOOK.stop(0);
    }

    @Test
    void aFailingWebhookDeadLettersTheVconAndAReplayAfterTheFixRunsTheChainAgain() {
        String uuid = SERVER.postVcon("hook_in");
        await().atMost(Duration.ofSeconds(20)).until(() -> SERVER.json("dlq").path("DLQ:hooked").asLong() == 1);

        JsonNode entries = SERVER.json("dlq", "list", "DLQ:hooked");
        assertThat(entries).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.path("uuid").asText()).isEqualTo(uuid);
        assertThat(entry.path("reason").asText()).contains("500");
        assertThat(entry.path("chain").asText()).isEqualTo("hooked");
        assertThat(entry.path("stage").asText()).isEqualTo("hook");
        assertThat(entry.path("attempts").asInt()).isEqualTo(1);
        assertThat(entry.path("replay_to").asText()).isEqualTo("hooked:run");
        assertThat(count("hook_out")).isZero();

        HOOK_STATUS.set(200);
        try (Response response = SERVER.post("dlq/reprocess", null, "list", "DLQ:hooked", "count", "10")) {
            assertThat(response.getStatus()).isEqualTo(200);
            JsonNode body = response.readEntity(JsonNode.class);
            assertThat(body.path("list").asText()).isEqualTo("DLQ:hooked");
            assertThat(body.path("reprocessed").asInt()).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> count("hook_out") == 1);
        assertThat(SERVER.json("dlq", "list", "DLQ:hooked")).isEmpty();
        assertThat(HOOK_SAW).contains(uuid);
        List<String> outcomes = SERVER.json("vcon/" + uuid + "/history").findValuesAsText("outcome");
        assertThat(outcomes).containsExactly("error", "error", "continue", "done");
    }

    @Test
    void aStrictlyInvalidVconIsDeadLetteredAtOnceWithTheValidationProblems() {
        JsonNode vcon = TestServer.read(TestServer.newVconJson());
        ((com.fasterxml.jackson.databind.node.ObjectNode) vcon).remove("created_at");
        String uuid;
        try (Response response = SERVER.post("vcon", vcon.toString(), "ingress_lists", "check_in")) {
            assertThat(response.getStatus()).isEqualTo(201);
            uuid = response.readEntity(JsonNode.class).path("uuid").asText();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> SERVER.json("dlq").path("DLQ:checked").asLong() == 1);

        JsonNode entry = SERVER.json("dlq", "list", "DLQ:checked").get(0);
        assertThat(entry.path("uuid").asText()).isEqualTo(uuid);
        assertThat(entry.path("reason").asText()).contains("is invalid").contains("created_at");
        assertThat(entry.path("stage").asText()).isEqualTo("strict");
        assertThat(entry.path("attempts").asInt()).isEqualTo(1);
        assertThat(count("check_out")).isZero();
        assertThat(SERVER.json("dlq", "list", "DLQ:checked", "start", "1")).isEmpty();
    }

    @Test
    void aStorageThatCannotSaveRecordsADeadLetterAndAReplayAfterTheFixSavesTheFile() {
        String uuid = SERVER.postVcon("store_in");
        await().atMost(Duration.ofSeconds(20)).until(() -> SERVER.json("dlq/storage", "storage", "small").size() == 1);
        // egress still happens: the storage failure is kept as a dead letter, not a chain failure
        await().atMost(Duration.ofSeconds(20)).until(() -> count("store_out") >= 1);

        JsonNode entry = SERVER.json("dlq/storage", "storage", "small").get(0);
        assertThat(entry.path("uuid").asText()).isEqualTo(uuid);
        assertThat(entry.path("stage").asText()).isEqualTo("small");
        assertThat(entry.path("chain").asText()).isEqualTo("stored");
        assertThat(entry.path("reason").asText()).containsIgnoringCase("max_file_size");
        assertThat(entry.path("attempts").asInt()).as("too large is not retried").isEqualTo(1);
        assertThat(entry.path("replay_to").isNull() || entry.path("replay_to").isMissingNode()).isTrue();
        assertThat(SERVER.json("dlq").path("DLQ:storage:small").asLong()).isEqualTo(1);
        Path file = SERVER.dir().resolve("small").resolve(uuid + ".json");
        assertThat(file).doesNotExist();

        long version;
        try (Response response = SERVER.put("config/storages/small",
                "{\"type\": \"file\", \"options\": {\"path\": \"" + SERVER.dir().resolve("small") + "\", \"max_file_size\": 10485760}}")) {
            assertThat(response.getStatus()).isEqualTo(200);
            version = response.readEntity(JsonNode.class).path("version").asLong();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> SERVER.runningVersion() >= version);

        try (Response response = SERVER.post("dlq/storage/reprocess", null, "storage", "small")) {
            assertThat(response.getStatus()).isEqualTo(200);
            JsonNode body = response.readEntity(JsonNode.class);
            assertThat(body.path("list").asText()).isEqualTo("DLQ:storage:small");
            assertThat(body.path("reprocessed").asInt()).isEqualTo(1);
        }
        assertThat(file).exists();
        assertThat(readString(file)).contains(uuid).contains("seen:yes");
        assertThat(SERVER.json("dlq/storage", "storage", "small")).isEmpty();
        List<String> storage = new ArrayList<>();
        SERVER.json("vcon/" + uuid + "/history").forEach(h -> {
            if (h.path("link").asText().equals("storage:small")) {
                storage.add(h.path("outcome").asText());
            }
        });
        assertThat(storage).containsExactly("dead_letter", "saved");
    }

    @Test
    void unknownListsAndStoragesAreNotFound() {
        try (Response response = SERVER.get("dlq", "list", "DLQ:nope")) {
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(response.readEntity(String.class)).contains("DLQ:nope").contains("DLQ:hooked");
        }
        assertThat(status(SERVER.post("dlq/reprocess", null, "list", "DLQ:nope"))).isEqualTo(404);
        assertThat(status(SERVER.post("dlq/reprocess", null))).isEqualTo(422);
        assertThat(status(SERVER.post("dlq/reprocess", null, "list", "DLQ:hooked", "count", "0"))).isEqualTo(422);
        try (Response response = SERVER.get("dlq/storage", "storage", "nope")) {
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(response.readEntity(String.class)).contains("nope").contains("small");
        }
        assertThat(status(SERVER.post("dlq/storage/reprocess", null, "storage", "nope"))).isEqualTo(404);
        assertThat(status(SERVER.get("dlq/storage"))).isEqualTo(422);
        // a known list with nothing in it is an empty page, not an error
        assertThat(SERVER.json("dlq", "list", "DLQ:stored")).isEmpty();
    }

    private static long count(String list) {
        return SERVER.json("vcon/count", "egress_list", list).path("count").asLong();
    }

    private static int status(Response response) {
        try (response) {
            return response.getStatus();
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpServer hook() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                JsonNode vcon = TestServer.read(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                int status = HOOK_STATUS.get();
                if (status == 200) {
                    HOOK_SAW.add(vcon.path("uuid").asText());
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
