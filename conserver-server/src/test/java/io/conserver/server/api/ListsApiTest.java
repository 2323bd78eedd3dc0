package io.conserver.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.conserver.server.TestServer;
import io.conserver.server.config.ConserverConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Ingress of stored ids, FIFO egress, counts and list depths, with their refusals. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ListsApiTest {
    static final TestServer SERVER = TestServer.start(TestServer.base() + """
            links:
              mark: {type: tag, options: {tags: ["seen:yes"]}}
            storages:
              files: {type: file, options: {path: "@DIR@/files"}}
            chains:
              main:
                links: [mark]
                storages: [files]
                ingress_lists: [default]
                egress_lists: [processed]
                workers: 2
              fifo:
                links: [mark]
                ingress_lists: [fifo_in]
                egress_lists: [fifo_out]
                workers: 1
              parked:
                links: [mark]
                ingress_lists: [parked_in]
                egress_lists: [parked_out]
                enabled: false
            """);
    static final DropwizardAppExtension<ConserverConfiguration> APP = SERVER.app();

    @Test
    void ingressQueuesStoredVconsAndTheChainProcessesThem() {
        String a = SERVER.postVcon();
        String b = SERVER.postVcon();
        assertThat(SERVER.vcon(a)).doesNotContain("seen:yes");

        try (Response response = SERVER.post("vcon/ingress", "[\"" + a + "\", \"" + b + "\"]", "ingress_list", "default")) {
            assertThat(response.getStatus()).isEqualTo(200);
            JsonNode body = response.readEntity(JsonNode.class);
            assertThat(body.path("ingress_list").asText()).isEqualTo("default");
            assertThat(body.path("queued").asInt()).isEqualTo(2);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> count("processed") == 2);
        assertThat(egress("processed", 10)).containsExactlyInAnyOrder(a, b);
        assertThat(SERVER.vcon(a)).contains("seen:yes");
        assertThat(SERVER.vcon(b)).contains("seen:yes");
    }

    @Test
    void ingressAcceptsTheUuidsObjectForm() {
        String a = SERVER.postVcon();
        long before = depth("parked_in");
        try (Response response = SERVER.post("vcon/ingress", "{\"uuids\": [\"" + a + "\"]}", "ingress_list", "parked_in")) {
            assertThat(response.getStatus()).isEqualTo(200);
        }
        assertThat(depth("parked_in")).isEqualTo(before + 1);
    }

    @Test
    void ingressWithAnUnknownIdIsRefusedWholeAndQueuesNothing() {
        String known = SERVER.postVcon();
        String unknown = UUID.randomUUID().toString();
        long before = depth("parked_in");

        try (Response response = SERVER.post("vcon/ingress", "[\"" + known + "\", \"" + unknown + "\"]", "ingress_list", "parked_in")) {
            assertThat(response.getStatus()).isEqualTo(404);
            String body = response.readEntity(String.class);
            assertThat(body).contains(unknown).contains("nothing was queued").doesNotContain(known);
        }
        assertThat(depth("parked_in")).isEqualTo(before);
    }

    @Test
    void ingressToAnUnknownListIsRefusedNamingTheKnownLists() {
        String known = SERVER.postVcon();
        try (Response response = SERVER.post("vcon/ingress", "[\"" + known + "\"]", "ingress_list", "nobody_reads_this")) {
            assertThat(response.getStatus()).isEqualTo(404);
            JsonNode body = response.readEntity(JsonNode.class);
            assertThat(body.path("message").asText()).contains("nobody_reads_this").contains("default")
                    .contains("fifo_in").contains("parked_in");
        }
        assertThat(SERVER.json("lists").has("nobody_reads_this")).isFalse();
    }

    @Test
    void ingressRefusesBadBodiesAndAMissingList() {
        String known = SERVER.postVcon();
        long before = depth("parked_in");
        assertThat(status(SERVER.post("vcon/ingress", "[not json", "ingress_list", "parked_in"))).isEqualTo(400);
        assertThat(status(SERVER.post("vcon/ingress", "{\"ids\": []}", "ingress_list", "parked_in"))).isEqualTo(422);
        assertThat(status(SERVER.post("vcon/ingress", "\"" + known + "\"", "ingress_list", "parked_in"))).isEqualTo(422);
        assertThat(status(SERVER.post("vcon/ingress", "[\"not-a-uuid\"]", "ingress_list", "parked_in"))).isEqualTo(422);
        assertThat(status(SERVER.post("vcon/ingress", "[42]", "ingress_list", "parked_in"))).isEqualTo(422);
        assertThat(status(SERVER.post("vcon/ingress", null, "ingress_list", "parked_in"))).isEqualTo(422);
        assertThat(status(SERVER.post("vcon/ingress", "[\"" + known + "\"]"))).isEqualTo(422);
        assertThat(depth("parked_in")).isEqualTo(before);
    }

    @Test
    void egressIsFirstInFirstOut() {
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            posted.add(SERVER.postVcon("fifo_in"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> count("fifo_out") == 3);

        assertThat(egress("fifo_out", 2)).containsExactly(posted.get(0), posted.get(1));
        assertThat(count("fifo_out")).isEqualTo(1);
        try (Response response = SERVER.get("vcon/egress", "egress_list", "fifo_out")) {
            assertThat(response.readEntity(JsonNode.class).toString()).isEqualTo("[\"" + posted.get(2) + "\"]");
        }
        assertThat(egress("fifo_out", 5)).isEmpty();
        assertThat(count("fifo_out")).isZero();
    }

    @Test
    void egressAndCountRefuseUnknownListsAndBadLimits() {
        assertThat(status(SERVER.get("vcon/egress", "egress_list", "no_such_list"))).isEqualTo(404);
        assertThat(status(SERVER.get("vcon/count", "egress_list", "no_such_list"))).isEqualTo(404);
        assertThat(status(SERVER.get("vcon/egress"))).isEqualTo(422);
        assertThat(status(SERVER.get("vcon/count"))).isEqualTo(422);
        assertThat(status(SERVER.get("vcon/egress", "egress_list", "fifo_out", "limit", "0"))).isEqualTo(422);
        assertThat(status(SERVER.get("vcon/egress", "egress_list", "fifo_out", "limit", "many"))).isEqualTo(422);
        // a known egress list that is empty is fine
        assertThat(SERVER.json("vcon/count", "egress_list", "parked_out").path("count").asLong()).isZero();
    }

    @Test
    void listsAndQueueStatsShowDepths() {
        long before = depth("parked_in");
        SERVER.postVcon("parked_in");
        SERVER.postVcon("parked_in");

        assertThat(SERVER.json("lists").path("parked_in").asLong()).isEqualTo(before + 2);
        JsonNode stats = SERVER.json("stats/queue", "list_name", "parked_in");
        assertThat(stats.path("list_name").asText()).isEqualTo("parked_in");
        assertThat(stats.path("depth").asLong()).isEqualTo(before + 2);
        assertThat(SERVER.json("stats/queue", "list_name", "never_used").path("depth").asLong()).isZero();
        assertThat(status(SERVER.get("stats/queue"))).isEqualTo(422);
    }

    private static long depth(String list) {
        return SERVER.json("stats/queue", "list_name", list).path("depth").asLong();
    }

    private static long count(String list) {
        return SERVER.json("vcon/count", "egress_list", list).path("count").asLong();
    }

    private static List<String> egress(String list, int limit) {
        List<String> ids = new ArrayList<>();
        SERVER.json("vcon/egress", "egress_list", list, "limit", String.valueOf(limit)).forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private static int status(Response response) {
        try (response) {
            return response.getStatus();
        }
    }
}
