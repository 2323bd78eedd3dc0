package io.conserver.app.link.diet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.conserver.app.link.LinkTestSupport.NOW;
import static io.conserver.app.link.LinkTestSupport.apply;
import static io.conserver.app.link.LinkTestSupport.bind;
import static io.conserver.app.link.LinkTestSupport.problems;
import static io.conserver.app.link.LinkTestSupport.sampleVcon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.conserver.domain.error.RetriableException;
import io.conserver.domain.link.LinkOutcome;
import io.conserver.domain.vcon.Attachment;
import io.conserver.domain.vcon.Content;
import io.conserver.domain.vcon.ContentHashes;
import io.conserver.domain.vcon.Dialog;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DietLinkTest {
    @RegisterExtension
    static final WireMockExtension MEDIA = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    private final DietLinkFactory factory = new DietLinkFactory();
    private final Vcon vcon = sampleVcon();
    private final String before = VconCodec.lenient().writeString(vcon);

    private Vcon slimmed(String options) throws Exception {
        LinkOutcome outcome = apply(factory, options, vcon);
        assertThat(VconCodec.lenient().writeString(vcon)).as("the input is never changed").isEqualTo(before);
        assertThat(outcome).isInstanceOf(LinkOutcome.Continue.class);
        Vcon result = ((LinkOutcome.Continue) outcome).vcon();
        assertThat(result.updatedAt().toInstant()).isEqualTo(NOW);
        assertThat(VconCodec.lenient().parse(VconCodec.lenient().write(result))).as("still readable").isEqualTo(result);
        return result;
    }

    @Test
    void removesDialogBodiesKeepingTheirHashes() throws Exception {
        Vcon result = slimmed("{'remove_dialog_body': true}");

        assertThat(result.dialog()).extracting(d -> d.content().isInline()).containsExactly(false, false);
        assertThat(result.dialog().get(0).content().contentHash())
                .isEqualTo(vcon.dialog().get(0).content().contentHash()).isNotEmpty();
        assertThat(result.dialog().get(0).mediatype()).isEqualTo("audio/wav");
        assertThat(result.analysis()).isEqualTo(vcon.analysis());
        assertThat(result.attachments()).isEqualTo(vcon.attachments());
        assertThat(result.parties()).isEqualTo(vcon.parties());
    }

    @Test
    void nothingToDoIsUnchanged() throws Exception {
        assertThat(apply(factory, "{}", vcon)).isEqualTo(LinkOutcome.unchanged());
        assertThat(apply(factory, "{'remove_analysis_types': ['tts'], 'remove_attachment_types': ['photo']}", vcon))
                .isEqualTo(LinkOutcome.unchanged());
        Vcon external = vcon.toBuilder().dialog(List.of(Dialog.builder(Dialog.RECORDING).parties(0, 1)
                .content(Content.external("https://media.example/a.wav", ContentHashes.sha512(new byte[1]))).build()))
                .build();
        assertThat(apply(factory, "{'remove_dialog_body': true}", external)).isEqualTo(LinkOutcome.unchanged());
    }

    @Test
    void removesEveryAnalysis() throws Exception {
        assertThat(slimmed("{'remove_analysis': true}").analysis()).isEmpty();
    }

    @Test
    void removesAnalysesOfTheListedTypes() throws Exception {
        assertThat(slimmed("{'remove_analysis_types': ['summary', 'sentiment']}").analysis())
                .extracting(a -> a.type()).containsExactly("transcript");
    }

    @Test
    void emptiesAttachmentsOfTheListedPurposesLeavingAStub() throws Exception {
        Vcon result = slimmed("{'remove_attachment_types': ['contract']}");

        assertThat(result.attachments()).hasSize(2);
        assertThat(result.attachments().get(0)).isEqualTo(vcon.attachments().get(0));
        assertThat(result.attachments().get(1)).isEqualTo(new Attachment("contract", null, 0, null, null, null, null, null));
    }

    @Test
    void removesSystemPrompts() throws Exception {
        Vcon result = slimmed("{'remove_system_prompts': true}");

        assertThat(result.analysis().get(1).extras().has("system_prompt")).isFalse();
        assertThat(result.analysis().get(1).content()).isEqualTo(vcon.analysis().get(1).content());
        assertThat(result.analysis().get(0)).isEqualTo(vcon.analysis().get(0));
    }

    @Test
    void rehostsInlineBodiesOnTheMediaHost() throws Exception {
        MEDIA.stubFor(post("/media").withHeader("Content-Type", equalTo("audio/wav"))
                .willReturn(aResponse().withStatus(201).withHeader("Location", "/media/rec-1.wav")));
        MEDIA.stubFor(post("/media").withHeader("Content-Type", equalTo("text/plain"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"url\": \"https://cdn.example/text-1\"}")));
        byte[] audio = vcon.dialog().get(0).content().decodeBody();
        byte[] text = "My card is 4111 1111 1111 1111".getBytes(StandardCharsets.UTF_8);

        Vcon result = slimmed("{'media_url': '" + MEDIA.baseUrl() + "/media', "
                + "'media_headers': {'Authorization': 'Bearer m'}}");

        assertThat(result.dialog().get(0).content())
                .isEqualTo(Content.external(MEDIA.baseUrl() + "/media/rec-1.wav", ContentHashes.sha512(audio)));
        assertThat(result.dialog().get(1).content())
                .isEqualTo(Content.external("https://cdn.example/text-1", ContentHashes.sha512(text)));
        MEDIA.verify(postRequestedFor(urlEqualTo("/media")).withHeader("Content-Type", equalTo("audio/wav"))
                .withHeader("Authorization", equalTo("Bearer m"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo(audio)));
        MEDIA.verify(postRequestedFor(urlEqualTo("/media")).withHeader("Content-Type", equalTo("text/plain"))
                .withRequestBody(equalTo("My card is 4111 1111 1111 1111")));
    }

    @Test
    void aFailingMediaHostFailsTheLinkRetriably() {
        MEDIA.stubFor(post("/media").willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> apply(factory, "{'media_url': '" + MEDIA.baseUrl() + "/media'}", vcon))
                .isInstanceOf(RetriableException.class).hasMessageContaining(MEDIA.baseUrl() + "/media")
                .hasMessageContaining("503");
    }

    @Test
    void aMediaHostThatDoesNotSayWhereIsAnError() {
        MEDIA.stubFor(post("/media").willReturn(aResponse().withStatus(200).withBody("stored!")));

        assertThatThrownBy(() -> apply(factory, "{'media_url': '" + MEDIA.baseUrl() + "/media'}", vcon))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Location");
    }

    @Test
    void aSlowMediaHostTimesOut() {
        MEDIA.stubFor(post("/media").willReturn(aResponse().withStatus(201).withHeader("Location", "/m")
                .withFixedDelay(3000)));

        assertThatThrownBy(() -> apply(factory, "{'media_url': '" + MEDIA.baseUrl() + "/media', "
                + "'media_timeout': '200ms'}", vcon)).isInstanceOf(RetriableException.class);
    }

    @Test
    void optionsDefaults() {
        assertThat(bind(factory, "{}")).isEqualTo(new DietLink.Options(false, null, Map.of(), Duration.ofSeconds(30),
                false, List.of(), List.of(), false));
    }

    @Test
    void optionsFullMapping() {
        DietLink.Options options = bind(factory, "{'remove_dialog_body': true, 'media_url': 'https://m.example/up', "
                + "'media_headers': {'X-Key': 'k'}, 'media_timeout': '5s', 'remove_analysis': true, "
                + "'remove_analysis_types': ['summary'], 'remove_attachment_types': ['tags', 'pdf'], "
                + "'remove_system_prompts': true}");

        assertThat(options).isEqualTo(new DietLink.Options(true, URI.create("https://m.example/up"),
                Map.of("X-Key", "k"), Duration.ofSeconds(5), true, List.of("summary"), List.of("tags", "pdf"), true));
    }

    @Test
    void invalidOptionsAreReportedWithTheirPath() {
        assertThat(problems(factory, "{'media_url': 'ftp://m.example/up'}"))
                .containsExactly("links.test.options.media_url: must be an absolute http or https URL");
        assertThat(problems(factory, "{'remove_analysis': 'yes'}")).singleElement().asString()
                .startsWith("links.test.options.remove_analysis: ");
        assertThat(problems(factory, "{'media_timeout': '-1s'}")).singleElement().asString()
                .startsWith("links.test.options.media_timeout: ");
        assertThat(problems(factory, "{'media_timeout': '0s'}")).singleElement().asString()
                .startsWith("links.test.options.media_timeout: ");
        assertThat(problems(factory, "{'remove_analysis_types': 'summary'}")).singleElement().asString()
                .startsWith("links.test.options.remove_analysis_types: ");
        assertThat(problems(factory, "{'remove_attachment_types': [' ']}"))
                .containsExactly("links.test.options.remove_attachment_types: entry 0 must not be blank");
        assertThat(problems(factory, "{'post_media_to_url': 'https://m.example'}")).singleElement().asString()
                .startsWith("links.test.options.post_media_to_url: unknown option");
    }

    @Test
    void factoryNamesItsType() {
        assertThat(factory.type()).isEqualTo("diet");
        assertThat(factory.optionsType()).isEqualTo(DietLink.Options.class);
    }
}
