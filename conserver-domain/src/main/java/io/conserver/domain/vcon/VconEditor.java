package io.conserver.domain.vcon;

import static io.conserver.domain.vcon.VconReferences.checkAttachment;
import static io.conserver.domain.vcon.VconReferences.checkDialog;
import static io.conserver.domain.vcon.VconReferences.checkDialogOfType;
import static io.conserver.domain.vcon.VconReferences.checkDialogReferences;
import static io.conserver.domain.vcon.VconReferences.checkParties;
import static io.conserver.domain.vcon.VconReferences.checkParty;
import static io.conserver.domain.vcon.VconReferences.require;
import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The vcon-lib / py-vcon operations that build a vCon (spec §13.3): create it, then add parties,
 * dialogs, attachments and analysis, each checked so that every index it refers to exists.
 *
 * <p>Every operation is pure: it returns a new vCon with {@code updated_at} taken from the clock
 * (the overloads without one use the system clock) and leaves its argument untouched. Bad arguments
 * raise {@link IllegalArgumentException} naming the argument, because they are programming errors,
 * not bad input. Tags and extensions are in {@link VconTags}, look-ups in {@link VconFinder},
 * redaction and amendment in {@link VconRedactor}.
 */
public final class VconEditor {
    private static final List<String> ORIGINAL_TYPES = List.of(Dialog.RECORDING, Dialog.TEXT, Dialog.RECORDING_SET);
    private static final List<String> TARGET_TYPES =
            List.of(Dialog.RECORDING, Dialog.TEXT, Dialog.RECORDING_SET, Dialog.INCOMPLETE);

    private VconEditor() {
    }

    /**
     * The vCon after an append, and the appended element's index: later elements refer to it by index.
     *
     * @param <T> the kind of element appended, which says which array {@code index} points into
     */
    public record Added<T>(Vcon vcon, int index) {
    }

    public static Vcon create(String domain) {
        return Vcon.create(domain);
    }

    public static Vcon create(String domain, Clock clock) {
        return Vcon.create(domain, clock);
    }

    /** The same vCon with {@code updated_at} set to now. */
    public static Vcon touch(Vcon vcon, Clock clock) {
        return vcon.edit(b -> b, clock);
    }

    public static Added<Party> addParty(Vcon vcon, Party party) {
        return addParty(vcon, party, Clock.systemUTC());
    }

    public static Added<Party> addParty(Vcon vcon, Party party, Clock clock) {
        requireNonNull(party, "party");
        return new Added<>(vcon.edit(b -> b.parties(Vcon.append(vcon.parties(), party)), clock), vcon.parties().size());
    }

    /** Appends any dialog after checking every party and dialog index it holds. */
    public static Added<Dialog> addDialog(Vcon vcon, Dialog dialog, Clock clock) {
        requireNonNull(dialog, "dialog");
        checkDialogReferences(vcon, dialog);
        return new Added<>(vcon.edit(b -> b.dialog(Vcon.append(vcon.dialog(), dialog)), clock), vcon.dialog().size());
    }

    public static Added<Dialog> addTextDialog(Vcon vcon, OffsetDateTime start, int fromParty, List<Integer> toParties,
                                              String text, String mediatype) {
        return addTextDialog(vcon, start, fromParty, toParties, text, mediatype, Clock.systemUTC());
    }

    /** One inline text message; {@code parties} lists the sender first, then the recipients (§6). */
    public static Added<Dialog> addTextDialog(Vcon vcon, OffsetDateTime start, int fromParty, List<Integer> toParties,
                                              String text, String mediatype, Clock clock) {
        requireNonNull(text, "text");
        int[] parties = IntStream.concat(IntStream.of(fromParty), toParties.stream().mapToInt(Integer::intValue))
                .toArray();
        checkParty(vcon, fromParty, "fromParty");
        for (int i = 0; i < toParties.size(); i++) {
            checkParty(vcon, toParties.get(i), "toParties[" + i + "]");
        }
        Dialog dialog = Dialog.builder(Dialog.TEXT).start(start).parties(parties)
                .mediatype(mediatype == null ? "text/plain" : mediatype).content(Content.text(text)).build();
        return addDialog(vcon, dialog, clock);
    }

    public static Added<Dialog> addInlineRecording(Vcon vcon, OffsetDateTime start, double durationSeconds,
                                                   int[] parties, byte[] audio, String mediatype, String filename) {
        return addInlineRecording(vcon, start, durationSeconds, parties, audio, mediatype, filename, Clock.systemUTC());
    }

