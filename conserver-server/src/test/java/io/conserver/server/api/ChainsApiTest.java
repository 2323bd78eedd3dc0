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

/** The chains as the API shows them, runs on request, and disable/enable stopping and resuming work. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ChainsApiTest {
    static final TestServer SERVER = TestServer.start(TestServer.base() + """
            links:
              mark: {type: tag, options: {tags: ["seen:yes"]}}
              ran: {type: tag, options: {tags: ["ran:on-request"]}}
            storages:
              files: {type: file, options: {path: "@DIR@/files"}}
            chains:
              main:
                links: [mark]
                storages: [files]
                ingress_lists: [default]
                egress_lists: [processed]
                workers: 1
              on_demand:
                links: [ran]
                egress_lists: [on_demand_out]
              toggled:
                links: [mark]
                ingress_lists: [toggle_in]
                egress_lists: [toggle_out]
              parked:
                links: [mark]
                ingress_lists: [parked_in]
                enabled: false
            """);
    static final DropwizardAppExtension<ConserverConfiguration> APP = SERVER.app();

    @Test
    void chainsShowTheirConfigurationStateAndDepths() {
        SERVER.postVcon("parked_in");
        SERVER.postVcon("parked_in");

        JsonNode main = chain("main");
        assertThat(main.path("enabled").asBoolean()).isTrue();
        assertThat(main.path("links").toString()).isEqualTo("[\"mark\"]");
        assertThat(main.path("storages").toString()).isEqualTo("[\"files\"]");
        assertThat(main.path("ingress_lists").toString()).isEqualTo("[\"default\"]");
        assertThat(main.path("egress_lists").toString()).isEqualTo("[\"processed\"]");
        assertThat(main.path("workers").asInt()).isEqualTo(1);
        assertThat(main.path("scheduled").asBoolean()).isFalse();
        assertThat(main.path("dead_letter_list").asText()).isEqualTo("DLQ:main");
        assertThat(main.path("dead_letters").asLong()).isZero();
        assertThat(names(main.path("depths"))).containsExactly("default", "main:run", "main:resume", "processed");

        JsonNode parked = chain("parked");
        assertThat(parked.path("enabled").asBoolean()).isFalse();
        assertThat(parked.path("depths").path("parked_in").asLong()).isGreaterThanOrEqualTo(2);

        List<String> all = new ArrayList<>();
        SERVER.json("chains").forEach(c -> all.add(c.path("name").asText()));
        assertThat(all).containsExactly("main", "on_demand", "toggled", "parked");
    }

    @Test
    void runPushesStoredVconsThroughTheChain() {
        String a = SERVER.postVcon();
        String b = SERVER.postVcon();

        try (Response response = SERVER.post("chains/on_demand/run", "[\"" + a + "\", \"" + b + "\"]")) {
            assertThat(response.getStatus()).isEqualTo(202);
            JsonNode body = response.readEntity(JsonNode.class);
            assertThat(body.path("chain").asText()).isEqualTo("on_demand");
            assertThat(body.path("queued").asInt()).isEqualTo(2);
        }
        List<String> out = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            SERVER.json("vcon/egress", "egress_list", "on_demand_out", "limit", "100").forEach(id -> out.add(id.asText()));
            return out.containsAll(List.of(a, b));
        });
        assertThat(SERVER.vcon(a)).contains("ran:on-request").doesNotContain("seen:yes");
        assertThat(SERVER.vcon(b)).contains("ran:on-request");
        assertThat(SERVER.json("vcon/" + a + "/history").findValuesAsText("chain")).containsOnly("on_demand");
    }

    @Test
    void runRefusesUnknownChainsDisabledChainsUnknownIdsAndBadBodies() {
        String a = SERVER.postVcon();
        long before = chain("parked").path("depths").path("parked:run").asLong();

        try (Response response = SERVER.post("chains/no_such_chain/run", "[\"" + a + "\"]")) {
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(response.readEntity(String.class)).contains("no_such_chain");
        }
        try (Response response = SERVER.post("chains/parked/run", "[\"" + a + "\"]")) {
            assertThat(response.getStatus()).isEqualTo(422);
            assertThat(response.readEntity(String.class)).contains("disabled");
        }
        String unknown = UUID.randomUUID().toString();
        try (Response response = SERVER.post("chains/on_demand/run", "[\"" + a + "\", \"" + unknown + "\"]")) {
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(response.readEntity(String.class)).contains(unknown).contains("nothing was queued");
        }
        assertThat(status(SERVER.post("chains/on_demand/run", "{\"not\": \"ids\"}"))).isEqualTo(422);
        assertThat(status(SERVER.post("chains/on_demand/run", "[oops"))).isEqualTo(400);
        assertThat(chain("parked").path("depths").path("parked:run").asLong()).isEqualTo(before);
        assertThat(chain("on_demand").path("depths").path("on_demand:run").asLong()).isZero();
        assertThat(chain("on_demand").path("dead_letters").asLong()).isZero();
    }

    @Test
    void aDisabledChainTakesNothingUntilItIsEnabledAgain() {
        try (Response response = SERVER.post("chains/toggled/disable", null)) {
            assertThat(response.getStatus()).isEqualTo(200);
            JsonNode body = response.readEntity(JsonNode.class);
            assertThat(body.path("chain").asText()).isEqualTo("toggled");
            assertThat(body.path("enabled").asBoolean()).isFalse();
            assertThat(body.path("config_version").asLong()).isGreaterThan(1);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !chain("toggled").path("enabled").asBoolean());
        assertThat(SERVER.json("config/chains/toggled").path("enabled").asBoolean()).isFalse();

        String waiting = SERVER.postVcon("toggle_in");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> chain("toggled").path("depths").path("toggle_in").asLong() == 1);
        assertThat(count("toggle_out")).isZero();
        assertThat(SERVER.vcon(waiting)).doesNotContain("seen:yes");
        assertThat(SERVER.json("vcon/" + waiting + "/history")).isEmpty();

        try (Response response = SERVER.post("chains/toggled/enable", null)) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.readEntity(JsonNode.class).path("enabled").asBoolean()).isTrue();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> count("toggle_out") == 1);
        assertThat(chain("toggled").path("enabled").asBoolean()).isTrue();
        assertThat(chain("toggled").path("depths").path("toggle_in").asLong()).isZero();
        assertThat(SERVER.vcon(waiting)).contains("seen:yes");
    }

    @Test
    void enableAndDisableRefuseUnknownChains() {
        assertThat(status(SERVER.post("chains/no_such_chain/disable", null))).isEqualTo(404);
        assertThat(status(SERVER.post("chains/no_such_chain/enable", null))).isEqualTo(404);
    }

    private static JsonNode chain(String name) {
        for (JsonNode chain : SERVER.json("chains")) {
            if (chain.path("name").asText().equals(name)) {
                return chain;
            }
        }
        throw new AssertionError("no chain " + name + " in " + SERVER.json("chains"));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static long count(String list) {
        return SERVER.json("vcon/count", "egress_list", list).path("count").asLong();
    }

    private static int status(Response response) {
        try (response) {
            return response.getStatus();
        }
    }
}
