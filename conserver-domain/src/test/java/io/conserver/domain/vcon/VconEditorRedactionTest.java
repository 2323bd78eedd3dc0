package io.conserver.domain.vcon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Redacted (§4.2) and amended (§4.3) copies. */
class VconEditorRedactionTest {
    private static final Clock CREATED = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final Clock LATER = Clock.fixed(Instant.parse("2025-03-02T08:00:00Z"), ZoneOffset.UTC);
    private static final OffsetDateTime START = OffsetDateTime.parse("2025-03-01T09:30:00Z");
    private static final byte[] AUDIO = "fake audio".getBytes(StandardCharsets.US_ASCII);
    private static final String DOMAIN = "example.com";

    /**
     * Parties: 0 agent, 1 customer, 2 supervisor. Dialogs: 0 inline recording, 1 text, 2 text from the
     * customer to the agent, 3 incomplete, 4 external recording. Analysis: 0 transcript, 1 summary.
     * Attachments: 0 tags, 1 contract.
     */
    private static Vcon parent() {
        Vcon v = VconEditor.create(DOMAIN, CREATED).withSubject("Bob Smith's late order");
        v = VconTags.addExtension(v, "CC", CREATED);
        v = VconEditor.addParty(v, Party.builder().tel("+15550100001").name("Alice").mailto("alice@example.com")
                .extra("role", TextNode.valueOf("agent")).extra("team", TextNode.valueOf("blue")).build(), CREATED)
                .vcon();
        v = VconEditor.addParty(v, Party.builder().tel("+15550100002").name("Bob Smith")
                .civicaddress(CivicAddress.of("US", "NY", "New York", "Main St", "1", "10001")).build(), CREATED).vcon();
        v = VconEditor.addParty(v, Party.builder().name("Carol").build(), CREATED).vcon();
        v = VconEditor.addInlineRecording(v, START, 30, new int[] {0, 1}, AUDIO, "audio/x-wav", "call.wav", CREATED)
                .vcon();
        v = VconEditor.addTextDialog(v, START, 0, List.of(1), "Your card ends 4242", null, CREATED).vcon();
        v = VconEditor.addTextDialog(v, START, 1, List.of(0), "Thanks", null, CREATED).vcon();
        v = VconEditor.addDialog(v, Dialog.builder(Dialog.INCOMPLETE).start(START).parties(0, 2).disposition("busy")
                .extras(Extras.of(java.util.Map.of("campaign", TextNode.valueOf("spring")))).build(), CREATED).vcon();
        v = VconEditor.addExternalRecording(v, START, 60, new int[] {0, 2}, "https://media.example.com/x.wav", AUDIO,
                "audio/x-wav", "x.wav", CREATED).vcon();
        v = VconEditor.addAnalysis(v, "transcript", List.of(0), "acme", "text/plain", Content.text("Bob: hi"), CREATED)
                .vcon();
        v = VconEditor.addAnalysis(v, "summary", List.of(0), "acme", "text/plain", Content.text("late order"), CREATED)
                .vcon();
        v = VconTags.addTag(v, "priority", "high", CREATED);
        return VconEditor.addAttachment(v, new Attachment("contract", START, 1, 0, "application/pdf", "c.pdf",
                Content.bytes("%PDF".getBytes(StandardCharsets.US_ASCII)),
                Extras.of(java.util.Map.of("signed", TextNode.valueOf("yes")))), CREATED).vcon();
    }

    private static RedactionPlan fullPlan() {
        return RedactionPlan.builder().dropParties(1).removePartyFields("tel", "role").maskPartyFields("name")
                .stripDialogContent(0, 1).dropDialogs(3, 4).dropAnalysis("transcript").dropAttachments("contract")
                .dropSubject().build();
    }

    private static Vcon redacted() {
        return VconRedactor.redact(parent(), "PII Redaction", fullPlan(), DOMAIN, LATER);
    }

    @Test
    void theCopyIsANewVconPointingAtItsParent() {
        Vcon parent = parent();
        Vcon copy = VconRedactor.redact(parent, "PII Redaction", fullPlan(), DOMAIN, LATER);
        assertThat(copy.uuid()).isNotEqualTo(parent.uuid());
        assertThat(VconUuid.version(copy.uuid())).isEqualTo(8);
        assertThat(copy.uuid().substring(19)).isEqualTo(parent.uuid().substring(19));
        assertThat(copy.redacted()).isEqualTo(Redacted.of(parent.uuid(), "PII Redaction"));
        assertThat(copy.amended()).isNull();
        assertThat(copy.createdAt()).isEqualTo(OffsetDateTime.ofInstant(LATER.instant(), ZoneOffset.UTC));
        assertThat(copy.extensions()).containsExactly("CC");
        assertThat(copy.subject()).isNull();
    }

