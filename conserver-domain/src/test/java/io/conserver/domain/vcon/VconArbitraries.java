package io.conserver.domain.vcon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Arbitraries for valid vCons: every field the model knows, each type of dialog with the fields
 * the -04 applicability table allows and references that point at what they must, and extras of
 * any JSON value. JSON values are generated in the exact node types a parse produces (an int as
 * IntNode, a decimal as a DecimalNode with a non-zero scale), since model equality is node equality.
 */
final class VconArbitraries {
    static final Set<String> SUPPORTED_CRITICAL = Set.of("lawful_basis");
    private static final List<String> CC_FIELDS = List.of("campaign", "interaction_type", "interaction_id", "skill");
    private static final List<String> MEDIATYPES = List.of("audio/x-wav", "audio/ogg", "text/plain", "video/x-mp4",
            "application/json", "multipart/mixed; boundary=frontier", "text/plain; charset=UTF-8");
    private static final List<String> EVENTS = List.of("join", "drop", "hold", "unhold", "mute", "unmute", "keydown",
            "keyup");

    /*
     * Built once: jqwik compares arbitraries by value to memoize generators, and comparing freshly
     * built recursive arbitraries costs time exponential in their depth.
     */
    private static final Arbitrary<String> TEXT = newText();
    private static final Arbitrary<OffsetDateTime> DATES = newDates();
    private static final Arbitrary<String> UUIDS = newUuids();
    private static final Arbitrary<String> EXTRA_NAMES = newExtraNames();
    private static final Arbitrary<JsonNode> SCALAR = newJson(0);
    private static final List<Arbitrary<JsonNode>> JSON = new ArrayList<>(List.of(SCALAR));
    private static final List<Arbitrary<JsonNode>> CONTAINERS = new ArrayList<>();

    static {
        for (int depth = 0; depth <= 2; depth++) {
            CONTAINERS.add(newContainer(depth));
            JSON.add(newJson(depth + 1));
        }
    }

    private static final Arbitrary<Extras> EXTRAS = newExtras();
    private static final Arbitrary<Content> EXTERNAL = newExternal();
    private static final Arbitrary<Content> CONTENTS = newContents();
    private static final Arbitrary<BigDecimal> DURATIONS = newDurations();
    private static final Arbitrary<SessionIds> SESSION_IDS = newSessionIds();

    private VconArbitraries() {
    }

    static Arbitrary<String> text() {
        return TEXT;
    }

    static Arbitrary<OffsetDateTime> dates() {
        return DATES;
    }

    static Arbitrary<String> uuids() {
        return UUIDS;
    }

    static Arbitrary<String> extraNames() {
        return EXTRA_NAMES;
    }

    /** Any JSON value up to {@code depth} containers deep, in the node types a parse would produce. */
    static Arbitrary<JsonNode> json(int depth) {
        return JSON.get(depth);
    }

    static Arbitrary<JsonNode> container(int depth) {
        return CONTAINERS.get(depth);
    }

    static Arbitrary<Extras> extras() {
        return EXTRAS;
    }

    static Arbitrary<Content> contents() {
        return CONTENTS;
    }

    private static Arbitrary<Content> external() {
        return EXTERNAL;
    }

    static Arbitrary<BigDecimal> durations() {
        return DURATIONS;
    }

    private static Arbitrary<SessionIds> sessionIds() {
        return SESSION_IDS;
    }

    static Arbitrary<Vcon> vcons() {
        return parties().list().ofMaxSize(4).flatMap(parties -> dialogTypes().flatMap(types -> {
            int p = parties.size();
            int d = types.size();
            return Combinators.combine(dialogs(p, types), attachments(p, d).list().ofMaxSize(3))
                    .flatAs((dialogs, attachments) -> Combinators.combine(header(),
                            analysis(d, attachments.size()).list().ofMaxSize(3))
                            .as((b, analysis) -> b.parties(parties).dialog(dialogs).attachments(attachments)
                                    .analysis(analysis).build()));
        }));
    }

    /**
     * vCons with nothing the codec's fast path leaves to the full read (see StreamReader): the
     * generated ones, with lineage, civic addresses, unknown fields, transfer and recording-set
     * dialogs, session ids, party history and anything that draws a warning (but the one the fast
     * path reports itself) taken out or replaced.
     */
    static Arbitrary<Vcon> cleanVcons() {
        return Combinators.combine(vcons(), uuids()).as((v, uuid) -> clean(v, uuid));
    }

