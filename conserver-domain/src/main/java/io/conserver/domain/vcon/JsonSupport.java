package io.conserver.domain.vcon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import io.conserver.domain.error.ErrorCategory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The hardened Jackson set-up every vCon read goes through: one instance per size limit, built once.
 * Limits on nesting, number length, string and document size turn hostile input into a clean
 * {@link InvalidVconException} instead of a stack overflow or an exhausted heap; duplicate keys are
 * refused because two readers could otherwise see two different vCons in one document.
 */
final class JsonSupport {
    /** Deep enough for any real vCon body; shallow enough that recursion over the tree is safe. */
    static final int MAX_NESTING = 256;
    private static final int MAX_NUMBER_LENGTH = 100;
    private static final int MAX_PATH_CHARS = 200;

    private final ObjectMapper mapper;
    private final long maxBytes;

    JsonSupport(long maxBytes) {
        this.maxBytes = maxBytes;
        int maxString = (int) Math.min(Integer.MAX_VALUE, maxBytes);
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength(maxString)
                        .maxNameLength(64 * 1024)
                        .maxDocumentLength(maxBytes)
                        .build())
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Duplicate keys are caught as the tree is built, which costs nothing extra; the
                // parser-level detector would keep a hash set of names for every object.
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                // Exact decimals so unknown numeric fields survive a read-write untouched (1.50 stays 1.50).
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .nodeFactory(new ExactNodes())
                .build();
    }

    /**
     * Keeps decimals exact, except that a float token without fraction or exponent left ({@code 1e0},
     * {@code 5.0e1}) becomes the integer it is: as a BigDecimal of scale 0 it would be written "1" and
     * read back as an integer node, so the same document would give two unequal vCons.
     */
    private static final class ExactNodes extends JsonNodeFactory {
        private static final long serialVersionUID = 1L;
        private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
        private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
        private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
        private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

        @Override
        public ValueNode numberNode(BigDecimal value) {
            if (value == null || value.scale() != 0) {
                return value == null ? nullNode() : DecimalNode.valueOf(value);
            }
            BigInteger whole = value.unscaledValue();
            if (whole.compareTo(INT_MIN) >= 0 && whole.compareTo(INT_MAX) <= 0) {
                return IntNode.valueOf(whole.intValue());
            }
            if (whole.compareTo(LONG_MIN) >= 0 && whole.compareTo(LONG_MAX) <= 0) {
                return LongNode.valueOf(whole.longValue());
            }
            return BigIntegerNode.valueOf(whole);
        }
    }

    ObjectMapper mapper() {
        return mapper;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Parses JSON (plain or gzip) into a tree, or throws {@link InvalidVconException}; nothing else. */
    JsonNode readTree(byte[] bytes) {
        return readPlain(plain(bytes));
    }

    /**
     * The JSON text of an input: decompressed when it is gzip, and within the size limit.
     *
     * @throws InvalidVconException when the input is empty, too large or broken gzip
     */
    byte[] plain(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw InvalidVconException.of("$", "the input is empty; a vCon is a JSON object");
        }
        return isGzip(bytes) ? gunzip(bytes) : checkSize(bytes);
    }

    /** {@link #readTree(byte[])} of what {@link #plain} returned. */
    JsonNode readPlain(byte[] json) {
        return readPlain(json, Utf8.scan(json));
    }

    /** {@link #readPlain(byte[])} when the caller has already run {@link Utf8#scan} on the bytes. */
    JsonNode readPlain(byte[] json, int scan) {
        JsonNode node = parse(json, scan);
        if (node == null || node.isMissingNode()) {
            throw InvalidVconException.of("$", "the input is empty; a vCon is a JSON object");
        }
        // Jackson refuses UTF-8-encoded surrogates but decodes a \ud800 escape into a lone surrogate,
        // which is no character: it cannot be stored as UTF-8 (PostgreSQL refuses it) and may silently
        // turn into '?' on the way. Only such an escape makes one, so the tree is searched only when the
        // UTF-8 scan saw one, which keeps the common read free of the walk.
        String surrogate = scan == Utf8.VALID_WITH_SURROGATE_ESCAPE ? findLoneSurrogate(node, "") : null;
        if (surrogate != null) {
            throw InvalidVconException.of(surrogate.isEmpty() ? "$" : truncate(surrogate), "the text here "
                    + "contains an unpaired surrogate escape such as \\ud800, which is not a character; escape "
                    + "the whole pair or send the character as UTF-8");
        }
        return node;
    }

    /**
     * Jackson on its own would guess UTF-16 or UTF-32 from NUL bytes and accept overlong or
     * out-of-range UTF-8 sequences (0xC0 0xAF reads as '/'), so the bytes are checked first: JSON
     * between systems is UTF-8 (RFC 8259 §8.1), and a raw NUL byte is never valid JSON text.
     *
     * @param bad what {@link Utf8#scan} found: the offset of the first invalid byte, or negative
     */
    private JsonNode parse(byte[] json, int bad) {
        // The parser is ours rather than the mapper's so that even a limit error can say where it was.
        try (JsonParser parser = mapper.createParser(json)) {
            if (bad >= 0) {
                throw invalid(pathAt(parser, json, bad), "the input is not UTF-8 JSON: " + Utf8.describe(json, bad),
                        null);
            }
            try {
                return mapper.readTree(parser);
            } catch (JsonProcessingException e) {
                throw readFailure(e, parser, json);
            }
        } catch (IOException | RuntimeException e) {
            throw readFailure(e, null, json);
        }
    }

    private static InvalidVconException readFailure(Exception e, JsonParser parser, byte[] json) {
        if (e instanceof InvalidVconException invalid) {
            return invalid;
        }
        if (parser == null) {
            return invalid("$", "the input could not be read as JSON: " + firstLine(e), e);
        }
        if (e instanceof StreamConstraintsException) {
            return invalid(failedAt(parser, json), "the input exceeds a parser limit: " + firstLine(e), e);
        }
        return invalid(failedAt(parser, json), "the input is not valid JSON: " + firstLine(e) + where(parser), e);
    }

    private static InvalidVconException invalid(String path, String message, Throwable cause) {
        return new InvalidVconException(ErrorCategory.INVALID_INPUT, List.of(Problem.error(path, message)), cause);
    }

    private static String failedAt(JsonParser parser, byte[] json) {
        return pathOf(parser, json, parser.currentLocation().getByteOffset(), true);
    }

    private static String where(JsonParser parser) {
        JsonLocation at = parser.currentLocation();
        return at.getLineNr() > 0 ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : "";
    }

    /** The path of the value holding byte {@code offset}, found by parsing up to it. */
    private static String pathAt(JsonParser parser, byte[] json, int offset) {
        String path = "$";
        try {
            while (parser.nextToken() != null && parser.currentTokenLocation().getByteOffset() <= offset) {
                path = pathOf(parser, json, offset, false);
            }
        } catch (IOException | RuntimeException stoppedHere) {
            // Jackson may trip over the same bytes: the last place reached is the answer.
        }
        return path;
    }

    /** The path of the first string or field name holding an unpaired surrogate, or {@code null}. */
    static String findLoneSurrogate(JsonNode node, String path) {
        if (node.isTextual()) {
            return hasLoneSurrogate(node.textValue()) ? path : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = findLoneSurrogate(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (hasLoneSurrogate(field.getKey())) {
                    return path;
                }
                String found = findLoneSurrogate(field.getValue(),
                        path.isEmpty() ? field.getKey() : path + "." + field.getKey());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String truncate(String path) {
        return path.length() <= MAX_PATH_CHARS ? path : path.substring(0, MAX_PATH_CHARS);
    }

    /**
     * Where the parser stopped, in the validator's path syntax ({@code dialog[0].body}), so even a
     * syntax error names a place. Paths deeper than a few hundred characters stop at an ancestor.
     */
    /**
     * Where the parser is, in the validator's path syntax ({@code dialog[0].body}), so even a syntax
     * error names a place. Paths longer than a couple of hundred characters stop at an ancestor.
     *
     * @param offset  the byte the problem is at
     * @param failing true when the parser has just failed, false when it merely reached the offset
     */
    static String pathOf(JsonParser parser, byte[] json, long offset, boolean failing) {
        JsonStreamContext innermost = parser.getParsingContext();
        List<JsonStreamContext> chain = new ArrayList<>();
        for (JsonStreamContext c = innermost; c != null && !c.inRoot(); c = c.getParent()) {
            chain.add(c);
        }
        StringBuilder path = new StringBuilder();
        for (int i = chain.size() - 1; i >= 0 && path.length() < MAX_PATH_CHARS; i--) {
            JsonStreamContext c = chain.get(i);
            if (c.inArray()) {
                path.append('[').append(Math.max(c.getCurrentIndex(), 0)).append(']');
            } else if (c.getCurrentName() != null && (c != innermost || atValueOf(parser, json, offset, failing))) {
                path.append(path.length() == 0 ? "" : ".").append(c.getCurrentName());
            }
        }
        return path.length() == 0 ? "$" : path.toString();
    }

    /**
     * Whether the innermost object's current name is the field the problem is in. Jackson sets the
     * name only once it has read it, so while a name is bad, duplicated or missing its comma, the
     * name on record is still the previous field's: the object itself is the better answer then.
     */
    private static boolean atValueOf(JsonParser parser, byte[] json, long offset, boolean failing) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.FIELD_NAME) {
            return failing; // numbers and literals are read with their name; a reached name holds the offset
        }
        if (token != JsonToken.VALUE_STRING) {
            return false; // a finished value: the problem comes after it
        }
        long start = parser.currentTokenLocation().getByteOffset();
        return start >= 0 && start < json.length && !closesBefore(json, (int) start, offset);
    }

    /** True when the string starting at {@code start} ends before {@code offset}. */
    private static boolean closesBefore(byte[] json, int start, long offset) {
        for (int i = start + 1; i < json.length && i < offset; i++) {
            if (json[i] == '\\') {
                i++;
            } else if (json[i] == '"') {
                return true;
            }
        }
        return false;
    }

    /** Reads a tree a caller built, refusing what a parse would have refused: nesting past the limit. */
    static JsonNode checkDepth(JsonNode tree) {
        if (tree == null || tree.isMissingNode()) {
            throw InvalidVconException.of("$", "the input is empty; a vCon is a JSON object");
        }
        if (containerDepth(tree, MAX_NESTING) > MAX_NESTING) {
            throw InvalidVconException.of("$", "the input nests deeper than " + MAX_NESTING + " levels");
        }
        return tree;
    }

    /**
     * How many containers deep the tree goes ({@code {}} is 1, {@code [[]]} is 2), counted without
     * recursion and given up past {@code limit}, so a hostile tree cannot overflow the stack.
     */
    static int containerDepth(JsonNode tree, int limit) {
        List<JsonNode> level = List.of(tree);
        int depth = 0;
        while (depth <= limit) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : level) {
                if (node.isContainerNode()) {
                    node.forEach(next::add);
                }
            }
            if (next.isEmpty() && level.stream().noneMatch(JsonNode::isContainerNode)) {
                return depth;
            }
            depth++;
            level = next;
        }
        return depth;
    }

    static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1f && (bytes[1] & 0xFF) == 0x8b;
    }

    private byte[] checkSize(byte[] bytes) {
        if (bytes.length > maxBytes) {
            throw InvalidVconException.tooLarge(maxBytes);
        }
        return bytes;
    }

    private byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return readBounded(in, maxBytes);
        } catch (IOException e) {
            throw new InvalidVconException(ErrorCategory.INVALID_INPUT,
                    List.of(Problem.error("$", "the input looks like gzip but does not decompress: " + firstLine(e))), e);
        }
    }

    /** Reads at most {@code limit} bytes; one byte more means the input is too large. */
    static byte[] readBounded(InputStream in, long limit) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > limit) {
                    throw InvalidVconException.tooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new InvalidVconException(ErrorCategory.INVALID_INPUT,
                    List.of(Problem.error("$", "the input could not be read: " + firstLine(e))), e);
        }
    }

    /** Jackson messages carry a source excerpt after a newline; the first line is the useful part. */
    static String firstLine(Throwable e) {
        String message = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        int detail = line.startsWith("Duplicate field") ? line.indexOf(" for `") : -1;
        if (detail > 0) {
            // Jackson goes on about ObjectNode and its feature flag; the reader needs the rule.
            line = line.substring(0, detail) + ": a name may appear only once in an object";
        }
        if (line.startsWith("Trailing token")) {
            // Jackson names its own classes and feature flags here; say what is wrong with the input.
            int found = line.indexOf("found ");
            int end = found < 0 ? -1 : line.indexOf(" after", found);
            line = "there is more after the end of the JSON value"
                    + (found >= 0 && end > found ? " (" + line.substring(found, end) + ")" : "");
        }
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