    @Test
    void theNewUuidCarriesTheRedactorsDomainBits() {
        Vcon copy = VconRedactor.redact(parent(), "PII", RedactionPlan.builder().build(), "redactor.example.net", LATER);
        assertThat(UUID.fromString(copy.uuid()).getLeastSignificantBits())
                .isEqualTo(VconUuid.domainBits("redactor.example.net"));
    }

    @Test
    void droppedPartiesBecomeEmptyPlaceholdersSoDialogIndicesStayStable() {
        Vcon parent = parent();
        Vcon copy = redacted();
        assertThat(copy.parties()).hasSameSizeAs(parent.parties());
        assertThat(copy.parties().get(1)).isEqualTo(Party.builder().build());
        assertThat(copy.dialog().get(2).parties()).isEqualTo(parent.dialog().get(2).parties());
        assertThat(copy.dialog().get(2)).isEqualTo(parent.dialog().get(2));
        assertThat(copy.attachments().get(0)).isEqualTo(parent.attachments().get(0));
        assertThat(VconTags.tags(copy)).isEqualTo(VconTags.tags(parent));
    }

    @Test
    void partyFieldsAreRemovedOrMaskedWherePresent() {
        Vcon copy = redacted();
        Party agent = copy.parties().get(0);
        assertThat(agent.tel()).isNull();
        assertThat(agent.name()).isEqualTo(RedactionPlan.DEFAULT_MASK);
        assertThat(agent.mailto()).isEqualTo("alice@example.com");
        assertThat(agent.extras().has("role")).isFalse();
        assertThat(agent.extras().get("team")).isEqualTo(TextNode.valueOf("blue"));
        Party supervisor = copy.parties().get(2);
        assertThat(supervisor.name()).isEqualTo(RedactionPlan.DEFAULT_MASK);
        assertThat(supervisor.tel()).isNull();
        assertThat(supervisor.mailto()).isNull();
    }

    @Test
    void customMasksExtensionFieldsAndCivicAddressRemoval() {
        RedactionPlan plan = RedactionPlan.builder().maskPartyField("tel", "+1555XXXXXXX").maskPartyField("role", "*")
                .removePartyFields("civicaddress").build();
        Vcon copy = VconRedactor.redact(parent(), "PII", plan, DOMAIN, LATER);
        assertThat(copy.parties().get(0).tel()).isEqualTo("+1555XXXXXXX");
        assertThat(copy.parties().get(0).extras().get("role")).isEqualTo(TextNode.valueOf("*"));
        assertThat(copy.parties().get(1).civicaddress()).isNull();
        assertThat(copy.parties().get(1).name()).isEqualTo("Bob Smith");
        assertThat(copy.parties().get(2).tel()).isNull();
    }

    @Test
    void strippedDialogsKeepTheirHashAndMediatype() {
        Vcon parent = parent();
        Vcon copy = redacted();
        Dialog recording = copy.dialog().get(0);
        assertThat(recording.content().body()).isNull();
        assertThat(recording.content().url()).isNull();
        assertThat(recording.content().encoding()).isNull();
        assertThat(recording.content().contentHash()).containsExactly(ContentHashes.sha512(AUDIO))
                .isEqualTo(parent.dialog().get(0).content().contentHash());
        assertThat(recording.mediatype()).isEqualTo("audio/x-wav");
        assertThat(recording.parties()).isEqualTo(parent.dialog().get(0).parties());
        assertThat(recording.start()).isEqualTo(START);
        // No hash is invented for content that had none: a short text's hash could be guessed back.
        assertThat(copy.dialog().get(1).content().isEmpty()).isTrue();
        assertThat(copy.dialog().get(1).mediatype()).isEqualTo("text/plain");
    }

    @Test
    void droppedDialogsLeaveTypeOnlyPlaceholders() {
        Vcon copy = redacted();
        Dialog incomplete = copy.dialog().get(3);
        assertThat(incomplete).isEqualTo(Dialog.builder(Dialog.INCOMPLETE).disposition("busy").build());
        assertThat(incomplete.extras().isEmpty()).isTrue();
        assertThat(copy.dialog().get(4)).isEqualTo(Dialog.builder(Dialog.RECORDING).build());
        assertThat(copy.dialog()).hasSize(5);
    }