    private static Vcon clean(Vcon v, String uuid) {
        List<Party> parties = v.parties().stream().map(VconArbitraries::clean).toList();
        List<Dialog> dialogs = v.dialog().stream().map(VconArbitraries::clean).toList();
        List<Attachment> attachments = v.attachments().stream().map(a -> new Attachment(a.purpose(), a.start(),
                a.party() != null || parties.isEmpty() ? a.party() : Integer.valueOf(0), a.dialog(), a.mediatype(),
                a.filename(), a.content(), Extras.EMPTY)).map(a -> a.party() == null
                ? new Attachment(VconTags.PURPOSE, a.start(), null, a.dialog(), a.mediatype(), a.filename(), a.content(),
                Extras.EMPTY) : a).toList();
        List<Analysis> analysis = v.analysis().stream().map(a -> new Analysis(a.type(), a.dialog(), a.attachment(),
                a.mediatype(), a.filename(), a.vendor() == null ? "example-ai" : a.vendor(), a.product(), a.schema(),
                a.content(), Extras.EMPTY)).toList();
        boolean empty = parties.isEmpty() && dialogs.isEmpty() && attachments.isEmpty() && analysis.isEmpty();
        String v8 = uuid.substring(0, 14) + '8' + uuid.substring(15);
        return v.toBuilder().uuid(v8).createdAt(v.createdAt() != null ? v.createdAt() : v.updatedAt() != null
                        ? v.updatedAt() : OffsetDateTime.parse("2026-01-01T00:00:00Z"))
                .redacted(null).amended(null).extras(Extras.EMPTY)
                .parties(empty ? List.of(Party.ofTel("+15550000000")) : parties).dialog(dialogs)
                .attachments(attachments).analysis(analysis).build();
    }

    private static Party clean(Party p) {
        // A name without validation stays: the fast path reports that warning itself.
        Party.Builder b = p.toBuilder().civicaddress(null);
        if (p.type() != null && !List.of("person", "bot", "organization").contains(p.type())) {
            b.type(null);
        }
        return b.build();
    }

    /** Transfers and recording sets become failed attempts, so that references to them stay in range. */
    private static Dialog clean(Dialog d) {
        Dialog.Builder b = d.toBuilder().sessionId(null).partyHistory(null).recordingSet(null).recordings(null)
                .transferee(null).transferor(null).transferTarget(null).original(null).consultation(null)
                .targetDialog(null).extras(onlyCcFields(d.extras()));
        if (d.isRecording() || d.isText()) {
            return b.content(d.content().isInline() || d.content().isExternal() ? d.content() : Content.text("hello"))
                    .build();
        }
        return b.type(Dialog.INCOMPLETE).disposition(d.disposition() != null ? d.disposition() : "failed")
                .content(Content.EMPTY).mediatype(null).filename(null).messageId(null).build();
    }

    private static Extras onlyCcFields(Extras extras) {
        Extras kept = extras;
        for (String name : extras.names()) {
            if (!CC_FIELDS.contains(name)) {
                kept = kept.without(name);
            }
        }
        return kept;
    }

    /** Everything but the four lists. */
    private static Arbitrary<Vcon.Builder> header() {
        Arbitrary<List<String>> extensions = Arbitraries.subsetOf("CC", "lawful_basis", "x_ext_trace")
                .map(s -> s.stream().sorted().toList());
        Arbitrary<Object> lineage = Arbitraries.oneOf(Arbitraries.just("none"), redacted(), amended());
        return Combinators.combine(uuids(), dates().injectNull(0.1), dates().injectNull(0.5), text().injectNull(0.5),
                extensions, Arbitraries.of(true, false), lineage, extras())
                .as((uuid, created, updated, subject, names, critical, parent, extras) -> {
                    Vcon.Builder b = Vcon.builder().uuid(uuid).createdAt(created).updatedAt(updated).subject(subject)
                            .extensions(names).extras(extras)
                            .critical(critical ? names.stream().filter(SUPPORTED_CRITICAL::contains).toList() : null);
                    if (parent instanceof Redacted r) {
                        b.redacted(r);
                    } else if (parent instanceof Amended a) {
                        b.amended(a);
                    }
                    return b;
                });
    }

