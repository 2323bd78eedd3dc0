package io.conserver.app.link.redact;

import static io.conserver.app.link.LinkTestSupport.NOW;
import static io.conserver.app.link.LinkTestSupport.apply;
import static io.conserver.app.link.LinkTestSupport.bind;
import static io.conserver.app.link.LinkTestSupport.create;
import static io.conserver.app.link.LinkTestSupport.problems;
import static io.conserver.app.link.LinkTestSupport.sampleVcon;
import static org.assertj.core.api.Assertions.assertThat;

import io.conserver.app.link.LinkTestSupport.CountingInput;
import io.conserver.app.link.LinkTestSupport.RecordingContext;
import io.conserver.domain.link.EmittedVcon;
import io.conserver.domain.link.Link;
import io.conserver.domain.link.LinkOutcome;
import io.conserver.domain.vcon.Analysis;
import io.conserver.domain.vcon.Party;
import io.conserver.domain.vcon.Redacted;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconCodec;
import io.conserver.domain.vcon.VconUuid;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactLinkTest {
    private final RedactLinkFactory factory = new RedactLinkFactory();
    private final Vcon vcon = sampleVcon();
    private final String before = VconCodec.lenient().writeString(vcon);

    private LinkOutcome.Emit emit(String options) throws Exception {
        LinkOutcome outcome = apply(factory, options, vcon);
        assertThat(VconCodec.lenient().writeString(vcon)).as("the original is never changed").isEqualTo(before);
        assertThat(outcome).isInstanceOf(LinkOutcome.Emit.class);
        return (LinkOutcome.Emit) outcome;
    }

    private Vcon redacted(String options) throws Exception {
        Vcon copy = emit(options).emitted().get(0).vcon();
        assertThat(VconCodec.lenient().parse(VconCodec.lenient().write(copy))).as("still readable").isEqualTo(copy);
        return copy;
    }

    @Test
    void theCopyIsANewVconPointingAtItsParent() throws Exception {
        Vcon copy = redacted("{'party_fields': ['tel'], 'domain': 'example.com'}");

        assertThat(copy.uuid()).isNotEqualTo(vcon.uuid()).endsWith(VconUuid.forDomain("example.com").substring(19));
        assertThat(copy.redacted()).isEqualTo(Redacted.of(vcon.uuid(), "PII Redaction"));
        assertThat(copy.createdAt().toInstant()).isEqualTo(NOW);
    }

    @Test
    void removesTheListedPartyFieldsKeepingEveryParty() throws Exception {
        Vcon copy = redacted("{'party_fields': ['tel', 'mailto']}");

        assertThat(copy.parties()).containsExactly(Party.builder().name("Jane Doe").build(),
                Party.builder().name("Agent Smith").build());
        assertThat(copy.dialog()).isEqualTo(vcon.dialog());
        assertThat(copy.analysis()).isEqualTo(vcon.analysis());
    }

    @Test
    void masksInsteadOfRemovingWhenAMaskIsGiven() throws Exception {
        Vcon copy = redacted("{'party_fields': ['tel', 'name'], 'mask': '***'}");

        assertThat(copy.parties()).containsExactly(
                Party.builder().tel("***").name("***").mailto("jane@example.com").build(),
                Party.builder().tel("***").name("***").build());
    }

    @Test
    void removesDialogBodiesAndAnalysesKeepingIndicesStable() throws Exception {
        Vcon copy = redacted("{'dialog_bodies': true, 'analysis_types': ['transcript', 'summary'], "
                + "'remove_subject': true}");

        assertThat(copy.dialog()).hasSize(2).allSatisfy(d -> assertThat(d.content().isInline()).isFalse());
        assertThat(copy.dialog().get(0).content().contentHash()).isEqualTo(vcon.dialog().get(0).content().contentHash());
        assertThat(copy.dialog().get(1).parties()).isEqualTo(vcon.dialog().get(1).parties());
        assertThat(copy.analysis()).hasSize(3);
        assertThat(copy.analysis().get(0))
                .isEqualTo(new Analysis("transcript", null, null, null, null, null, null, null, null, null));
        assertThat(copy.analysis().get(1).content().isEmpty()).isTrue();
        assertThat(copy.analysis().get(2)).isEqualTo(vcon.analysis().get(2));
        assertThat(copy.subject()).isNull();
        assertThat(copy.attachments()).isEqualTo(vcon.attachments());
    }

    @Test
    void keepsTheOriginalGoingByDefault() throws Exception {
        LinkOutcome.Emit outcome = emit("{'party_fields': ['tel'], 'emit_to': ['redacted_egress', 'audit']}");

        assertThat(outcome.then()).isEqualTo(LinkOutcome.unchanged());
        assertThat(outcome.emitted()).singleElement().extracting(EmittedVcon::lists)
                .isEqualTo(List.of("redacted_egress", "audit"));
    }

    @Test
    void haltsTheOriginalWhenItIsNotKept() throws Exception {
        LinkOutcome.Emit outcome = emit("{'party_fields': ['tel'], 'keep_original': false}");

        assertThat(outcome.then()).isEqualTo(LinkOutcome.halt("redacted copy replaces original"));
        assertThat(outcome.emitted().get(0).lists()).isEmpty();
    }

    @Test
    void loadsTheVconOnceAndAsksForNoOtherEffect() throws Exception {
        CountingInput input = new CountingInput(vcon);
        RecordingContext context = new RecordingContext();
        try (Link link = create(factory, "{'party_fields': ['tel']}")) {
            link.apply(input, context);
        }

        assertThat(input.loads()).isEqualTo(1);
        assertThat(context.pushes()).isEmpty();
        assertThat(context.expiries()).isEmpty();
    }

    @Test
    void optionsDefaults() {
        assertThat(bind(factory, "{}")).isEqualTo(new RedactLink.Options(List.of(), null, false, List.of(), false,
                true, List.of(), "PII Redaction", "conserver.invalid"));
    }

    @Test
    void optionsFullMapping() {
        RedactLink.Options options = bind(factory, "{'party_fields': ['tel', 'name'], 'mask': 'X', "
                + "'dialog_bodies': true, 'analysis_types': ['transcript'], 'remove_subject': true, "
                + "'keep_original': false, 'emit_to': ['out'], 'redaction_type': 'card numbers', "
                + "'domain': 'example.com'}");

        assertThat(options).isEqualTo(new RedactLink.Options(List.of("tel", "name"), "X", true, List.of("transcript"),
                true, false, List.of("out"), "card numbers", "example.com"));
    }

    @Test
    void invalidOptionsAreReportedWithTheirPath() {
        assertThat(problems(factory, "{'domain': ''}")).containsExactly("links.test.options.domain: must not be blank");
        assertThat(problems(factory, "{'redaction_type': ' '}"))
                .containsExactly("links.test.options.redaction_type: must not be blank");
        assertThat(problems(factory, "{'keep_original': 'no'}")).singleElement().asString()
                .startsWith("links.test.options.keep_original: ");
        assertThat(problems(factory, "{'emit_to': ['ok', '']}")).containsExactly("links.test.options.emit_to: entry 1 must not be blank");
        assertThat(problems(factory, "{'party_fields': 'tel'}")).singleElement().asString()
                .startsWith("links.test.options.party_fields: ");
    }

    @Test
    void factoryNamesItsType() {
        assertThat(factory.type()).isEqualTo("redact");
        assertThat(factory.optionsType()).isEqualTo(RedactLink.Options.class);
    }
}