    /** A recording carried inline as base64url, with its sha512 {@code content_hash}. */
    public static Added<Dialog> addInlineRecording(Vcon vcon, OffsetDateTime start, double durationSeconds,
                                                   int[] parties, byte[] audio, String mediatype, String filename,
                                                   Clock clock) {
        requireNonNull(audio, "audio");
        require(mediatype != null && !mediatype.isBlank(), "mediatype is required for inline content");
        return addRecording(vcon, start, durationSeconds, parties, Content.bytes(audio), mediatype, filename, clock);
    }

    public static Added<Dialog> addExternalRecording(Vcon vcon, OffsetDateTime start, double durationSeconds,
                                                     int[] parties, String httpsUrl, byte[] fetchedBytes,
                                                     String mediatype, String filename) {
        return addExternalRecording(vcon, start, durationSeconds, parties, httpsUrl, fetchedBytes, mediatype, filename,
                Clock.systemUTC());
    }

    /** A recording stored elsewhere; its sha512 is computed from the bytes fetched from {@code httpsUrl}. */
    public static Added<Dialog> addExternalRecording(Vcon vcon, OffsetDateTime start, double durationSeconds,
                                                     int[] parties, String httpsUrl, byte[] fetchedBytes,
                                                     String mediatype, String filename, Clock clock) {
        requireNonNull(fetchedBytes, "fetchedBytes");
        return addExternalRecording(vcon, start, durationSeconds, parties, httpsUrl, ContentHashes.sha512(fetchedBytes),
                mediatype, filename, clock);
    }

    public static Added<Dialog> addExternalRecording(Vcon vcon, OffsetDateTime start, double durationSeconds,
                                                     int[] parties, String httpsUrl, String contentHash,
                                                     String mediatype, String filename) {
        return addExternalRecording(vcon, start, durationSeconds, parties, httpsUrl, contentHash, mediatype, filename,
                Clock.systemUTC());
    }

    /** A recording stored elsewhere with a known hash; {@code mediatype} may be null (HTTP supplies it). */
    public static Added<Dialog> addExternalRecording(Vcon vcon, OffsetDateTime start, double durationSeconds,
                                                     int[] parties, String httpsUrl, String contentHash,
                                                     String mediatype, String filename, Clock clock) {
        requireHttps(httpsUrl);
        require(ContentHashes.isWellFormed(contentHash), "contentHash must be of the form alg-base64url: " + contentHash);
        return addRecording(vcon, start, durationSeconds, parties, Content.external(httpsUrl, contentHash), mediatype,
                filename, clock);
    }

    private static Added<Dialog> addRecording(Vcon vcon, OffsetDateTime start, double durationSeconds, int[] parties,
                                              Content content, String mediatype, String filename, Clock clock) {
        require(Double.isFinite(durationSeconds) && durationSeconds >= 0,
                "durationSeconds must be a non-negative number of seconds: " + durationSeconds);
        checkParties(vcon, parties);
        Dialog dialog = Dialog.builder(Dialog.RECORDING).start(start).duration(durationSeconds).parties(parties)
                .mediatype(mediatype).filename(filename).content(content).build();
        return addDialog(vcon, dialog, clock);
    }

    public static Added<Dialog> addIncompleteDialog(Vcon vcon, OffsetDateTime start, int[] parties, String disposition) {
        return addIncompleteDialog(vcon, start, parties, disposition, Clock.systemUTC());
    }

    /** A call attempt that failed before any conversation; {@code disposition} says why. */
    public static Added<Dialog> addIncompleteDialog(Vcon vcon, OffsetDateTime start, int[] parties, String disposition,
                                                    Clock clock) {
        require(Dialog.DISPOSITIONS.contains(disposition),
                "disposition must be one of " + Dialog.DISPOSITIONS + ", not " + disposition);
        checkParties(vcon, parties);
        return addDialog(vcon, Dialog.builder(Dialog.INCOMPLETE).start(start).parties(parties)
                .disposition(disposition).build(), clock);
    }

    public static Added<Dialog> addTransferDialog(Vcon vcon, OffsetDateTime start, int transferee, int transferor,
                                                  Integer transferTarget, int original, Integer targetDialog) {
        return addTransferDialog(vcon, start, transferee, transferor, transferTarget, original, targetDialog,
                Clock.systemUTC());
    }

