package io.conserver.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconCodec;
import io.conserver.server.ServerFixture;
import io.conserver.server.config.ConserverConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.client.ClientProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What the vCon endpoint tests share: JSON helpers and the one check every error answer must pass. */
final class VconApiSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    static final VconCodec CODEC = VconCodec.lenient();
    private static final Set<String> ERROR_FIELDS = Set.of("status", "error", "message", "problems");

    private VconApiSupport() {
    }

    /**
     * The API root with generous timeouts: the test client's default 5 s read timeout fails the first,
     * cold request when the machine is busy, which says nothing about the server.
     */
    static WebTarget api(DropwizardAppExtension<ConserverConfiguration> app) {
        return patient(ServerFixture.api(app));
    }

    static WebTarget patient(WebTarget target) {
        return target.property(ClientProperties.CONNECT_TIMEOUT, 10_000).property(ClientProperties.READ_TIMEOUT, 60_000);
    }

    static ObjectNode tree(Vcon vcon) {
        return CODEC.toTree(vcon);
    }

    static byte[] bytes(Vcon vcon) {
        return CODEC.write(vcon);
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode body(Response response) {
        return parse(response.readEntity(String.class));
    }

    /**
     * Asserts the answer is an error with {@code status} in the ApiError shape ({status, error,
     * message, problems?}) and without any stack trace text; returns its body.
     */
    static JsonNode assertError(Response response, int status) {
        String text = response.readEntity(String.class);
        assertThat(response.getStatus()).as("status of %s", text).isEqualTo(status);
        assertThat(response.getMediaType()).hasToString("application/json");
        JsonNode error = parse(text);
        assertThat(error.isObject()).as(text).isTrue();
        List<String> fields = new ArrayList<>();
        error.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as(text).containsAll(List.of("status", "error", "message")).isSubsetOf(ERROR_FIELDS);
        assertThat(error.path("status").asInt()).isEqualTo(status);
        assertThat(error.path("error").asText()).isNotBlank();
        assertThat(error.path("message").asText()).isNotBlank();
        if (error.has("problems")) {
            assertThat(error.get("problems").isArray()).isTrue();
            for (JsonNode problem : error.get("problems")) {
                assertThat(problem.path("path").asText()).as(text).isNotBlank();
                assertThat(problem.path("message").asText()).as(text).isNotBlank();
            }
        }
        assertNoStackTrace(text);
        return error;
    }

    /** An error answer of any 4xx status; returns its body. */
    static JsonNode assertClientError(Response response) {
        int status = response.getStatus();
        assertThat(status).as("expected a 4xx answer").isBetween(400, 499);
        return assertError(response, status);
    }

    static void assertNoStackTrace(String text) {
        assertThat(text).doesNotContainPattern("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)")
                .doesNotContain("\tat ")
                .doesNotContain("Exception:")
                .doesNotContain("org.glassfish")
                .doesNotContain("io.conserver.");
    }

    /** All problem paths of an error answer. */
    static List<String> paths(JsonNode error) {
        return error.path("problems").findValuesAsText("path");
    }

    /** All texts of an error answer: its message and every problem's message. */
    static String allMessages(JsonNode error) {
        StringBuilder all = new StringBuilder(error.path("message").asText());
        for (JsonNode problem : error.path("problems")) {
            all.append('\n').append(problem.path("message").asText());
        }
        return all.toString();
    }
}
