package io.conserver.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.conserver.domain.fixtures.VconFixtures;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconCodec;
import io.conserver.server.ServerFixture;
import io.conserver.server.config.ConserverConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole path once: POST a vCon, the chain validates and tags it, the file storage writes it, egress has it. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ServerSmokeTest {
    static final DropwizardAppExtension<ConserverConfiguration> APP = ServerFixture.app();

    @Test
    void aPostedVconRunsThroughTheSampleChainIntoTheFileStorageAndEgress() throws Exception {
        WebTarget api = ServerFixture.api(APP);
        Vcon vcon = VconFixtures.vcon(VconFixtures.tel(VconFixtures.uniqueTel()));
        Response created = api.path("vcon").queryParam("ingress_lists", "default").request()
                .post(Entity.entity(VconCodec.lenient().write(vcon), MediaType.APPLICATION_JSON));
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(created.readEntity(JsonNode.class).path("uuid").asText()).isEqualTo(vcon.uuid());

        await().atMost(Duration.ofSeconds(20)).until(() ->
                api.path("vcon/count").queryParam("egress_list", "processed").request().get(JsonNode.class).path("count").asLong() == 1);
        List<String> egress = api.path("vcon/egress").queryParam("egress_list", "processed").request()
                .get(new jakarta.ws.rs.core.GenericType<List<String>>() { });
        assertThat(egress).containsExactly(vcon.uuid());

        JsonNode stored = api.path("vcon").path(vcon.uuid()).request().get(JsonNode.class);
        assertThat(stored.toString()).contains("seen:yes");
        try (Stream<java.nio.file.Path> files = Files.walk(ServerFixture.filesDir(APP))) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith(vcon.uuid()))).hasSize(1);
        }
        JsonNode history = api.path("vcon").path(vcon.uuid()).path("history").request().get(JsonNode.class);
        assertThat(history.findValuesAsText("link")).containsExactly("check", "mark", "storage:files", "(chain)");
    }
}