    private static Arbitrary<Redacted> redacted() {
        return Combinators.combine(uuids(), text().injectNull(0.3), external().injectNull(0.5), extras())
                .as((uuid, type, ext, extras) -> new Redacted(uuid, type, ext == null ? null : ext.url(),
                        ext == null ? null : ext.contentHash(), extras));
    }

    private static Arbitrary<Amended> amended() {
        return Combinators.combine(uuids(), external().injectNull(0.5), extras())
                .as((uuid, ext, extras) -> new Amended(uuid, ext == null ? null : ext.url(),
                        ext == null ? null : ext.contentHash(), extras));
    }

    static Arbitrary<Party> parties() {
        return Builders.withBuilder(Party::builder)
                .use(tel()).withProbability(0.6).in(Party.Builder::tel)
                .use(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(s -> "sip:" + s + "@example.com"))
                .withProbability(0.2).in(Party.Builder::sip)
                .use(Arbitraries.strings().alpha().ofLength(12).map(s -> "eyJ" + s + ".e30.sig")).withProbability(0.1)
                .in(Party.Builder::stir)
                .use(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(s -> s + "@example.org"))
                .withProbability(0.3).in(Party.Builder::mailto)
                .use(text()).withProbability(0.6).in(Party.Builder::name)
                .use(Arbitraries.of("did:web:example.com", "did:key:z6Mk")).withProbability(0.1).in(Party.Builder::did)
                .use(Arbitraries.of("none", "SSN", "badge", "oauth")).withProbability(0.5).in(Party.Builder::validation)
                .use(Arbitraries.of("47.6 -122.3", "-33.86 151.2")).withProbability(0.1).in(Party.Builder::gmlpos)
                .use(civicAddresses()).withProbability(0.3).in(Party.Builder::civicaddress)
                .use(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(10)).withProbability(0.3)
                .in(Party.Builder::uuid)
                .use(Arbitraries.of("person", "bot", "organization", "robot")).withProbability(0.4).in(Party.Builder::type)
                .use(text()).withProbability(0.2).in(Party.Builder::org)
                .use(text()).withProbability(0.2).in(Party.Builder::dept)
                .use(extrasWith(Arbitraries.of("role", "contact_list"), text().map(TextNode::valueOf)))
                .withProbability(0.3).in(Party.Builder::extras)
                .build(Party.Builder::build);
    }