    /**
     * Metadata linking the calls of a transfer (§6). {@code transferTarget} and {@code targetDialog}
     * may be null: -04 allows an abandoned transfer, which has neither.
     */
    public static Added<Dialog> addTransferDialog(Vcon vcon, OffsetDateTime start, int transferee, int transferor,
                                                  Integer transferTarget, int original, Integer targetDialog,
                                                  Clock clock) {
        checkParty(vcon, transferee, "transferee");
        checkParty(vcon, transferor, "transferor");
        if (transferTarget != null) {
            checkParty(vcon, transferTarget, "transferTarget");
        }
        checkDialogOfType(vcon, original, "original", ORIGINAL_TYPES);
        if (targetDialog != null) {
            checkDialogOfType(vcon, targetDialog, "targetDialog", TARGET_TYPES);
        }
        Dialog dialog = Dialog.builder(Dialog.TRANSFER).start(start).transferee(transferee).transferor(transferor)
                .transferTarget(transferTarget == null ? null : List.of(transferTarget)).original(List.of(original))
                .targetDialog(targetDialog == null ? null : List.of(targetDialog)).build();
        return addDialog(vcon, dialog, clock);
    }

    /** Appends any attachment after checking its {@code party} and {@code dialog} indices. */
    public static Added<Attachment> addAttachment(Vcon vcon, Attachment attachment, Clock clock) {
        requireNonNull(attachment, "attachment");
        if (attachment.party() != null) {
            checkParty(vcon, attachment.party(), "party");
        }
        if (attachment.dialog() != null) {
            checkDialog(vcon, attachment.dialog(), "dialog");
        }
        return new Added<>(vcon.edit(b -> b.attachments(Vcon.append(vcon.attachments(), attachment)), clock),
                vcon.attachments().size());
    }

    public static Added<Attachment> addAttachment(Vcon vcon, String purpose, int party, Integer dialog,
                                                  String mediatype, Content content) {
        return addAttachment(vcon, purpose, party, dialog, mediatype, content, Clock.systemUTC());
    }

    /** {@code party} is who distributed the document (a MUST in core-03); {@code dialog} may be null. */
    public static Added<Attachment> addAttachment(Vcon vcon, String purpose, int party, Integer dialog,
                                                  String mediatype, Content content, Clock clock) {
        requireNonNull(content, "content");
        return addAttachment(vcon, new Attachment(purpose, null, party, dialog, mediatype, null, content, null), clock);
    }

    /** Appends any analysis after checking its {@code dialog} and {@code attachment} indices. */
    public static Added<Analysis> addAnalysis(Vcon vcon, Analysis analysis, Clock clock) {
        requireNonNull(analysis, "analysis");
        for (int i = 0; i < analysis.dialog().size(); i++) {
            checkDialog(vcon, analysis.dialog().get(i), "dialogs[" + i + "]");
        }
        for (int i = 0; i < analysis.attachment().size(); i++) {
            checkAttachment(vcon, analysis.attachment().get(i), "attachment[" + i + "]");
        }
        return new Added<>(vcon.edit(b -> b.analysis(Vcon.append(vcon.analysis(), analysis)), clock),
                vcon.analysis().size());
    }

    public static Added<Analysis> addAnalysis(Vcon vcon, String type, List<Integer> dialogs, String vendor,
                                              String mediatype, Content content) {
        return addAnalysis(vcon, type, dialogs, vendor, mediatype, content, Clock.systemUTC());
    }

    /** Derived data about {@code dialogs}; {@code vendor}, the producer, is required by the draft (§8). */
    public static Added<Analysis> addAnalysis(Vcon vcon, String type, List<Integer> dialogs, String vendor,
                                              String mediatype, Content content, Clock clock) {
        require(type != null && !type.isBlank(), "type is required");
        require(vendor != null && !vendor.isBlank(), "vendor is required: it names who produced the analysis");
        requireNonNull(content, "content");
        Analysis analysis = new Analysis(type, dialogs, List.of(), mediatype, null, vendor, null, null, content, null);
        return addAnalysis(vcon, analysis, clock);
    }

    /** Checks bytes fetched from a dialog's {@code url} against its {@code content_hash}. */
    public static void verifyExternal(Dialog dialog, byte[] fetched) {
        verifyExternal(dialog.content(), fetched);
    }

    /** @throws InvalidVconException when the content has no hash or the bytes do not match it */
    public static void verifyExternal(Content content, byte[] fetched) {
        if (content.contentHash().isEmpty()) {
            throw InvalidVconException.of("content_hash", "there is no content_hash to check the fetched bytes against");
        }
        ContentHashes.verify(content.contentHash(), fetched);
    }

    private static void requireHttps(String url) {
        requireNonNull(url, "httpsUrl");
        try {
            URI uri = new URI(url);
            require("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null,
                    "httpsUrl must be an https URL with a host, not " + url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("httpsUrl is not a valid URL: " + url, e);
        }
    }
}