    @Test
    void droppedAnalysisAndAttachmentsKeepOnlyTheirLabel() {
        Vcon parent = parent();
        Vcon copy = redacted();
        Analysis transcript = copy.analysis().get(0);
        assertThat(transcript.type()).isEqualTo("transcript");
        assertThat(transcript.content().isEmpty()).isTrue();
        assertThat(transcript.vendor()).isNull();
        assertThat(transcript.dialog()).isEmpty();
        assertThat(copy.analysis().get(1)).isEqualTo(parent.analysis().get(1));
        Attachment contract = copy.attachments().get(1);
        assertThat(contract).isEqualTo(new Attachment("contract", null, null, null, null, null, null, null));
        assertThat(contract.extras().isEmpty()).isTrue();
    }

    @Test
    void theParentIsUnchanged() {
        Vcon parent = parent();
        String before = parent.toString();
        VconRedactor.redact(parent, "PII Redaction", fullPlan(), DOMAIN, LATER);
        assertThat(parent.toString()).isEqualTo(before);
        assertThat(parent.redacted()).isNull();
    }

    @Test
    void aPlanNamingMissingElementsIsRejected() {
        Vcon parent = parent();
        assertThatThrownBy(() -> VconRedactor.redact(parent, "PII", RedactionPlan.builder().dropDialogs(5).build(),
                DOMAIN, LATER)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plan.dropDialogs");
        assertThatThrownBy(() -> VconRedactor.redact(parent, "PII", RedactionPlan.builder().dropParties(3).build(),
                DOMAIN, LATER)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plan.dropParties");
        assertThatThrownBy(() -> VconRedactor.redact(parent, " ", RedactionPlan.builder().build(), DOMAIN, LATER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redactionType");
    }

    @Test
    void aPlanCannotBothRemoveAndMaskAFieldNorMaskAnAddress() {
        assertThatThrownBy(() -> RedactionPlan.builder().removePartyFields("tel").maskPartyFields("tel").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tel");
        assertThatThrownBy(() -> RedactionPlan.builder().maskPartyFields("civicaddress").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("civicaddress");
    }

    @Test
    void aRedactedCopyCanBeRedactedFurther() {
        Vcon first = redacted();
        Vcon second = VconRedactor.redact(first, "Summary removal", RedactionPlan.builder().dropAnalysis("summary")
                .build(), DOMAIN, LATER);
        assertThat(second.redacted().uuid()).isEqualTo(first.uuid());
        assertThat(second.analysis().get(1).content().isEmpty()).isTrue();
    }

    @Test
    void anAmendedCopyAddsToAFullCopyOfThePrior() {
        Vcon prior = parent();
        String before = prior.toString();
        Vcon amended = VconRedactor.amend(prior,
                v -> VconEditor.addTextDialog(v, START, 1, List.of(0), "One more thing", null).vcon(), DOMAIN, LATER);
        assertThat(amended.uuid()).isNotEqualTo(prior.uuid());
        assertThat(amended.uuid().substring(19)).isEqualTo(prior.uuid().substring(19));
        assertThat(amended.amended()).isEqualTo(Amended.of(prior.uuid()));
        assertThat(amended.redacted()).isNull();
        assertThat(amended.updatedAt()).isEqualTo(OffsetDateTime.ofInstant(LATER.instant(), ZoneOffset.UTC));
        assertThat(amended.createdAt()).isEqualTo(prior.createdAt());
        assertThat(amended.dialog()).hasSize(prior.dialog().size() + 1);
        assertThat(amended.dialog().subList(0, prior.dialog().size())).isEqualTo(prior.dialog());
        assertThat(amended.parties()).isEqualTo(prior.parties());
        assertThat(amended.dialog().get(5).content().body()).isEqualTo(TextNode.valueOf("One more thing"));
        assertThat(prior.toString()).isEqualTo(before);
    }

    @Test
    void amendingClearsRedactedAndOverridesTheLinkFields() {
        Vcon redacted = redacted();
        Vcon amended = VconRedactor.amend(redacted, v -> v.toBuilder().uuid("x").amended(Amended.of("y")).build(),
                DOMAIN, LATER);
        assertThat(amended.redacted()).isNull();
        assertThat(amended.amended().uuid()).isEqualTo(redacted.uuid());
        assertThat(VconUuid.isValid(amended.uuid())).isTrue();
        assertThat(VconRedactor.amend(redacted, v -> v, DOMAIN, LATER).parties()).isEqualTo(redacted.parties());
    }
}
