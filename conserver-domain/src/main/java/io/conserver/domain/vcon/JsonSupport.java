package io.conserver.domain.vcon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.conserver.domain.error.ErrorCategory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
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
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Exact decimals so unknown numeric fields survive a read-write untouched (1.50 stays 1.50).
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    ObjectMapper mapper() {
        return mapper;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Parses JSON (plain or gzip) into a tree, or throws {@link InvalidVconException}; nothing else. */
    JsonNode readTree(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw InvalidVconException.of("$", "the input is empty; a vCon is a JSON object");
        }
        byte[] json = isGzip(bytes) ? gunzip(bytes) : checkSize(bytes);
        try {
            JsonNode node = mapper.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw InvalidVconException.of("$", "the input is empty; a vCon is a JSON object");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw new InvalidVconException(ErrorCategory.INVALID_INPUT,
                    List.of(Problem.error("$", "the input exceeds a parser limit: " + firstLine(e))), e);
        } catch (JsonProcessingException e) {
            throw new InvalidVconException(ErrorCategory.INVALID_INPUT,
                    List.of(Problem.error("$", "the input is not valid JSON: " + firstLine(e))), e);
        } catch (IOException | RuntimeException e) {
            throw new InvalidVconException(ErrorCategory.INVALID_INPUT,
                    List.of(Problem.error("$", "the input could not be read as JSON: " + firstLine(e))), e);
        }
    }

    /** Reads a stream up to the size limit, then parses it. */
    JsonNode readTree(InputStream in) {
        return readTree(readBounded(in, maxBytes));
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
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
