package io.conserver.domain.vcon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;

/**
 * The fast path of {@link VconCodec#read(byte[])}: builds the model straight from the parser, with no
 * tree, no migration pass and no separate validation pass, for the vCon most ingests carry: current
 * form, known fields, nothing to warn about.
 *
 * <p>It recognises the clean case, and reports a single warning itself: a named party without
 * {@code validation}, which many producers leave out. The moment anything else is unusual (a legacy name,
 * an unknown field, a null, a value of the wrong type, a value the validator would report, a kind of
 * dialog it leaves to the full path, a duplicate key, a parser limit), it gives up and {@link #read}
 * answers {@code null}, and the codec reads the same bytes the full way:
 * tree, {@link LegacyMigration}, {@link VconValidator}, {@link TreeReader}, which says precisely what
 * is wrong. So every rule here is the validator's, read the other way round: the fast path may accept
 * only what the full path accepts, into an equal model and with the same warnings. Giving up too often
 * only costs speed; accepting too much would be a bug, which is why this module's tests run with
 * {@code conserver.vcon.verifyFastReads} set: every fast read is then repeated the full way and the
 * two must agree (see {@link VconCodec}).
 */
final class StreamReader {
    /** Control flow, not an error: preallocated and without a stack trace, so giving up costs nothing. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super("the fast path gives way to the full read", null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();

    private final JsonParser p;
    private final ObjectReader values;
    private final Set<String> supportedExtensions;
    /** The one warning the fast path reports itself, see {@link #party}; {@code null} while there is none. */
    private List<Problem> warnings;
    /** The highest index each kind of reference uses; checked against the array sizes at the end. */
    private int maxParty = -1;
    private int maxDialog = -1;
    private int maxAttachment = -1;

    private StreamReader(JsonParser p, ObjectReader values, Set<String> supportedExtensions) {
        this.p = p;
        this.values = values;
        this.supportedExtensions = supportedExtensions;
    }

    /**
     * The vCon in {@code json}, or {@code null} when the full read must decide.
     *
     * @param json    plain JSON bytes, already within the size limit
     * @param scan    what {@link Utf8#scan} found in them
     * @param factory the codec's factory, with its parser limits
     * @param values  reads a value the model keeps as JSON (bodies, extension fields) exactly as the
     *                full read's tree holds it; must not fail on the tokens after the value
     */
    static ReadResult read(byte[] json, int scan, JsonFactory factory, ObjectReader values,
            Set<String> supportedExtensions) {
        // Invalid UTF-8 and unpaired surrogate escapes need the full read's checks and messages.
        if (scan == Utf8.VALID_WITH_SURROGATE_ESCAPE ? Utf8.hasLoneSurrogateEscape(json) : scan != Utf8.VALID) {
            return null;
        }
        try (JsonParser parser = factory.createParser(json)) {
            StreamReader reader = new StreamReader(parser, values, supportedExtensions);
            Vcon vcon = reader.vcon();
            return new ReadResult(vcon, reader.warnings == null ? List.of() : reader.warnings);
        } catch (IOException | RuntimeException | StackOverflowError unusual) {
            // GiveUp, and whatever the parser or a model constructor throws: the full read reports it.
            return null;
        }
    }

