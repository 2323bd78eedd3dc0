package io.conserver.domain.vcon;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conserver.domain.error.ErrorCategory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes unsigned vCons. Reading accepts every generation (0.0.1 to 0.4.0 and
 * unversioned), plain or gzip; it migrates legacy names, validates, and either returns the vCon
 * with its warnings or throws {@link InvalidVconException} with every problem: never anything else.
 * Writing always produces the current form.
 *
 * <p>Reading bytes tries a fast path first ({@link StreamReader}), which builds the model straight
 * from the parser for a current-form vCon, and falls back to the full read (tree, migration,
 * validation, mapping) for anything else; both give the same result (docs/vcon-library.md, "Two
 * ways through the reader").
 *
 * <p>Thread-safe and meant to be built once per set of {@link ValidationOptions} and shared: the
 * Jackson set-up and the validator are built in the constructor, never per call.
 */
public final class VconCodec {
    private static final Logger LOG = LoggerFactory.getLogger(VconCodec.class);

    private final ValidationOptions options;
    private final JsonSupport json;
    private final VconValidator validator;
    private final LegacyMigration migration;
    /** What {@link StreamReader} reads the JSON values the model keeps (bodies, extension fields) with. */
    private final ObjectReader values;

    /**
     * Set by this module's tests (see its pom): every vCon the fast path reads is read again the full
     * way, and a difference in the vCon or any problem the full read finds fails loudly. So every test
     * that reads a vCon also checks that the fast path accepts nothing the full read would not.
     */
    private static final boolean VERIFY_FAST_READS = Boolean.getBoolean("conserver.vcon.verifyFastReads");

    public VconCodec(ValidationOptions options) {
        this.options = options;
        this.json = new JsonSupport(options.maxBytes());
        this.validator = new VconValidator(options);
        this.migration = new LegacyMigration(json.mapper(), options.mode());
        this.values = json.mapper().readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public static VconCodec lenient() {
        return new VconCodec(ValidationOptions.lenient());
    }

    public static VconCodec strict() {
        return new VconCodec(ValidationOptions.strict());
    }

    public ValidationOptions options() {
        return options;
    }

    /** Reads a vCon from JSON or gzip-compressed JSON bytes. */
    public ReadResult read(byte[] bytes) {
        byte[] plain = json.plain(bytes);
        // One UTF-8 scan serves the fast path and, when that gives way, the full read.
        int scan = Utf8.scan(plain);
        ReadResult fast = readFast(plain, scan);
        return fast != null ? fast : readOwnedTree(json.readPlain(plain, scan));
    }

    /** The full read of plain JSON bytes: tree, migration, validation, mapping. */
    ReadResult readFully(byte[] plain) {
        return readOwnedTree(json.readPlain(plain));
    }

    /** Reads at most the configured size limit from the stream; the caller closes it. */
    public ReadResult read(InputStream in) {
        // No stream is empty input, which read(byte[]) refuses with its own message.
        return read(in == null ? null : JsonSupport.readBounded(in, options.maxBytes()));
    }

    /**
     * What {@link #read(byte[])} returns, when the fast path can read {@code bytes}: an unsigned,
     * current-form vCon (see docs/vcon-library.md). Empty otherwise, and then {@link #read(byte[])} or
     * {@link #readJson} tells what the input is and what is wrong with it, if anything. For callers that
     * must tell the forms of a vCon apart before reading it, such as
     * {@link io.conserver.domain.vcon.jose.VconOpener}.
     *
     * @throws InvalidVconException when the input is empty, over the size limit or broken gzip
     */
    public Optional<ReadResult> readFastIfCurrent(byte[] bytes) {
        return Optional.ofNullable(readFast(json.plain(bytes)));
    }

    /**
     * What {@link StreamReader} reads from plain JSON bytes without the full path: a current-form vCon
     * with nothing to report but the one warning the fast path gives itself. {@code null} sends the
     * caller down the full path.
     */
    ReadResult readFast(byte[] plain) {
        return readFast(plain, Utf8.scan(plain));
    }

    private ReadResult readFast(byte[] plain, int scan) {
        ReadResult fast = StreamReader.read(plain, scan, json.mapper().getFactory(), values,
                options.supportedExtensions());
        if (fast != null && VERIFY_FAST_READS) {
            verifyFastRead(plain, fast);
        }
        return fast;
    }

    void verifyFastRead(byte[] plain, ReadResult fast) {
        ReadResult full;
        try {
            full = readFully(plain);
        } catch (InvalidVconException e) {
            throw new AssertionError("the fast read accepted what the full read refuses: " + e.problems()
                    + " in " + new String(plain, StandardCharsets.UTF_8), e);
        }
        if (!full.equals(fast)) {
            throw new AssertionError("the fast read disagrees with the full read: fast " + fast + ", full " + full
                    + " in " + new String(plain, StandardCharsets.UTF_8));
        }
    }

    public ReadResult read(String text) {
        return read(text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads an already parsed tree; the tree is copied, never changed. */
    public ReadResult read(JsonNode tree) {
        return readOwnedTree(JsonSupport.checkDepth(tree).deepCopy());
    }

    /**
     * Reads a tree that {@link #readJson} returned, taking it over: the migration rewrites it in place,
     * so the caller must not use it afterwards. {@link #read(JsonNode)} copies its argument and walks it
     * for depth; a tree from readJson needs neither, since the parser held it to the same limits. This
     * is the path of every ingest that had to look at the JSON first (to tell a signed vCon from a
     * plain one), which would otherwise parse once and copy once per vCon.
     */
    public ReadResult readParsed(JsonNode parsedByReadJson) {
        return readOwnedTree(parsedByReadJson);
    }

    /** {@link #read(byte[])} when the warnings are not wanted. */
    public Vcon parse(byte[] bytes) {
        return read(bytes).vcon();
    }

    public Vcon parse(String text) {
        return read(text).vcon();
    }

    /**
     * Every problem of a document, errors and warnings, without throwing: what {@code vcon validate}
     * prints. An unreadable document gives the one problem that stopped the reading.
     */
    public List<Problem> check(byte[] bytes) {
        try {
            return read(bytes).warnings();
        } catch (InvalidVconException e) {
            return e.problems();
        }
    }

    /** Validates a vCon built in code, as its JSON would be validated on arrival. */
    public List<Problem> validate(Vcon vcon) {
        try {
            return validator.validate(toTree(vcon));
        } catch (InvalidVconException unreadable) {
            return unreadable.problems();
        }
    }

    /** The parsed JSON tree of raw bytes, with the same limits as {@link #read(byte[])}, unvalidated. */
    public JsonNode readJson(byte[] bytes) {
        return json.readTree(bytes);
    }

    public byte[] write(Vcon vcon) {
        ExactBytes out = new ExactBytes();
        write(vcon, out);
        return out.toByteArray();
    }

    public String writeString(Vcon vcon) {
        return new String(write(vcon), StandardCharsets.UTF_8);
    }

    /** Streams the vCon's JSON to {@code out}; the caller closes it. */
    public void write(Vcon vcon, OutputStream out) {
        try (JsonGenerator g = json.mapper().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            new TreeWriter(g).vcon(vcon);
        } catch (IOException e) {
            throw new UncheckedIOException("writing vCon " + vcon.uuid() + " failed", e);
        }
    }

    /** The {@code application/vcon+gzip} form. */
    public byte[] writeGzip(Vcon vcon) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            write(vcon, gzip);
        } catch (IOException e) {
            throw new UncheckedIOException("compressing vCon " + vcon.uuid() + " failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The vCon as the JSON tree its bytes parse to, read with the same limits as {@link #read(byte[])}.
     *
     * @throws InvalidVconException when a vCon built in code holds what no reader accepts (an unpaired
     *                              surrogate, nesting past the limit, more than the size limit)
     */
    public ObjectNode toTree(Vcon vcon) {
        return (ObjectNode) json.readTree(write(vcon));
    }

    private ReadResult readOwnedTree(JsonNode tree) {
        if (!(tree instanceof ObjectNode root)) {
            throw InvalidVconException.of("$", "the top level must be a JSON object, found " + kind(tree));
        }
        VconForm form = VconForm.detect(root);
        if (form != VconForm.UNSIGNED) {
            throw InvalidVconException.of("$", "this vCon is " + form.name().toLowerCase(java.util.Locale.ROOT)
                    + "; open it with VconOpener, which verifies and decrypts, before reading it");
        }
        List<Problem> problems = new ArrayList<>(migration.migrate(root));
        problems.addAll(validator.validate(root));
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InvalidVconException(errorsFirst(problems));
        }
        try {
            return new ReadResult(TreeReader.vcon(root), problems);
        } catch (RuntimeException | StackOverflowError bug) {
            // The validator accepted a shape the mapper cannot take: a bug, but still never the caller's crash.
            LOG.error("vCon passed validation but could not be mapped", bug);
            throw new InvalidVconException(ErrorCategory.INTERNAL,
                    List.of(Problem.error("$", "the vCon could not be read (internal error: " + bug + ")")), bug);
        }
    }

    private static List<Problem> errorsFirst(List<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(problems.size());
        problems.stream().filter(Problem::isError).forEach(sorted::add);
        problems.stream().filter(p -> !p.isError()).forEach(sorted::add);
        return sorted;
    }

    private static String kind(JsonNode node) {
        return node.isArray() ? "an array" : node.isTextual() ? "a string" : node.isNumber() ? "a number"
                : node.isBoolean() ? "a boolean" : node.isNull() ? "null" : node.getNodeType().name().toLowerCase();
    }
}
