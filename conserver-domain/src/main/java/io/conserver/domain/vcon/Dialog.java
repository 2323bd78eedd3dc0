package io.conserver.domain.vcon;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One segment of the conversation (draft §6): a recording, a text message, a transfer, an incomplete
 * call attempt, or a recording-set grouping several recordings. Cross references ({@code parties},
 * {@code originator}, {@code transferee}, {@code original}, ...) are zero-based indices into the vCon's
 * {@code parties} or {@code dialog} arrays. Contact-centre fields ({@code campaign}, {@code skill}...)
 * and unknown fields live in {@link #extras()}.
 *
 * <p>The transfer references that core-03 allows as an int or an int array are lists here; a list of
 * one is written as a plain int, the -04 form.
 */
public record Dialog(String type, OffsetDateTime start, BigDecimal duration, DialogParties parties,
                     Integer originator, String mediatype, String filename, Content content, String disposition,
                     SessionIds sessionId, List<PartyHistory> partyHistory, Integer transferee, Integer transferor,
                     List<Integer> transferTarget, List<Integer> original, List<Integer> consultation,
                     List<Integer> targetDialog, List<Integer> recordings, Integer recordingSet,
                     String application, String messageId, Extras extras) {
    public static final String RECORDING = "recording";
    public static final String TEXT = "text";
    public static final String TRANSFER = "transfer";
    public static final String INCOMPLETE = "incomplete";
    public static final String RECORDING_SET = "recording-set";

    /** The values allowed for {@code disposition} on an incomplete dialog. */
    public static final List<String> DISPOSITIONS =
            List.of("no-answer", "congestion", "failed", "busy", "hung-up", "voicemail-no-message");

    public Dialog {
        parties = parties == null ? DialogParties.NONE : parties;
        content = content == null ? Content.EMPTY : content;
        partyHistory = partyHistory == null ? List.of() : List.copyOf(partyHistory);
        transferTarget = copy(transferTarget);
        original = copy(original);
        consultation = copy(consultation);
        targetDialog = copy(targetDialog);
        recordings = copy(recordings);
        extras = extras == null ? Extras.EMPTY : extras;
    }

    private static List<Integer> copy(List<Integer> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    public static Builder builder(String type) {
        return new Builder().type(type);
    }

    public boolean isText() {
        return TEXT.equals(type);
    }

    public boolean isRecording() {
        return RECORDING.equals(type);
    }

    public boolean isTransfer() {
        return TRANSFER.equals(type);
    }

    public boolean isIncomplete() {
        return INCOMPLETE.equals(type);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type;
        b.start = start;
        b.duration = duration;
        b.parties = parties;
        b.originator = originator;
        b.mediatype = mediatype;
        b.filename = filename;
        b.content = content;
        b.disposition = disposition;
        b.sessionId = sessionId;
        b.partyHistory = partyHistory;
        b.transferee = transferee;
        b.transferor = transferor;
        b.transferTarget = transferTarget;
        b.original = original;
        b.consultation = consultation;
        b.targetDialog = targetDialog;
        b.recordings = recordings;
        b.recordingSet = recordingSet;
        b.application = application;
        b.messageId = messageId;
        b.extras = extras;
        return b;
    }

    /** Fluent construction; unset fields stay absent. */
    public static final class Builder {
        private String type;
        private OffsetDateTime start;
        private BigDecimal duration;
        private DialogParties parties;
        private Integer originator;
        private String mediatype;
        private String filename;
        private Content content;
        private String disposition;
        private SessionIds sessionId;
        private List<PartyHistory> partyHistory;
        private Integer transferee;
        private Integer transferor;
        private List<Integer> transferTarget;
        private List<Integer> original;
        private List<Integer> consultation;
        private List<Integer> targetDialog;
        private List<Integer> recordings;
        private Integer recordingSet;
        private String application;
        private String messageId;
        private Extras extras;

        private Builder() {
        }

        public Builder type(String v) { type = v; return this; }
        public Builder start(OffsetDateTime v) { start = v; return this; }
        public Builder duration(BigDecimal v) { duration = v; return this; }
        public Builder duration(double seconds) { duration = BigDecimal.valueOf(seconds); return this; }
        public Builder parties(DialogParties v) { parties = v; return this; }
        public Builder parties(int... v) { parties = DialogParties.of(v); return this; }
        public Builder originator(Integer v) { originator = v; return this; }
        public Builder mediatype(String v) { mediatype = v; return this; }
        public Builder filename(String v) { filename = v; return this; }
        public Builder content(Content v) { content = v; return this; }
        public Builder disposition(String v) { disposition = v; return this; }
        public Builder sessionId(SessionIds v) { sessionId = v; return this; }
        public Builder partyHistory(List<PartyHistory> v) { partyHistory = v; return this; }
        public Builder transferee(Integer v) { transferee = v; return this; }
        public Builder transferor(Integer v) { transferor = v; return this; }
        public Builder transferTarget(List<Integer> v) { transferTarget = v; return this; }
        public Builder original(List<Integer> v) { original = v; return this; }
        public Builder consultation(List<Integer> v) { consultation = v; return this; }
        public Builder targetDialog(List<Integer> v) { targetDialog = v; return this; }
        public Builder recordings(List<Integer> v) { recordings = v; return this; }
        public Builder recordingSet(Integer v) { recordingSet = v; return this; }
        public Builder application(String v) { application = v; return this; }
        public Builder messageId(String v) { messageId = v; return this; }
        public Builder extras(Extras v) { extras = v; return this; }

        public Dialog build() {
            return new Dialog(type, start, duration, parties, originator, mediatype, filename, content, disposition,
                    sessionId, partyHistory, transferee, transferor, transferTarget, original, consultation,
                    targetDialog, recordings, recordingSet, application, messageId, extras);
        }
    }
}