    private Vcon vcon() throws IOException {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        Vcon.Builder b = Vcon.builder();
        long seen = 0;
        String uuid = null;
        boolean created = false;
        int parties = 0;
        int dialogs = 0;
        int attachments = 0;
        int analyses = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            switch (name) {
                case "vcon" -> {
                    seen = once(seen, 0);
                    require(Vcon.VERSION.equals(string()));
                }
                case "uuid" -> {
                    seen = once(seen, 1);
                    uuid = string();
                    require(ValidationValues.isUuid(uuid) && ValidationValues.uuidVersion(uuid) == '8');
                    b.uuid(uuid);
                }
                case "created_at" -> {
                    seen = once(seen, 2);
                    b.createdAt(date());
                    created = true;
                }
                case "updated_at" -> {
                    seen = once(seen, 3);
                    b.updatedAt(date());
                }
                case "subject" -> {
                    seen = once(seen, 4);
                    b.subject(string());
                }
                case "extensions" -> {
                    seen = once(seen, 5);
                    b.extensions(names(false));
                }
                case "critical" -> {
                    seen = once(seen, 6);
                    b.critical(names(true));
                }
                case "parties" -> {
                    seen = once(seen, 7);
                    List<Party> list = objects(this::party);
                    b.parties(list);
                    parties = list.size();
                }
                case "dialog" -> {
                    seen = once(seen, 8);
                    List<Dialog> list = objects(index -> dialog());
                    b.dialog(list);
                    dialogs = list.size();
                }
                case "analysis" -> {
                    seen = once(seen, 9);
                    List<Analysis> list = objects(index -> analysis());
                    b.analysis(list);
                    analyses = list.size();
                }
                case "attachments" -> {
                    seen = once(seen, 10);
                    List<Attachment> list = objects(index -> attachment());
                    b.attachments(list);
                    attachments = list.size();
                }
                // redacted, amended, group, legacy and unknown names: the full read's business.
                default -> throw GIVE_UP;
            }
        }
        require(p.nextToken() == null);
        // The validator warns about a missing created_at, and about a vCon with no content at all.
        require(uuid != null && created && parties + dialogs + attachments + analyses > 0);
        require(maxParty < parties && maxDialog < dialogs && maxAttachment < attachments);
        return b.extras(Extras.EMPTY).build();
    }

    /** Reads the object at {@code index} of an array, the parser standing on its START_OBJECT. */
    private interface ItemReader<T> {
        T read(int index) throws IOException;
    }

    /** An array of objects; anything else in it is left to the full read. */
    private <T> List<T> objects(ItemReader<T> item) throws IOException {
        List<T> list = new ArrayList<>();
        for (JsonToken t = arrayStart(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            expect(t, JsonToken.START_OBJECT);
            list.add(item.read(list.size()));
        }
        return list;
    }

    /** A party of core-03 strings, plus the CC extension's fields kept as extras; no civic address. */
    private Party party(int index) throws IOException {
        Party.Builder b = Party.builder();
        LinkedHashMap<String, JsonNode> extras = null;
        long seen = 0;
        boolean named = false;
        boolean validated = false;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            switch (name) {
                case "tel" -> {
                    seen = once(seen, 0);
                    b.tel(string());
                }
                case "sip" -> {
                    seen = once(seen, 1);
                    b.sip(string());
                }
                case "stir" -> {
                    seen = once(seen, 2);
                    b.stir(string());
                }
                case "mailto" -> {
                    seen = once(seen, 3);
                    b.mailto(string());
                }
                case "name" -> {
                    seen = once(seen, 4);
                    b.name(string());
                    named = true;
                }
                case "did" -> {
                    seen = once(seen, 5);
                    b.did(string());
                }
                case "validation" -> {
                    seen = once(seen, 6);
                    b.validation(string());
                    validated = true;
                }
                case "gmlpos" -> {
                    seen = once(seen, 7);
                    b.gmlpos(string());
                }
                case "uuid" -> {
                    seen = once(seen, 8);
                    b.uuid(string());
                }
                case "type" -> {
                    seen = once(seen, 9);
                    String type = string();
                    require(ValidationParties.PARTY_TYPES.contains(type));
                    b.type(type);
                }
                case "org" -> {
                    seen = once(seen, 10);
                    b.org(string());
                }
                case "dept" -> {
                    seen = once(seen, 11);
                    b.dept(string());
                }
                case "role", "contact_list" -> extras = extra(extras, name);
                default -> throw GIVE_UP;
            }
        }
        if (named && !validated) {
            // Common in the wild, so reported here rather than left to the full read.
            // The full read reports it in the same words, after the problems of the root, which the fast
            // path has none of, and in party order, which this is.
            ValidationPath path = ValidationPath.ROOT.field("parties").index(index).field("validation");
            if (warnings == null) {
                warnings = new ArrayList<>(2);
            }
            warnings.add(Problem.warning(path.toString(), path + ValidationParties.UNVALIDATED_NAME));
        }
        return b.extras(Extras.adopt(extras)).build();
    }

    /**
     * A recording, text or incomplete dialog without transfer or recording-set links, session ids or
     * party history: those, and the rules between dialogs they bring, are left to the full read.
     */
    private Dialog dialog() throws IOException {
        Dialog.Builder b = Dialog.builder(null);
        ContentFields content = new ContentFields();
        LinkedHashMap<String, JsonNode> extras = null;
        long seen = 0;
        String type = null;
        String disposition = null;
        boolean contentField = false;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            switch (name) {
                case "type" -> {
                    seen = once(seen, 0);
                    type = string();
                }
                case "start" -> {
                    seen = once(seen, 1);
                    b.start(date());
                }
                case "duration" -> {
                    seen = once(seen, 2);
                    b.duration(duration());
                }
                case "parties" -> {
                    seen = once(seen, 3);
                    b.parties(dialogParties());
                }
                case "originator" -> {
                    seen = once(seen, 4);
                    b.originator(reference(this::partyRef));
                }
                case "mediatype" -> {
                    seen = once(seen, 5);
                    b.mediatype(mediatype());
                    contentField = true;
                }
                case "filename" -> {
                    seen = once(seen, 6);
                    b.filename(string());
                    contentField = true;
                }
                case "body", "encoding", "url", "content_hash" -> {
                    content.read(name);
                    contentField = true;
                }
                case "message_id" -> {
                    seen = once(seen, 7);
                    b.messageId(string());
                    contentField = true;
                }
                case "disposition" -> {
                    seen = once(seen, 8);
                    disposition = string();
                }
                case "application" -> {
                    seen = once(seen, 9);
                    b.application(string());
                }
                // The CC extension's dialog fields: known to the validator, kept as extras.
                case "campaign", "interaction_type", "interaction_id", "skill" -> extras = extra(extras, name);
                default -> throw GIVE_UP;
            }
        }
        require(type != null);
        switch (type) {
            case Dialog.RECORDING, Dialog.TEXT -> {
                // Disposition belongs to incomplete dialogs; a call or message must carry its content.
                require(disposition == null && (content.body != null || content.url != null));
            }
            case Dialog.INCOMPLETE -> require(!contentField && disposition != null
                    && ValidationDialogs.DISPOSITIONS.contains(disposition));
            default -> throw GIVE_UP;
        }
        return b.type(type).disposition(disposition).content(content.build()).extras(Extras.adopt(extras)).build();
    }

    private Attachment attachment() throws IOException {
        ContentFields content = new ContentFields();
        long seen = 0;
        String purpose = null;
        OffsetDateTime start = null;
        Integer party = null;
        Integer dialog = null;
        String mediatype = null;
        String filename = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            switch (name) {
                case "purpose" -> {
                    seen = once(seen, 0);
                    purpose = string();
                }
                case "start" -> {
                    seen = once(seen, 1);
                    start = date();
                }
                case "party" -> {
                    seen = once(seen, 2);
                    party = reference(this::partyRef);
                }
                case "dialog" -> {
                    seen = once(seen, 3);
                    dialog = reference(this::dialogRef);
                }
                case "mediatype" -> {
                    seen = once(seen, 4);
                    mediatype = mediatype();
                }
                case "filename" -> {
                    seen = once(seen, 5);
                    filename = string();
                }
                case "body", "encoding", "url", "content_hash" -> content.read(name);
                default -> throw GIVE_UP;
            }
        }
        // core-03 wants the distributing party, except on the tags attachment (see VconTags).
        require(party != null || VconTags.PURPOSE.equals(purpose));
        return new Attachment(purpose, start, party, dialog, mediatype, filename, content.build(), Extras.EMPTY);
    }

    private Analysis analysis() throws IOException {
        ContentFields content = new ContentFields();
        long seen = 0;
        String[] s = new String[6];
        List<Integer> dialogs = List.of();
        List<Integer> attachments = List.of();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            switch (name) {
                case "type" -> {
                    seen = once(seen, 0);
                    s[0] = string();
                }
                case "mediatype" -> {
                    seen = once(seen, 1);
                    s[1] = mediatype();
                }
                case "filename" -> {
                    seen = once(seen, 2);
                    s[2] = string();
                }
                case "vendor" -> {
                    seen = once(seen, 3);
                    s[3] = string();
                }
                case "product" -> {
                    seen = once(seen, 4);
                    s[4] = string();
                }
                case "schema" -> {
                    seen = once(seen, 5);
                    s[5] = string();
                }
                case "dialog" -> {
                    seen = once(seen, 6);
                    dialogs = indexes(this::dialogRef);
                }
                case "attachment" -> {
                    seen = once(seen, 7);
                    attachments = indexes(this::attachmentRef);
                }
                case "body", "encoding", "url", "content_hash" -> content.read(name);
                default -> throw GIVE_UP;
            }
        }
        require(s[3] != null); // the validator asks for the vendor
        return new Analysis(s[0], dialogs, attachments, s[1], s[2], s[3], s[4], s[5], content.build(), Extras.EMPTY);
    }

    /** body, encoding, url and content_hash of one item, checked together as ValidationContent does. */
    private final class ContentFields {
        private long seen;
        private JsonNode body;
        private String encoding;
        private String url;
        private List<String> hash;

        void read(String name) throws IOException {
            switch (name) {
                case "body" -> {
                    seen = once(seen, 0);
                    JsonToken t = p.nextToken();
                    require(t != JsonToken.VALUE_NULL);
                    body = t == JsonToken.VALUE_STRING ? TextNode.valueOf(p.getText()) : values.readTree(p);
                }
                case "encoding" -> {
                    seen = once(seen, 1);
                    encoding = string();
                }
                case "url" -> {
                    seen = once(seen, 2);
                    url = string();
                    require(ValidationValues.isHttps(url));
                }
                default -> {
                    seen = once(seen, 3);
                    hash = contentHash();
                }
            }
        }

        Content build() {
            require(body == null || url == null);
            require(url == null || hash != null);
            if (encoding == null) {
                // A string body without its encoding draws a warning; leave every such case to the full read.
                require(body == null);
            } else {
                boolean text = body == null || body.isTextual();
                switch (encoding) {
                    // A string under json may be a core-02 stringified body, which the migration unwraps.
                    case Content.JSON -> require(body == null || !body.isTextual());
                    case Content.NONE -> require(text);
                    case Content.BASE64URL -> require(body == null
                            || text && ValidationValues.isBase64Url(body.textValue()));
                    default -> throw GIVE_UP;
                }
            }
            return body == null && encoding == null && url == null && hash == null
                    ? Content.EMPTY : new Content(body, encoding, url, hash == null ? List.of() : hash);
        }
    }

    private List<String> contentHash() throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_STRING) {
            String token = p.getText();
            require(ValidationValues.isContentHash(token));
            return List.of(token);
        }
        expect(t, JsonToken.START_ARRAY);
        List<String> tokens = strings(ValidationValues::isContentHash);
        require(!tokens.isEmpty());
        return tokens;
    }

    /** {@code extensions} or {@code critical}: names, and for critical only the ones this server supports. */
    private List<String> names(boolean critical) throws IOException {
        expect(p.nextToken(), JsonToken.START_ARRAY);
        return strings(name -> !critical || supportedExtensions.contains(name));
    }

    /** The strings of the array the parser stands at the start of, each one {@code accepted}. */
    private List<String> strings(Predicate<String> accepted) throws IOException {
        List<String> strings = new ArrayList<>(2);
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            expect(t, JsonToken.VALUE_STRING);
            String s = p.getText();
            require(accepted.test(s));
            strings.add(s);
        }
        return strings;
    }

    /** An index or one entry per channel: an index, an array of indices, or null for an empty channel. */
    private DialogParties dialogParties() throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return DialogParties.single(partyRef(index()));
        }
        expect(t, JsonToken.START_ARRAY);
        List<DialogParties.Channel> channels = new ArrayList<>(2);
        for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == JsonToken.VALUE_NULL) {
                channels.add(new DialogParties.Channel(List.of(), false));
            } else if (t == JsonToken.VALUE_NUMBER_INT) {
                channels.add(DialogParties.Channel.of(partyRef(index())));
            } else {
                expect(t, JsonToken.START_ARRAY);
                channels.add(new DialogParties.Channel(indexArray(this::partyRef), true));
            }
        }
        return new DialogParties(false, channels);
    }

    /** An index, or an array of them; {@code ref} is {@link #dialogRef} or {@link #attachmentRef}. */
    private List<Integer> indexes(IntUnaryOperator ref) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return List.of(ref.applyAsInt(index()));
        }
        expect(t, JsonToken.START_ARRAY);
        return indexArray(ref);
    }

    /** The indices of the array the parser stands at the start of, each passed through {@code ref}. */
    private List<Integer> indexArray(IntUnaryOperator ref) throws IOException {
        List<Integer> out = new ArrayList<>(2);
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            expect(t, JsonToken.VALUE_NUMBER_INT);
            out.add(ref.applyAsInt(index()));
        }
        return out;
    }

    /** The next value, an index, passed through {@code ref}. */
    private int reference(IntUnaryOperator ref) throws IOException {
        expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
        return ref.applyAsInt(index());
    }

    private int partyRef(int index) {
        maxParty = Math.max(maxParty, index);
        return index;
    }

    private int dialogRef(int index) {
        maxDialog = Math.max(maxDialog, index);
        return index;
    }

    private int attachmentRef(int index) {
        maxAttachment = Math.max(maxAttachment, index);
        return index;
    }

    /** The current integer token as a non-negative int. */
    private int index() throws IOException {
        require(p.getNumberType() == JsonParser.NumberType.INT);
        int index = p.getIntValue();
        require(index >= 0);
        return index;
    }

    /**
     * A non-negative number the model can hold safely. A float token is exact (the full read keeps
     * decimals as BigDecimal); one with no fraction left, such as {@code 1.0e1}, becomes an integer node
     * in the full read, so it is left to it.
     */
    private BigDecimal duration() throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = p.getNumberType();
            require(type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG);
            long seconds = p.getLongValue();
            require(seconds >= 0);
            return BigDecimal.valueOf(seconds);
        }
        expect(t, JsonToken.VALUE_NUMBER_FLOAT);
        BigDecimal seconds = p.getDecimalValue();
        require(seconds.signum() >= 0 && seconds.scale() != 0 && Math.abs(seconds.scale()) <= TreeReader.MAX_SCALE
                && Double.isFinite(seconds.doubleValue()));
        return seconds;
    }

    private String mediatype() throws IOException {
        String mediatype = string();
        require(ValidationValues.isMediatype(mediatype));
        return mediatype;
    }

    /** An RFC 3339 timestamp with its zone; one without draws a warning. */
    private OffsetDateTime date() throws IOException {
        String text = string();
        OffsetDateTime date = Rfc3339.parseStrict(text);
        if (date != null) {
            return date;
        }
        require(ValidationValues.date(text) == ValidationValues.DateShape.VALID);
        date = Rfc3339.parse(text);
        require(date != null);
        return date;
    }

    private String string() throws IOException {
        expect(p.nextToken(), JsonToken.VALUE_STRING);
        return p.getText();
    }

    /** An extension field, kept as the full read's tree would hold it. */
    private LinkedHashMap<String, JsonNode> extra(LinkedHashMap<String, JsonNode> extras, String name)
            throws IOException {
        LinkedHashMap<String, JsonNode> map = extras == null ? new LinkedHashMap<>() : extras;
        require(p.nextToken() != JsonToken.VALUE_NULL);
        require(map.put(name, values.readTree(p)) == null);
        return map;
    }

    private JsonToken arrayStart() throws IOException {
        expect(p.nextToken(), JsonToken.START_ARRAY);
        return p.nextToken();
    }

    /** Marks field {@code bit} of an object as seen; a second one is a duplicate key. */
    private static long once(long seen, int bit) {
        long mask = 1L << bit;
        require((seen & mask) == 0);
        return seen | mask;
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw GIVE_UP;
        }
    }

    private static void require(boolean clean) {
        if (!clean) {
            throw GIVE_UP;
        }
    }
}
