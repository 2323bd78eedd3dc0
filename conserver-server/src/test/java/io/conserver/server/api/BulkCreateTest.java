package io.conserver.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.conserver.domain.fixtures.VconFixtures;
import io.conserver.domain.vcon.VconCodec;
import io.conserver.server.ServerFixture;
import io.conserver.server.config.ConserverConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /vcons with a JSON array: each object item is read exactly as a single POST would read it. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BulkCreateTest {
    static final DropwizardAppExtension<ConserverConfiguration> APP = ServerFixture.app();

    private static String vconJson() {
        return new String(VconCodec.lenient().write(VconFixtures.vcon(VconFixtures.tel(VconFixtures.uniqueTel()))),
                StandardCharsets.UTF_8);
    }

    private static Response post(String body) {
        WebTarget api = ServerFixture.api(APP);
        return api.path("vcons").request().post(Entity.entity(body, MediaType.APPLICATION_JSON));
    }

    @Test
    void itemsKeepTheirExactNumbersAndDuplicateKeysAreRefusedPerItem() {
        String exact = vconJson();
        exact = exact.substring(0, exact.length() - 1) + ",\"x_score\":1.50}";
        String duplicate = vconJson();
        duplicate = duplicate.substring(0, duplicate.length() - 1) + ",\"subject\":\"a\",\"subject\":\"b\"}";
        String third = vconJson();

        Response response = post("[ " + exact + " ,\n" + duplicate + "," + third + "]  ");
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode result = response.readEntity(JsonNode.class);
        assertThat(result.path("accepted").asInt()).isEqualTo(2);
        assertThat(result.path("refused").asInt()).isEqualTo(1);
        JsonNode items = result.path("items");
        assertThat(items.get(0).path("status").asInt()).isEqualTo(201);
        assertThat(items.get(1).path("status").asInt()).isBetween(400, 499);
        assertThat(items.get(2).path("status").asInt()).isEqualTo(201);

        String uuid = items.get(0).path("uuid").asText();
        String stored = ServerFixture.api(APP).path("vcon").path(uuid).request().get(String.class);
        assertThat(stored).contains("\"x_score\":1.50");
    }

    @Test
    void aBodyThatIsNotAnArrayOrIsMalformedIsRefusedWhole() {
        assertThat(post(vconJson()).getStatus()).isEqualTo(422);
        assertThat(post("[" + vconJson() + ",").getStatus()).isEqualTo(400);
        assertThat(post("[" + vconJson() + ", {\"vcon\": ]").getStatus()).isEqualTo(400);
        assertThat(post("[]").readEntity(JsonNode.class).path("accepted").asInt()).isZero();
    }

    @Test
    void nonObjectItemsAreRefusedOneByOne() {
        JsonNode result = post("[null, 3, \"text\", [1], " + vconJson() + "]").readEntity(JsonNode.class);
        assertThat(result.path("accepted").asInt()).isEqualTo(1);
        assertThat(result.path("refused").asInt()).isEqualTo(4);
    }
}
