package io.conserver.app.link.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.conserver.app.link.LinkTestSupport.apply;
import static io.conserver.app.link.LinkTestSupport.bind;
import static io.conserver.app.link.LinkTestSupport.create;
import static io.conserver.app.link.LinkTestSupport.problems;
import static io.conserver.app.link.LinkTestSupport.sampleVcon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.conserver.app.link.LinkTestSupport.CountingInput;
import io.conserver.app.link.LinkTestSupport.RecordingContext;
import io.conserver.domain.error.RetriableException;
import io.conserver.domain.link.Link;
import io.conserver.domain.link.LinkOutcome;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconCodec;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebhookLinkTest {
    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    private final WebhookLinkFactory factory = new WebhookLinkFactory();
    private final Vcon vcon = sampleVcon();

    private String url(String path) {
        return SERVER.baseUrl() + path;
    }

    @Test
    void postsTheVconJsonAndContinuesUnchanged() throws Exception {
        SERVER.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));

        LinkOutcome outcome = apply(factory, "{'urls': ['" + url("/hook") + "']}", vcon);

        assertThat(outcome).isEqualTo(LinkOutcome.unchanged());
        List<LoggedRequest> requests = SERVER.findAll(postRequestedFor(urlEqualTo("/hook")));
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getBody()).isEqualTo(VconCodec.lenient().write(vcon));
        assertThat(VconCodec.lenient().parse(requests.get(0).getBody())).isEqualTo(vcon);
        assertThat(requests.get(0).getHeader("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void sendsTheConfiguredHeadersToEveryUrl() throws Exception {
        SERVER.stubFor(post("/a").willReturn(aResponse().withStatus(200)));
        SERVER.stubFor(post("/b").willReturn(aResponse().withStatus(202)));

        apply(factory, "{'urls': ['" + url("/a") + "', '" + url("/b") + "'], "
                + "'headers': {'Authorization': 'Bearer s3cret', 'X-Tenant': 'acme'}}", vcon);

        for (String path : List.of("/a", "/b")) {
            SERVER.verify(1, postRequestedFor(urlEqualTo(path))
                    .withHeader("Authorization", equalTo("Bearer s3cret"))
                    .withHeader("X-Tenant", equalTo("acme")));
        }
    }

    @Test
    void loadsTheVconOnceAndLeavesItAlone() throws Exception {
        SERVER.stubFor(post("/hook").willReturn(aResponse().withStatus(200)));
        String before = VconCodec.lenient().writeString(vcon);
        CountingInput input = new CountingInput(vcon);

        try (Link link = create(factory, "{'urls': ['" + url("/hook") + "']}")) {
            link.apply(input, new RecordingContext());
        }

        assertThat(input.loads()).isEqualTo(1);
        assertThat(VconCodec.lenient().writeString(vcon)).isEqualTo(before);
    }

    @Test
    void aServerErrorIsRetriableAndNamesUrlAndStatusButNoHeaderValue() {
        SERVER.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> apply(factory, "{'urls': ['" + url("/hook?token=q1") + "'], "
                + "'headers': {'Authorization': 'Bearer s3cret'}}", vcon))
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining(url("/hook")).hasMessageContaining("500")
                .hasMessageNotContaining("s3cret").hasMessageNotContaining("q1");
    }

    @Test
    void aClientErrorIsNotRetriable() {
        SERVER.stubFor(post("/hook").willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> apply(factory, "{'urls': ['" + url("/hook") + "']}", vcon))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("404");
    }

    @Test
    void everyUrlIsTriedAndTheFailureIsRetriableWhenOneMayRecover() {
        SERVER.stubFor(post("/gone").willReturn(aResponse().withStatus(410)));
        SERVER.stubFor(post("/busy").willReturn(aResponse().withStatus(503)));
        SERVER.stubFor(post("/ok").willReturn(aResponse().withStatus(200)));

        assertThatThrownBy(() -> apply(factory, "{'urls': ['" + url("/gone") + "', '" + url("/busy") + "', '"
                + url("/ok") + "']}", vcon))
                .isInstanceOf(RetriableException.class).hasMessageContaining("503")
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
        SERVER.verify(1, postRequestedFor(urlEqualTo("/ok")));
    }

    @Test
    void aSlowServerTimesOutAsRetriable() {
        SERVER.stubFor(post("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(3000)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> apply(factory, "{'urls': ['" + url("/slow") + "'], 'timeout': '300ms'}", vcon))
                .isInstanceOf(RetriableException.class).hasMessageContaining("PT0.3S");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void anUnreachableServerIsRetriable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        assertThatThrownBy(() -> apply(factory, "{'urls': ['http://127.0.0.1:" + port + "/hook']}", vcon))
                .isInstanceOf(RetriableException.class).hasMessageContaining("http://127.0.0.1:" + port + "/hook");
    }

    @Test
    void aHeaderNoClientMaySetIsRefusedAtCreation() {
        assertThatThrownBy(() -> create(factory, "{'urls': ['http://x.example'], 'headers': {'Host': 'evil'}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("webhook link test").hasMessageContaining("Host").hasMessageNotContaining("evil");
    }

    @Test
    void optionsDefaults() {
        WebhookLink.Options options = bind(factory, "{'urls': ['https://hooks.example/a']}");

        assertThat(options).isEqualTo(new WebhookLink.Options(List.of(URI.create("https://hooks.example/a")),
                Map.of(), Duration.ofSeconds(10)));
    }

    @Test
    void optionsFullMapping() {
        WebhookLink.Options options = bind(factory, "{'urls': ['https://a.example/x', 'http://b.example:8080/y'], "
                + "'headers': {'X-Api-Key': 'k'}, 'timeout': '30s'}");

        assertThat(options.urls()).containsExactly(URI.create("https://a.example/x"), URI.create("http://b.example:8080/y"));
        assertThat(options.headers()).containsExactly(Map.entry("X-Api-Key", "k"));
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void invalidOptionsAreReportedWithTheirPath() {
        assertThat(problems(factory, "{}")).containsExactly("links.test.options.urls: must not be empty");
        assertThat(problems(factory, "{'urls': ['https://ok.example', 'ftp://files.example/x']}"))
                .containsExactly("links.test.options.urls: entry 1 must be an absolute http or https URL");
        assertThat(problems(factory, "{'urls': ['/relative']}"))
                .containsExactly("links.test.options.urls: entry 0 must be an absolute http or https URL");
        assertThat(problems(factory, "{'urls': ['https://ok.example'], 'timeout': 'soon'}"))
                .singleElement().asString().startsWith("links.test.options.timeout: 'soon' is not a duration");
        assertThat(problems(factory, "{'urls': ['https://ok.example'], 'timeout': '0s'}"))
                .singleElement().asString().startsWith("links.test.options.timeout: ");
        assertThat(problems(factory, "{'webhook-urls': ['https://ok.example']}"))
                .singleElement().asString().startsWith("links.test.options.webhook-urls: unknown option");
        assertThat(problems(factory, "{'urls': ['https://ok.example'], 'headers': {'Authorization': null}}"))
                .containsExactly("links.test.options: headers.Authorization has no value");
    }

    @Test
    void factoryNamesItsType() {
        assertThat(factory.type()).isEqualTo("webhook");
        assertThat(factory.optionsType()).isEqualTo(WebhookLink.Options.class);
    }
}
