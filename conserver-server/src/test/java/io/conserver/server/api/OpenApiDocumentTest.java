package io.conserver.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conserver.server.ServerFixture;
import io.conserver.server.config.ConserverConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keeps {@code openapi.json} honest: its paths are exactly the routes of the registered resources,
 * every reference resolves, every path parameter is declared, every protected operation lists the
 * auth errors, and the running server serves the document without a token.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiDocumentTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Set<String> OPEN = Set.of("/api/health", "/api/version", "/api/openapi.json");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    static final DropwizardAppExtension<ConserverConfiguration> APP = ServerFixture.app(
            "auth.tokens", "openapi-test-token",
            "server.applicationConnectors[0].bindHost", "127.0.0.1");

    @Test
    void theDocumentDescribesExactlyTheRoutesOfTheRegisteredResources() throws IOException {
        JsonNode doc = document();
        Set<ApiRoutes.Route> documented = new TreeSet<>();
        String server = doc.path("servers").path(0).path("url").asText();
        doc.required("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (HTTP_METHODS.contains(op.getKey())) {
                documented.add(new ApiRoutes.Route(op.getKey().toUpperCase(Locale.ROOT), server + path.getKey()));
            }
        }));

        assertThat(server).isEqualTo(ApiRoutes.ROOT);
        assertThat(documented).as("routes in openapi.json (left) against the resources (right)")
                .containsExactlyInAnyOrderElementsOf(ApiRoutes.all());
    }

    @Test
    void everyReferenceResolvesAndEveryPathParameterIsDeclared() throws IOException {
        JsonNode doc = document();
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as("%s resolves", ref).isFalse();
        }

        for (Map.Entry<String, JsonNode> path : doc.required("paths").properties()) {
            Matcher m = TEMPLATE.matcher(path.getKey());
            while (m.find()) {
                String name = m.group(1);
                for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                    if (!HTTP_METHODS.contains(op.getKey())) {
                        continue;
                    }
                    List<JsonNode> params = new ArrayList<>();
                    path.getValue().path("parameters").forEach(params::add);
                    op.getValue().path("parameters").forEach(params::add);
                    assertThat(params.stream().map(p -> resolve(doc, p))
                            .anyMatch(p -> p.path("in").asText().equals("path") && p.path("name").asText().equals(name)))
                            .as("%s %s declares path parameter %s", op.getKey(), path.getKey(), name).isTrue();
                }
            }
        }
    }

    @Test
    void everyOperationAnswersErrorsAsApiErrorAndProtectedOnesListTheAuthErrors() throws IOException {
        JsonNode doc = document();
        assertThat(doc.at("/components/securitySchemes/apiToken/name").asText()).isEqualTo("x-conserver-api-token");
        assertThat(doc.at("/components/schemas/ApiError/properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("status", "error", "message", "problems");
        for (Map.Entry<String, JsonNode> path : doc.required("paths").properties()) {
            String full = ApiRoutes.ROOT + path.getKey();
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!HTTP_METHODS.contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey() + " " + full;
                JsonNode responses = op.getValue().required("responses");
                assertThat(op.getValue().path("operationId").asText()).as(where).isNotBlank();
                if (OPEN.contains(full)) {
                    assertThat(op.getValue().path("security").isArray() && op.getValue().path("security").isEmpty())
                            .as("%s is open", where).isTrue();
                    continue;
                }
                assertThat(responses.fieldNames()).toIterable().as(where).contains("401", "403", "500");
                responses.properties().forEach(r -> {
                    if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                        JsonNode response = resolve(doc, r.getValue());
                        assertThat(response.at("/content/application~1json/schema/$ref").asText())
                                .as("%s answers %s as ApiError", where, r.getKey()).isEqualTo("#/components/schemas/ApiError");
                    }
                });
            }
        }
    }

    @Test
    void theServerServesTheDocumentWithoutAToken() throws IOException {
        var api = ServerFixture.api(APP);
        Response open = api.path("openapi.json").request().get();
        Response guarded = api.path("chains").request().get();

        assertThat(open.getStatus()).isEqualTo(200);
        assertThat(open.getMediaType().toString()).startsWith("application/json");
        JsonNode served = JSON.readTree(open.readEntity(String.class));
        assertThat(served.path("openapi").asText()).startsWith("3.1");
        assertThat(served).isEqualTo(document());
        assertThat(guarded.getStatus()).as("the token filter is on in this test").isEqualTo(401);
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        return node.has("$ref") ? doc.at(node.get("$ref").asText().substring(1)) : node;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    static JsonNode document() throws IOException {
        try (InputStream in = OpenApiResource.class.getResourceAsStream("openapi.json")) {
            assertThat(in).as("openapi.json beside OpenApiResource").isNotNull();
            return JSON.readTree(in);
        }
    }
}
