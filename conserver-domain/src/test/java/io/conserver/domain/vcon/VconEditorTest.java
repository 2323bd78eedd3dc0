package io.conserver.domain.vcon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import io.conserver.domain.vcon.VconEditor.Added;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VconEditorTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Clock CREATED = Clock.fixed(T0, ZoneOffset.UTC);
    private static final Clock LATER = Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC);
    private static final OffsetDateTime START = OffsetDateTime.parse("2025-03-01T09:30:00Z");
    private static final byte[] AUDIO = "RIFF....WAVEfmt fake audio".getBytes(StandardCharsets.US_ASCII);
    private static final String URL = "https://media.example.com/calls/42.wav";

    /** Alice the agent (party 0) and Bob the customer (party 1), no dialogs. */
    private static Vcon twoParties() {
        Vcon vcon = VconEditor.create("example.com", CREATED);
        vcon = VconEditor.addParty(vcon, Party.builder().tel("+1 555 010 0001").name("Alice Agent").build(), CREATED)
                .vcon();
        return VconEditor.addParty(vcon, Party.builder().tel("tel:+15550100002").mailto("mailto:Bob@Example.com")
                .name("Bob").build(), CREATED).vcon();
    }

    /** Two parties, a text dialog (0) and an inline recording (1). */
    private static Vcon withDialogs() {
        Vcon vcon = VconEditor.addTextDialog(twoParties(), START, 1, List.of(0), "hello", null, CREATED).vcon();
        return VconEditor.addInlineRecording(vcon, START, 30, new int[] {0, 1}, AUDIO, "audio/x-wav", "a.wav", CREATED)
                .vcon();
    }

    private static OffsetDateTime utc(Clock clock) {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Test
    void createMintsAUuidForTheDomainAndStampsCreatedAt() {
        Vcon vcon = VconEditor.create("example.com", CREATED);
        assertThat(VconUuid.version(vcon.uuid())).isEqualTo(8);
        assertThat(vcon.uuid()).endsWith(VconEditor.create("example.com").uuid().substring(19));
        assertThat(vcon.createdAt()).isEqualTo(utc(CREATED));
        assertThat(vcon.updatedAt()).isNull();
        assertThat(vcon.parties()).isEmpty();
    }

    @Test
    void touchSetsUpdatedAtOnly() {
        Vcon vcon = twoParties();
        Vcon touched = VconEditor.touch(vcon, LATER);
        assertThat(touched.updatedAt()).isEqualTo(utc(LATER));
        assertThat(touched.toBuilder().updatedAt(vcon.updatedAt()).build()).isEqualTo(vcon);
    }

    @Test
    void addPartyReturnsTheNewIndexAndBumpsUpdatedAt() {
        Vcon vcon = twoParties();
        Added<Party> added = VconEditor.addParty(vcon, Party.ofTel("+15550100003"), LATER);
        assertThat(added.index()).isEqualTo(2);
        assertThat(added.vcon().parties()).hasSize(3);
        assertThat(added.vcon().parties().get(2).tel()).isEqualTo("+15550100003");
        assertThat(added.vcon().updatedAt()).isEqualTo(utc(LATER));
        assertThat(added.vcon().createdAt()).isEqualTo(vcon.createdAt());
        assertThat(vcon.parties()).hasSize(2);
        assertThat(vcon.updatedAt()).isEqualTo(utc(CREATED));
    }

    @Test
    void addTextDialogListsTheSenderFirstAndCarriesTheTextAsIs() {
        Vcon vcon = twoParties();
        Added<Dialog> added = VconEditor.addTextDialog(vcon, START, 1, List.of(0), "Hi, my order is late", null, LATER);
        Dialog dialog = added.vcon().dialog().get(added.index());
        assertThat(added.index()).isZero();
        assertThat(dialog.type()).isEqualTo(Dialog.TEXT);
        assertThat(dialog.start()).isEqualTo(START);
        assertThat(dialog.parties()).isEqualTo(DialogParties.of(1, 0));
        assertThat(dialog.mediatype()).isEqualTo("text/plain");
        assertThat(dialog.content().encoding()).isEqualTo(Content.NONE);
        assertThat(dialog.content().body()).isEqualTo(TextNode.valueOf("Hi, my order is late"));
        assertThat(added.vcon().updatedAt()).isEqualTo(utc(LATER));
        assertThat(vcon.dialog()).isEmpty();

        Added<Dialog> second = VconEditor.addTextDialog(added.vcon(), START, 0, List.of(1), "Sorry!", "text/markdown");
        assertThat(second.index()).isEqualTo(1);
        assertThat(second.vcon().dialog().get(1).mediatype()).isEqualTo("text/markdown");
    }

    @Test
    void addTextDialogNamesTheBadPartyArgument() {
        Vcon vcon = twoParties();
        assertThatThrownBy(() -> VconEditor.addTextDialog(vcon, START, 0, List.of(1, 2), "x", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("toParties[1]")
                .hasMessageContaining("2 parties");
        assertThatThrownBy(() -> VconEditor.addTextDialog(vcon, START, -1, List.of(1), "x", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fromParty");
    }

    @Test
    void addInlineRecordingCarriesBase64urlAndItsSha512() {
        Added<Dialog> added = VconEditor.addInlineRecording(twoParties(), START, 12.5, new int[] {0, 1}, AUDIO,
                "audio/x-wav", "call.wav", LATER);
        Dialog dialog = added.vcon().dialog().get(added.index());
        assertThat(dialog.type()).isEqualTo(Dialog.RECORDING);
        assertThat(dialog.duration()).isEqualByComparingTo(new BigDecimal("12.5"));
        assertThat(dialog.parties()).isEqualTo(DialogParties.of(0, 1));
        assertThat(dialog.mediatype()).isEqualTo("audio/x-wav");
        assertThat(dialog.filename()).isEqualTo("call.wav");
        assertThat(dialog.content().encoding()).isEqualTo(Content.BASE64URL);
        assertThat(dialog.content().body().textValue())
                .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(AUDIO));
        assertThat(dialog.content().decodeBody()).isEqualTo(AUDIO);
        assertThat(dialog.content().contentHash()).containsExactly(ContentHashes.sha512(AUDIO));
        assertThat(added.vcon().updatedAt()).isEqualTo(utc(LATER));
    }

    @Test
    void addInlineRecordingChecksItsArguments() {
        Vcon vcon = twoParties();
        assertThatThrownBy(() -> VconEditor.addInlineRecording(vcon, START, 1, new int[] {0}, AUDIO, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mediatype");
        assertThatThrownBy(() -> VconEditor.addInlineRecording(vcon, START, -1, new int[] {0}, AUDIO, "audio/ogg", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("durationSeconds");
        assertThatThrownBy(() -> VconEditor.addInlineRecording(vcon, START, 1, new int[] {0, 5}, AUDIO, "audio/ogg", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parties[1]");
    }

    @Test
    void addExternalRecordingHashesTheFetchedBytes() {
        Added<Dialog> added = VconEditor.addExternalRecording(twoParties(), START, 30, new int[] {0, 1}, URL, AUDIO,
                "audio/x-wav", "42.wav", LATER);
        Dialog dialog = added.vcon().dialog().get(added.index());
        assertThat(dialog.content().url()).isEqualTo(URL);
        assertThat(dialog.content().body()).isNull();
        assertThat(dialog.content().encoding()).isNull();
        assertThat(dialog.content().contentHash()).containsExactly(ContentHashes.sha512(AUDIO));
        assertThat(added.vcon().updatedAt()).isEqualTo(utc(LATER));
    }

    @Test
    void addExternalRecordingTakesAKnownHashAndNoMediatype() {
        String hash = ContentHashes.compute("sha256", AUDIO);
        Dialog dialog = VconEditor.addExternalRecording(twoParties(), START, 30, new int[] {0}, URL, hash, null, null)
                .vcon().dialog().get(0);
        assertThat(dialog.content().contentHash()).containsExactly(hash);
        assertThat(dialog.mediatype()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://media.example.com/a.wav", "s3://bucket/a.wav", "file:///tmp/a.wav", "https:///a.wav",
            "not a url"})
    void addExternalRecordingRejectsAnythingButHttps(String url) {
        Vcon vcon = twoParties();
        assertThatThrownBy(() -> VconEditor.addExternalRecording(vcon, START, 1, new int[] {0}, url, AUDIO, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("httpsUrl");
    }

    @Test
    void addExternalRecordingAcceptsUpperCaseSchemeAndRejectsAMalformedHash() {
        Vcon vcon = twoParties();
        assertThat(VconEditor.addExternalRecording(vcon, START, 1, new int[] {0}, "HTTPS://Media.example.com/a", AUDIO,
                null, null).index()).isZero();
        assertThatThrownBy(() -> VconEditor.addExternalRecording(vcon, START, 1, new int[] {0}, URL, "SHA-512:abc",
                null, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contentHash");
    }

    @Test
    void verifyExternalChecksFetchedBytesAgainstTheDialogsHash() {
        Dialog dialog = VconEditor.addExternalRecording(twoParties(), START, 1, new int[] {0}, URL, AUDIO, null, null)
                .vcon().dialog().get(0);
        VconEditor.verifyExternal(dialog, AUDIO);
        byte[] tampered = AUDIO.clone();
        tampered[0] ^= 1;
        assertThatThrownBy(() -> VconEditor.verifyExternal(dialog, tampered))
                .isInstanceOf(InvalidVconException.class).hasMessageContaining("content_hash");
        assertThatThrownBy(() -> VconEditor.verifyExternal(Content.text("no hash"), AUDIO))
                .isInstanceOf(InvalidVconException.class).hasMessageContaining("no content_hash");
    }

    @Test
    void addIncompleteDialogValidatesTheDisposition() {
        Added<Dialog> added = VconEditor.addIncompleteDialog(twoParties(), START, new int[] {0, 1}, "busy", LATER);
        Dialog dialog = added.vcon().dialog().get(0);
        assertThat(dialog.type()).isEqualTo(Dialog.INCOMPLETE);
        assertThat(dialog.disposition()).isEqualTo("busy");
        assertThat(dialog.content().isEmpty()).isTrue();
        assertThat(dialog.mediatype()).isNull();
        assertThatThrownBy(() -> VconEditor.addIncompleteDialog(twoParties(), START, new int[] {0}, "lost"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("disposition");
        assertThatThrownBy(() -> VconEditor.addIncompleteDialog(twoParties(), START, new int[] {3}, "busy"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parties[0]");
    }

    @Test
    void addTransferDialogLinksPartiesAndDialogs() {
        Vcon vcon = VconEditor.addParty(withDialogs(), Party.ofTel("+15550100009"), CREATED).vcon();
        Added<Dialog> added = VconEditor.addTransferDialog(vcon, START, 1, 0, 2, 1, 0, LATER);
        Dialog transfer = added.vcon().dialog().get(added.index());
        assertThat(added.index()).isEqualTo(2);
        assertThat(transfer.type()).isEqualTo(Dialog.TRANSFER);
        assertThat(transfer.transferee()).isEqualTo(1);
        assertThat(transfer.transferor()).isZero();
        assertThat(transfer.transferTarget()).containsExactly(2);
        assertThat(transfer.original()).containsExactly(1);
        assertThat(transfer.targetDialog()).containsExactly(0);
        assertThat(transfer.parties().isEmpty()).isTrue();

        Dialog abandoned = VconEditor.addTransferDialog(vcon, START, 1, 0, null, 1, null).vcon().dialog().get(2);
        assertThat(abandoned.transferTarget()).isEmpty();
        assertThat(abandoned.targetDialog()).isEmpty();
    }

    @Test
    void addTransferDialogChecksEveryReference() {
        Vcon vcon = withDialogs();
        assertThatThrownBy(() -> VconEditor.addTransferDialog(vcon, START, 2, 0, null, 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transferee");
        assertThatThrownBy(() -> VconEditor.addTransferDialog(vcon, START, 1, 0, 7, 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transferTarget");
        assertThatThrownBy(() -> VconEditor.addTransferDialog(vcon, START, 1, 0, null, 2, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("original")
                .hasMessageContaining("2 dialogs");
        assertThatThrownBy(() -> VconEditor.addTransferDialog(vcon, START, 1, 0, null, 1, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targetDialog");
        Vcon withTransfer = VconEditor.addTransferDialog(vcon, START, 1, 0, null, 1, null).vcon();
        assertThatThrownBy(() -> VconEditor.addTransferDialog(withTransfer, START, 1, 0, null, 2, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transfer dialog");
    }

    @Test
    void addDialogChecksTheReferencesOfAnyDialog() {
        Vcon vcon = withDialogs();
        Dialog badOriginator = Dialog.builder(Dialog.TEXT).parties(0, 1).originator(4).build();
        assertThatThrownBy(() -> VconEditor.addDialog(vcon, badOriginator, LATER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("originator");
        Dialog badHistory = Dialog.builder(Dialog.RECORDING).parties(0, 1)
                .partyHistory(List.of(PartyHistory.of(9, START, "join"))).build();
        assertThatThrownBy(() -> VconEditor.addDialog(vcon, badHistory, LATER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("party_history");
        Dialog badSet = Dialog.builder(Dialog.RECORDING_SET).recordings(List.of(0, 1, 2)).build();
        assertThatThrownBy(() -> VconEditor.addDialog(vcon, badSet, LATER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recordings");
        Dialog goodSet = Dialog.builder(Dialog.RECORDING_SET).recordings(List.of(0, 1)).build();
        assertThat(VconEditor.addDialog(vcon, goodSet, LATER).index()).isEqualTo(2);
    }

    @Test
    void addAttachmentChecksPartyAndDialog() {
        Vcon vcon = withDialogs();
        Content pdf = Content.bytes("%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
        Added<Attachment> added = VconEditor.addAttachment(vcon, "contract", 1, 0, "application/pdf", pdf, LATER);
        Attachment attachment = added.vcon().attachments().get(added.index());
        assertThat(added.index()).isZero();
        assertThat(attachment.purpose()).isEqualTo("contract");
        assertThat(attachment.party()).isEqualTo(1);
        assertThat(attachment.dialog()).isZero();
        assertThat(attachment.mediatype()).isEqualTo("application/pdf");
        assertThat(attachment.content()).isEqualTo(pdf);
        assertThat(added.vcon().updatedAt()).isEqualTo(utc(LATER));
        assertThat(VconEditor.addAttachment(vcon, "note", 0, null, "text/plain", Content.text("n")).vcon()
                .attachments().get(0).dialog()).isNull();

        assertThatThrownBy(() -> VconEditor.addAttachment(vcon, "contract", 2, null, "application/pdf", pdf))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("party");
        assertThatThrownBy(() -> VconEditor.addAttachment(vcon, "contract", 0, 2, "application/pdf", pdf))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dialog");
    }

    @Test
    void addAnalysisChecksDialogsAndRequiresAVendor() {
        Vcon vcon = withDialogs();
        Content summary = Content.text("Customer reports a late order.");
        Added<Analysis> added = VconEditor.addAnalysis(vcon, "summary", List.of(0, 1), "acme-ai", "text/plain",
                summary, LATER);
        Analysis analysis = added.vcon().analysis().get(added.index());
        assertThat(analysis.type()).isEqualTo("summary");
        assertThat(analysis.dialog()).containsExactly(0, 1);
        assertThat(analysis.vendor()).isEqualTo("acme-ai");
        assertThat(analysis.mediatype()).isEqualTo("text/plain");
        assertThat(analysis.content()).isEqualTo(summary);
        assertThat(added.vcon().updatedAt()).isEqualTo(utc(LATER));

        assertThatThrownBy(() -> VconEditor.addAnalysis(vcon, "summary", List.of(2), "acme-ai", null, summary))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dialogs[0]");
        assertThatThrownBy(() -> VconEditor.addAnalysis(vcon, "summary", List.of(0), " ", null, summary))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vendor");
        Analysis fromAttachment = new Analysis("report", null, List.of(0), null, null, "acme", null, null, summary, null);
        assertThatThrownBy(() -> VconEditor.addAnalysis(vcon, fromAttachment, LATER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attachment[0]");
    }

    @Test
    void extensionsAndCriticalAreListedOnceAndRemovedFromBoth() {
        Vcon vcon = twoParties();
        Vcon withCc = VconTags.addExtension(vcon, "CC", LATER);
        assertThat(withCc.extensions()).containsExactly("CC");
        assertThat(withCc.critical()).isEmpty();
        assertThat(withCc.updatedAt()).isEqualTo(utc(LATER));
        assertThat(VconTags.addExtension(withCc, "CC", CREATED)).isSameAs(withCc);

        Vcon critical = VconTags.addCritical(withCc, "encrypted_media", LATER);
        assertThat(critical.extensions()).containsExactly("CC", "encrypted_media");
        assertThat(critical.critical()).containsExactly("encrypted_media");

        Vcon removed = VconTags.removeExtension(critical, "encrypted_media", LATER);
        assertThat(removed.extensions()).containsExactly("CC");
        assertThat(removed.critical()).isEmpty();
        assertThat(VconTags.removeExtension(removed, "absent", LATER)).isSameAs(removed);
        assertThat(vcon.extensions()).isEmpty();
    }

    @Test
    void findPartyByTelIgnoresPrefixAndSeparators() {
        Vcon vcon = twoParties();
        for (String tel : List.of("+15550100001", "tel:+1-555-010-0001", "+1 (555) 010-0001", "+1.555.010.0001",
                "TEL:+1 555 010 0001")) {
            assertThat(VconFinder.findPartyByTel(vcon, tel)).as(tel).isEqualTo(OptionalInt.of(0));
        }
        assertThat(VconFinder.findPartyByTel(vcon, "+1 555 010 0002")).isEqualTo(OptionalInt.of(1));
        assertThat(VconFinder.findPartyByTel(vcon, "+15550100003")).isEmpty();
        assertThat(VconFinder.findPartyByTel(vcon, "")).isEmpty();
        assertThat(VconFinder.findPartyByTel(vcon, null)).isEmpty();
    }

    @Test
    void findPartyByMailtoAndNameIgnoreCase() {
        Vcon vcon = twoParties();
        assertThat(VconFinder.findPartyByMailto(vcon, "bob@example.com")).isEqualTo(OptionalInt.of(1));
        assertThat(VconFinder.findPartyByMailto(vcon, "MAILTO:BOB@EXAMPLE.COM")).isEqualTo(OptionalInt.of(1));
        assertThat(VconFinder.findPartyByMailto(vcon, "alice@example.com")).isEmpty();
        assertThat(VconFinder.findPartyByName(vcon, "alice agent")).isEqualTo(OptionalInt.of(0));
        assertThat(VconFinder.findPartyByName(vcon, "Alice")).isEmpty();
        assertThat(VconFinder.findPartyIndex(vcon, p -> p.mailto() != null)).isEqualTo(OptionalInt.of(1));
    }

    @Test
    void findersByTypeAndPurposeReturnEveryIndex() {
        Vcon vcon = withDialogs();
        vcon = VconEditor.addTextDialog(vcon, START, 0, List.of(1), "bye", null).vcon();
        vcon = VconEditor.addAnalysis(vcon, "transcript", List.of(1), "acme", null, Content.text("t")).vcon();
        vcon = VconEditor.addAnalysis(vcon, "summary", List.of(1), "acme", null, Content.text("s")).vcon();
        vcon = VconEditor.addAttachment(vcon, "contract", 0, null, "text/plain", Content.text("c")).vcon();
        assertThat(VconFinder.dialogsOfType(vcon, Dialog.TEXT)).containsExactly(0, 2);
        assertThat(VconFinder.dialogsOfType(vcon, Dialog.RECORDING)).containsExactly(1);
        assertThat(VconFinder.dialogsOfType(vcon, Dialog.TRANSFER)).isEmpty();
        assertThat(VconFinder.analysisOfType(vcon, "summary")).containsExactly(1);
        assertThat(VconFinder.attachmentsOfPurpose(vcon, "contract")).containsExactly(0);
    }

    @Test
    void noOperationChangesItsArgument() {
        Vcon vcon = withDialogs();
        vcon = VconTags.addTag(vcon, "priority", "high", CREATED);
        String before = vcon.toString();
        Vcon after = VconEditor.addParty(vcon, Party.ofTel("+1"), LATER).vcon();
        after = VconEditor.addTextDialog(vcon, START, 0, List.of(1), "x", null, LATER).vcon();
        after = VconEditor.addInlineRecording(vcon, START, 1, new int[] {0}, AUDIO, "audio/ogg", null, LATER).vcon();
        after = VconEditor.addExternalRecording(vcon, START, 1, new int[] {0}, URL, AUDIO, null, null, LATER).vcon();
        after = VconEditor.addIncompleteDialog(vcon, START, new int[] {0}, "failed", LATER).vcon();
        after = VconEditor.addTransferDialog(vcon, START, 1, 0, null, 1, null, LATER).vcon();
        after = VconEditor.addAttachment(vcon, "n", 0, null, "text/plain", Content.text("n"), LATER).vcon();
        after = VconEditor.addAnalysis(vcon, "summary", List.of(0), "acme", null, Content.text("s"), LATER).vcon();
        after = VconTags.addTag(vcon, "priority", "low", LATER);
        after = VconTags.removeTag(vcon, "priority", LATER);
        after = VconTags.addCritical(vcon, "x", LATER);
        after = VconEditor.touch(vcon, LATER);
        after = VconRedactor.redact(vcon, "PII", RedactionPlan.builder().dropParties(0).stripDialogContent(1).build(),
                "example.com", LATER);
        after = VconRedactor.amend(vcon, v -> VconTags.addTag(v, "a", "b", LATER), "example.com", LATER);
        assertThat(after).isNotNull();
        assertThat(vcon.toString()).isEqualTo(before);
    }
}
