package io.conserver.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.conserver.server.TestServer;
import io.conserver.server.config.ConserverConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With {@code auth.tokens} set, every route but health, version and the OpenAPI document needs the
 * token: 401 without one, 403 with a wrong one. A partner token opens external ingress to its own
 * list and nothing else. The route table is read from the registered resources, so a new route is
 * covered without editing this test.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuthApiTest {
    static final String TOKEN = "tok-1";
    static final String PARTNER = "ptok";
    static final String HEADER = "x-conserver-api-token";
    static final TestServer SERVER = TestServer.start(TestServer.base() + """
            auth:
              tokens: [tok-1]
              external_ingress:
                partners: [ptok]
            links:
              mark: {type: tag, options: {tags: ["seen:yes"]}}
            chains:
              main:
                links: [mark]
                ingress_lists: [default, partners]
                egress_lists: [processed]
            """);
    static final DropwizardAppExtension<ConserverConfiguration> APP = SERVER.app();
    static final Set<String> OPEN = Set.of("GET /api/health", "GET /api/version", "GET /api/openapi.json");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    record Route(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void theRouteTableCoversTheWholeApi() {
        List<String> routes = routes().stream().map(Route::toString).toList();
        assertThat(routes).contains("GET /api/vcon/{uuid}", "PATCH /api/vcon/{uuid}", "POST /api/vcons", "GET /api/vcons/search",
                "POST /api/vcon/ingress", "GET /api/vcon/egress", "GET /api/lists", "GET /api/stats/queue",
                "POST /api/chains/{name}/run", "POST /api/chains/{name}/disable", "GET /api/dlq", "POST /api/dlq/storage/reprocess",
                "GET /api/config", "PUT /api/config", "DELETE /api/config/{section}/{name}", "POST /api/vcon/external-ingress",
                "GET /api/health", "GET /api/version", "GET /api/openapi.json");
        assertThat(routes).hasSizeGreaterThanOrEqualTo(33);
    }

    @Test
    void everyRouteButTheOpenOnesAnswers401WithoutATokenAnd403WithAWrongOne() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Route route : routes()) {
            if (OPEN.contains(route.toString())) {
                continue;
            }
            String path = concrete(route.path());
            HttpResponse<String> none = send(route.method(), path, null, "{}");
            HttpResponse<String> bad = send(route.method(), path, "tok-2", "{}");
            HttpResponse<String> partner = send(route.method(), path, PARTNER, "{}");
            if (none.statusCode() != 401 || !none.body().contains("\"unauthorized\"")) {
                wrong.add(route + " without a token: " + none.statusCode() + " " + none.body());
            }
            if (bad.statusCode() != 403 || !bad.body().contains("\"forbidden\"")) {
                wrong.add(route + " with a wrong token: " + bad.statusCode() + " " + bad.body());
            }
            if (partner.statusCode() != 403) {
                wrong.add(route + " with a partner token: " + partner.statusCode());
            }
            checked++;
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(30);
    }

    /**
     * A refusal answered before the body is read ends the connection; without saying so, a client
     * reusing the connection raced the server closing it and got an empty reply now and then.
     */
    @Test
    void refusalsOfRequestsWithABodyCloseTheConnectionSoClientsDoNotReuseIt() throws Exception {
        for (String[] request : List.of(new String[] {"/api/vcon", null}, new String[] {"/api/vcon", "tok-2"},
                new String[] {"/api/vcons?ingress_lists=nope", TOKEN})) {
            try (java.net.Socket socket = new java.net.Socket("localhost", APP.getLocalPort())) {
                socket.setSoTimeout(60_000);
                String head = "POST " + request[0] + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + (request[1] == null ? "" : HEADER + ": " + request[1] + "\r\n") + "Content-Length: 2\r\n\r\n{}";
                socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                String answer = new String(socket.getInputStream().readNBytes(4096), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(answer).as(request[0]).startsWith("HTTP/1.1 4").containsIgnoringCase("\r\nConnection: close\r\n");
            }
        }
        int failures = 0;
        for (int i = 0; i < 150; i++) {
            try {
                send("POST", "/api/vcon", i % 2 == 0 ? null : "tok-2", "{}");
                send("POST", "/api/vcons?ingress_lists=nope", TOKEN, "{}");
            } catch (java.io.IOException e) {
                failures++;
            }
        }
        assertThat(failures).isZero();
    }

    @Test
    void healthVersionAndTheOpenApiDocumentNeedNoToken() throws Exception {
        for (String open : OPEN) {
            String path = open.substring("GET ".length());
            assertThat(send("GET", path, null, null).statusCode()).as(path).isEqualTo(200);
            assertThat(send("GET", path + "/", null, null).statusCode()).as(path + "/").isEqualTo(200);
        }
        // a path that merely starts like an open one is not open
        assertThat(send("GET", "/api/healthz", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/health/../lists", null, null).statusCode()).isIn(401, 404, 400);
    }

    @Test
    void theRightTokenOpensTheApi() throws Exception {
        assertThat(send("GET", "/api/lists", TOKEN, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/chains", TOKEN, null).statusCode()).isEqualTo(200);
        HttpResponse<String> created = send("POST", "/api/vcon?ingress_lists=default", TOKEN, TestServer.newVconJson());
        assertThat(created.statusCode()).isEqualTo(201);
        String uuid = TestServer.read(created.body()).path("uuid").asText();
        assertThat(send("GET", "/api/vcon/" + uuid, TOKEN, null).statusCode()).isEqualTo(200);
        // header names are case-insensitive
        HttpRequest upper = HttpRequest.newBuilder(uri("/api/vcon/" + uuid)).header("X-Conserver-Api-Token", TOKEN).GET().build();
        assertThat(HTTP.send(upper, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void aPartnerTokenPostsToItsOwnListOnly() throws Exception {
        HttpResponse<String> accepted = send("POST", "/api/vcon/external-ingress?ingress_list=partners", PARTNER, TestServer.newVconJson());
        assertThat(accepted.statusCode()).isEqualTo(201);
        JsonNode body = TestServer.read(accepted.body());
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("uuid");
        String uuid = body.path("uuid").asText();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                send("GET", "/api/vcon/" + uuid, TOKEN, null).body().contains("seen:yes"));

        assertThat(send("POST", "/api/vcon/external-ingress?ingress_list=default", PARTNER, TestServer.newVconJson()).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/vcon/external-ingress", PARTNER, TestServer.newVconJson()).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/vcon/external-ingress?ingress_list=partners", "ptok2", TestServer.newVconJson()).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/vcon/external-ingress?ingress_list=partners", null, TestServer.newVconJson()).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/vcon?ingress_lists=partners", PARTNER, TestServer.newVconJson()).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/vcon/" + uuid, PARTNER, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/vcon/external-ingress?ingress_list=partners", PARTNER, null).statusCode()).isEqualTo(403);
        // the API token may use external ingress too
        assertThat(send("POST", "/api/vcon/external-ingress?ingress_list=default", TOKEN, TestServer.newVconJson()).statusCode()).isEqualTo(201);
    }

    /** Every route Jersey serves, as {@code METHOD /api/path}, from the table it logs at start. */
    static List<Route> routes() {
        Set<Route> routes = new java.util.LinkedHashSet<>();
        Matcher line = Pattern.compile("(?m)^\\s*(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\\s+(\\S+)\\s+\\(")
                .matcher(APP.getEnvironment().jersey().getResourceConfig().getEndpointsInfo());
        while (line.find()) {
            routes.add(new Route(line.group(1), line.group(2)));
        }
        return List.copyOf(routes);
    }

    private static String concrete(String path) {
        return path.replace("{uuid}", UUID.randomUUID().toString()).replace("{name}", "main").replace("{section}", "chains");
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + APP.getLocalPort() + path);
    }

    static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null || method.equals("GET") || method.equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header(HEADER, token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Set<String> names(List<Route> routes) {
        Set<String> names = new TreeSet<>();
        routes.forEach(r -> names.add(r.toString()));
        return names;
    }
}