    private static Arbitrary<CivicAddress> civicAddresses() {
        List<String> names = TreeReader.Names.CIVIC;
        Arbitrary<Map<String, String>> fields = Arbitraries.subsetOf(names).flatMap(chosen -> {
            List<String> ordered = names.stream().filter(chosen::contains).toList();
            return text().list().ofSize(ordered.size()).map(values -> {
                Map<String, String> m = new LinkedHashMap<>();
                IntStream.range(0, ordered.size()).forEach(i -> m.put(ordered.get(i), values.get(i)));
                return m;
            });
        });
        // Civic address elements are strings, unknown ones included.
        return Combinators.combine(fields, extrasWith(extraNames(), text().map(TextNode::valueOf)).injectNull(0.7))
                .as((f, extras) -> {
                    String[] v = names.stream().map(f::get).toArray(String[]::new);
                    return new CivicAddress(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11],
                            v[12], v[13], v[14], v[15], v[16], extras);
                });
    }

    /** Types first, so that every reference can be made to point at a dialog of the right type. */
    private static Arbitrary<List<String>> dialogTypes() {
        return Arbitraries.of(Dialog.RECORDING, Dialog.TEXT, Dialog.TRANSFER, Dialog.INCOMPLETE, Dialog.RECORDING_SET)
                .list().ofMaxSize(6)
                .map(types -> types.contains(Dialog.RECORDING) ? types
                        : types.stream().map(t -> t.equals(Dialog.RECORDING_SET) ? Dialog.RECORDING : t).toList());
    }

    private static Arbitrary<List<Dialog>> dialogs(int parties, List<String> types) {
        List<Arbitrary<Dialog>> each = new ArrayList<>();
        for (String type : types) {
            each.add(dialog(parties, types, type));
        }
        return Combinators.combine(each).as(List::copyOf);
    }

    private static Arbitrary<Dialog> dialog(int p, List<String> types, String type) {
        boolean transfer = type.equals(Dialog.TRANSFER);
        boolean withContent = type.equals(Dialog.RECORDING) || type.equals(Dialog.TEXT);
        Builders.BuilderCombinator<Dialog.Builder> b = Builders.withBuilder(() -> Dialog.builder(type))
                .use(dates()).withProbability(0.8).in(Dialog.Builder::start)
                .use(durations()).withProbability(transfer ? 0 : 0.5).in(Dialog.Builder::duration)
                .use(Arbitraries.of("Zoom", "Asterisk 20", "SMS gateway")).withProbability(0.2)
                .in(Dialog.Builder::application)
                .use(Arbitraries.oneOf(extras(), extrasWith(Arbitraries.of(CC_FIELDS), text().map(TextNode::valueOf))))
                .withProbability(0.4).in(Dialog.Builder::extras);
        if (p > 0 && !transfer) {
            b = b.use(dialogParties(p)).withProbability(0.8).in(Dialog.Builder::parties)
                    .use(index(p)).withProbability(0.3).in(Dialog.Builder::originator)
                    .use(sessionIds()).withProbability(0.3).in(Dialog.Builder::sessionId)
                    .use(history(p).list().ofMaxSize(4)).withProbability(0.3).in(Dialog.Builder::partyHistory);
        }
        if (withContent) {
            b = b.use(Arbitraries.of(MEDIATYPES)).withProbability(0.7).in(Dialog.Builder::mediatype)
                    .use(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(s -> s + ".wav"))
                    .withProbability(0.3).in(Dialog.Builder::filename)
                    .use(contents()).in(Dialog.Builder::content)
                    .use(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(s -> "<" + s + "@mail>"))
                    .withProbability(0.2).in(Dialog.Builder::messageId);
        }
        switch (type) {
            case Dialog.INCOMPLETE -> b = b.use(Arbitraries.of(Dialog.DISPOSITIONS)).in(Dialog.Builder::disposition);
            case Dialog.RECORDING_SET -> b = b.use(oneOrMore(indexesOf(types, Dialog.RECORDING)))
                    .in(Dialog.Builder::recordings);
            case Dialog.RECORDING -> {
                List<Integer> sets = indexesOf(types, Dialog.RECORDING_SET);
                if (!sets.isEmpty()) {
                    b = b.use(Arbitraries.of(sets)).withProbability(0.7).in(Dialog.Builder::recordingSet);
                }
            }
            case Dialog.TRANSFER -> b = transfer(b, p, types);
            default -> { }
        }
        return b.build(Dialog.Builder::build);
    }

    private static Builders.BuilderCombinator<Dialog.Builder> transfer(Builders.BuilderCombinator<Dialog.Builder> b,
            int p, List<String> types) {
        List<Integer> calls = new ArrayList<>(indexesOf(types, Dialog.RECORDING));
        calls.addAll(indexesOf(types, Dialog.TEXT));
        calls.addAll(indexesOf(types, Dialog.RECORDING_SET));
        List<Integer> attempts = new ArrayList<>(calls);
        attempts.addAll(indexesOf(types, Dialog.INCOMPLETE));
        if (p > 0) {
            b = b.use(index(p)).withProbability(0.8).in(Dialog.Builder::transferee)
                    .use(index(p)).withProbability(0.8).in(Dialog.Builder::transferor)
                    .use(index(p).list().ofMinSize(1).ofMaxSize(2)).withProbability(0.6).in(Dialog.Builder::transferTarget);
        }
        if (!calls.isEmpty()) {
            b = b.use(Arbitraries.of(calls).list().ofMinSize(1).ofMaxSize(2)).withProbability(0.7)
                    .in(Dialog.Builder::original);
        }
        if (!attempts.isEmpty()) {
            b = b.use(Arbitraries.of(attempts).list().ofMinSize(1).ofMaxSize(2)).withProbability(0.4)
                    .in(Dialog.Builder::consultation)
                    .use(Arbitraries.of(attempts).list().ofMinSize(1).ofMaxSize(2)).withProbability(0.7)
                    .in(Dialog.Builder::targetDialog);
        }
        return b;
    }

    private static Arbitrary<DialogParties> dialogParties(int p) {
        Arbitrary<DialogParties.Channel> channel = Arbitraries.oneOf(
                index(p).map(DialogParties.Channel::of),
                index(p).list().ofMaxSize(3).map(list -> new DialogParties.Channel(list, true)),
                Arbitraries.just(new DialogParties.Channel(List.of(), false)));
        return Arbitraries.oneOf(index(p).map(DialogParties::single),
                index(p).list().ofMinSize(1).ofMaxSize(3).map(l -> DialogParties.of(l.stream().mapToInt(i -> i).toArray())),
                channel.list().ofMinSize(1).ofMaxSize(3).map(l -> new DialogParties(false, l)));
    }

    private static Arbitrary<SessionIds> newSessionIds() {
        Arbitrary<SessionId> id = Arbitraries.oneOf(
                Combinators.combine(uuids(), uuids()).as(SessionId::of),
                uuids().map(u -> SessionId.of(u, SessionId.NIL)),
                Arbitraries.just(new SessionId(null, null, Extras.EMPTY)),
                Combinators.combine(uuids(), uuids(), extras()).as(SessionId::new));
        return Arbitraries.oneOf(id.map(SessionIds::of),
                id.list().ofMaxSize(3).list().ofMaxSize(3).map(SessionIds::perChannel));
    }

    private static Arbitrary<PartyHistory> history(int p) {
        return Combinators.combine(index(p), dates(), Arbitraries.of(EVENTS), Arbitraries.of("1", "#", "*", "9"),
                extras().injectNull(0.7))
                .as((party, time, event, key, extras) -> new PartyHistory(party, time, event,
                        event.startsWith("key") ? key : null, extras));
    }

    static Arbitrary<Attachment> attachments(int p, int d) {
        return Combinators.combine(Arbitraries.of("invoice", "tags", "contract", "lawful_basis").injectNull(0.2),
                dates().injectNull(0.4), p > 0 ? index(p).injectNull(0.1) : Arbitraries.just((Integer) null),
                d > 0 ? index(d).injectNull(0.5) : Arbitraries.just((Integer) null),
                Arbitraries.of(MEDIATYPES).injectNull(0.2),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(s -> s + ".pdf").injectNull(0.6),
                contents(), extras())
                .as(Attachment::new);
    }

    static Arbitrary<Analysis> analysis(int d, int a) {
        Arbitrary<List<Integer>> dialogs = d > 0 ? index(d).list().ofMaxSize(2) : Arbitraries.just(List.of());
        Arbitrary<List<Integer>> attachments = a > 0 ? index(a).list().ofMaxSize(2) : Arbitraries.just(List.of());
        Arbitrary<String[]> labels = Combinators.combine(
                Arbitraries.of("summary", "transcript", "sentiment", "tts", "wtf_transcription").injectNull(0.1),
                Arbitraries.of(MEDIATYPES).injectNull(0.3),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(s -> s + ".json").injectNull(0.7),
                Arbitraries.of("deepgram", "openai", "example-ai").injectNull(0.1),
                Arbitraries.of("nova-2", "whisper-1").injectNull(0.5), Arbitraries.of("v1", "segments").injectNull(0.5))
                .as((type, mediatype, filename, vendor, product, schema)
                        -> new String[] {type, mediatype, filename, vendor, product, schema});
        return Combinators.combine(labels, dialogs, attachments, contents(), extras())
                .as((l, dialog, attachment, content, extras) -> new Analysis(l[0], dialog, attachment, l[1], l[2], l[3],
                        l[4], l[5], content, extras));
    }

    private static Arbitrary<Content> newContents() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Content.EMPTY)),
                Tuple.of(3, text().map(Content::text)),
                Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(48).map(Content::bytes)),
                Tuple.of(3, container(2).map(Content::json)),
                Tuple.of(2, external()));
    }

    private static Arbitrary<Content> newExternal() {
        return Combinators.combine(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(16))
                .as((path, data) -> Content.external("https://media.example.com/" + path, ContentHashes.sha512(data)));
    }

    private static Arbitrary<Extras> newExtras() {
        return extrasWith(extraNames(), json(2));
    }

    private static Arbitrary<String> newExtraNames() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1).ofMaxLength(6)
                .map(s -> "x_ext_" + s);
    }

    private static Arbitrary<Extras> extrasWith(Arbitrary<String> names, Arbitrary<JsonNode> values) {
        return Combinators.combine(names, values).as(Map::entry).list().ofMaxSize(4).map(entries -> {
            LinkedHashMap<String, JsonNode> m = new LinkedHashMap<>();
            entries.forEach(e -> m.putIfAbsent(e.getKey(), e.getValue()));
            return Extras.of(m);
        });
    }

    private static Arbitrary<JsonNode> newJson(int depth) {
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
                Arbitraries.integers().map(IntNode::valueOf),
                Arbitraries.longs().filter(l -> l != (int) (long) l).map(LongNode::valueOf),
                Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(40))
                        .map(b -> BigInteger.valueOf(Long.MAX_VALUE).add(b))
                        // Outside the long range on both sides: inside it, a parse gives a LongNode.
                        .flatMap(b -> Arbitraries.of(b, b.negate().subtract(BigInteger.ONE)))
                        .map(BigIntegerNode::valueOf),
                decimals().map(DecimalNode::valueOf),
                text().map(TextNode::valueOf),
                Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE, NullNode.getInstance()));
        return depth <= 0 ? scalar : Arbitraries.frequencyOf(Tuple.of(3, SCALAR), Tuple.of(1, container(depth - 1)));
    }

    private static Arbitrary<JsonNode> newContainer(int depth) {
        Arbitrary<JsonNode> array = json(depth).list().ofMaxSize(4).map(items -> {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            items.forEach(a::add);
            return a;
        });
        Arbitrary<JsonNode> object = Combinators.combine(text(), json(depth)).as(Map::entry).list().ofMaxSize(4)
                .map(entries -> {
                    ObjectNode o = JsonNodeFactory.instance.objectNode();
                    entries.forEach(e -> o.set(e.getKey(), e.getValue()));
                    return o;
                });
        return Arbitraries.oneOf(array, object);
    }

    /** Decimals with a scale other than 0: "12" would be read back as an integer node. */
    private static Arbitrary<BigDecimal> decimals() {
        return Combinators.combine(Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(),
                BigInteger.TEN.pow(30)), Arbitraries.integers().between(-12, 12).filter(s -> s != 0))
                .as(BigDecimal::new);
    }

    private static Arbitrary<BigDecimal> newDurations() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 100_000).map(BigDecimal::valueOf),
                Combinators.combine(Arbitraries.longs().between(0, 10_000_000), Arbitraries.integers().between(1, 4))
                        .as(BigDecimal::valueOf));
    }

    /** Unicode text with the characters that need escaping, emoji as surrogate pairs, never a lone surrogate. */
    private static Arbitrary<String> newText() {
        Arbitrary<String> plain = Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\u017f')
                .withCharRange('\u0400', '\u044f').withCharRange('\u4e00', '\u4e40')
                .withChars('\n', '\t', '\u0000', '\u001f', '\u2028', '\ufeff', '"', '\\').ofMaxLength(16);
        return Combinators.combine(plain, Arbitraries.of("", "", "\uD83D\uDE00", "\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDCBB"))
                .as(String::concat);
    }

    private static Arbitrary<OffsetDateTime> newDates() {
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0),
                Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(us -> us * 1000),
                Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(Arbitraries.integers().between(1970, 2200), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 28), Arbitraries.integers().between(0, 86_399), nanos,
                Arbitraries.integers().between(-18 * 60, 18 * 60))
                .as((y, m, d, s, n, offset) -> OffsetDateTime.of(y, m, d, s / 3600, s / 60 % 60, s % 60, n,
                        ZoneOffset.ofTotalSeconds(offset * 60)));
    }

    private static Arbitrary<String> newUuids() {
        return Arbitraries.strings().withChars("0123456789abcdef").ofLength(30).map(h -> h.substring(0, 8) + "-"
                + h.substring(8, 12) + "-8" + h.substring(12, 15) + "-9" + h.substring(15, 18) + "-"
                + h.substring(18, 30));
    }

    private static Arbitrary<String> tel() {
        return Arbitraries.strings().numeric().ofMinLength(7).ofMaxLength(12)
                .flatMap(n -> Arbitraries.of("+" + n, "tel:+" + n));
    }

    private static Arbitrary<Integer> index(int count) {
        return Arbitraries.integers().between(0, count - 1);
    }

    private static List<Integer> indexesOf(List<String> types, String type) {
        return IntStream.range(0, types.size()).filter(i -> types.get(i).equals(type)).boxed().toList();
    }

    private static Arbitrary<List<Integer>> oneOrMore(List<Integer> choices) {
        return Arbitraries.of(choices).list().ofMinSize(1).ofMaxSize(3);
    }
}
