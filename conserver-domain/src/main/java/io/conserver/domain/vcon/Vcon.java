package io.conserver.domain.vcon;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One conversation: the unsigned vCon object of draft-ietf-vcon-vcon-core-03 (draft §4).
 *
 * <p>Immutable. Every change returns a new vCon with {@code updated_at} bumped, following the draft's
 * rule that an unsigned vCon's {@code updated_at} moves with each change. The higher-level operations
 * live beside it: {@link VconEditor} (adding parties, dialogs, attachments, analyses with checked
 * references), {@link VconTags}, {@link VconFinder} and {@link VconRedactor}. Lists are never
 * {@code null}; an absent list is empty. Unknown top-level fields live in {@link #extras()}.
 */
public record Vcon(String uuid, OffsetDateTime createdAt, OffsetDateTime updatedAt, String subject,
                   List<String> extensions, List<String> critical, Redacted redacted, Amended amended,
                   List<Party> parties, List<Dialog> dialog, List<Analysis> analysis, List<Attachment> attachments,
                   Extras extras) {
    /** The {@code vcon} version value the library writes (deprecated by core-01, still expected by older readers). */
    public static final String VERSION = "0.4.0";

    public Vcon {
        extensions = copy(extensions);
        critical = copy(critical);
        parties = copy(parties);
        dialog = copy(dialog);
        analysis = copy(analysis);
        attachments = copy(attachments);
        extras = extras == null ? Extras.EMPTY : extras;
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** A new empty vCon: a UUIDv8 derived from {@code domain} and {@code created_at} now. */
    public static Vcon create(String domain) {
        return create(domain, Clock.systemUTC());
    }

    public static Vcon create(String domain, Clock clock) {
        return builder().uuid(VconUuid.forDomain(domain, clock)).createdAt(now(clock)).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().uuid(uuid).createdAt(createdAt).updatedAt(updatedAt).subject(subject)
                .extensions(extensions).critical(critical).redacted(redacted).amended(amended).parties(parties)
                .dialog(dialog).analysis(analysis).attachments(attachments).extras(extras);
    }

    /** A copy changed by {@code change}, with {@code updated_at} set to now. */
    public Vcon edit(UnaryOperator<Builder> change) {
        return edit(change, Clock.systemUTC());
    }

    public Vcon edit(UnaryOperator<Builder> change, Clock clock) {
        return change.apply(toBuilder()).updatedAt(now(clock)).build();
    }

    public Vcon withParty(Party party) {
        return edit(b -> b.parties(append(parties, party)));
    }

    public Vcon withDialog(Dialog d) {
        return edit(b -> b.dialog(append(dialog, d)));
    }

    public Vcon withAnalysis(Analysis a) {
        return edit(b -> b.analysis(append(analysis, a)));
    }

    public Vcon withAttachment(Attachment a) {
        return edit(b -> b.attachments(append(attachments, a)));
    }

    public Vcon withSubject(String newSubject) {
        return edit(b -> b.subject(newSubject));
    }

    /** Lists {@code name} in {@code extensions} (compatible extensions: receivers may ignore them). */
    public Vcon withExtension(String name) {
        return extensions.contains(name) ? this : edit(b -> b.extensions(append(extensions, name)));
    }

    /** Lists {@code name} in both {@code extensions} and {@code critical} (an incompatible extension). */
    public Vcon withCritical(String name) {
        Vcon listed = withExtension(name);
        return critical.contains(name) ? listed : listed.edit(b -> b.critical(append(critical, name)));
    }

    static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(item);
        return copy;
    }

    /** Now, to the millisecond, in UTC: the precision every producer we know writes. */
    static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Fluent construction of a vCon; unset lists are empty. */
    public static final class Builder {
        private String uuid;
        private OffsetDateTime createdAt;
        private OffsetDateTime updatedAt;
        private String subject;
        private List<String> extensions;
        private List<String> critical;
        private Redacted redacted;
        private Amended amended;
        private List<Party> parties;
        private List<Dialog> dialog;
        private List<Analysis> analysis;
        private List<Attachment> attachments;
        private Extras extras;

        private Builder() {
        }

        public Builder uuid(String v) { uuid = v; return this; }
        public Builder createdAt(OffsetDateTime v) { createdAt = v; return this; }
        public Builder updatedAt(OffsetDateTime v) { updatedAt = v; return this; }
        public Builder subject(String v) { subject = v; return this; }
        public Builder extensions(List<String> v) { extensions = v; return this; }
        public Builder critical(List<String> v) { critical = v; return this; }
        public Builder redacted(Redacted v) { redacted = v; return this; }
        public Builder amended(Amended v) { amended = v; return this; }
        public Builder parties(List<Party> v) { parties = v; return this; }
        public Builder dialog(List<Dialog> v) { dialog = v; return this; }
        public Builder analysis(List<Analysis> v) { analysis = v; return this; }
        public Builder attachments(List<Attachment> v) { attachments = v; return this; }
        public Builder extras(Extras v) { extras = v; return this; }

        public Vcon build() {
            return new Vcon(uuid, createdAt, updatedAt, subject, extensions, critical, redacted, amended, parties,
                    dialog, analysis, attachments, extras);
        }
    }
}
