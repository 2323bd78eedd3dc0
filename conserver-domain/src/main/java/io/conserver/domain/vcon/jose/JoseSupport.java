package io.conserver.domain.vcon.jose;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.conserver.domain.error.ErrorCategory;
import io.conserver.domain.vcon.InvalidVconException;
import io.conserver.domain.vcon.Problem;
import io.conserver.domain.vcon.VconForm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/** Base64url, hardened JSON parsing and bounded gunzip shared by the JOSE classes. */
final class JoseSupport {
    /** An inflated payload larger than this is treated as a gzip bomb. */
    static final long MAX_INFLATED_BYTES = 256L * 1024 * 1024;

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");

    // Duplicate keys are refused: two readers of one protected header must never see two different algs.
    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .build();

    private JoseSupport() {}

    static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String encodeJson(JsonNode node) {
        try {
            return encode(MAPPER.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** Strict unpadded base64url (RFC 7515 §2), or empty when the text is anything else. */
    static Optional<byte[]> decode(String text) {
        if (text == null || text.length() % 4 == 1 || !BASE64URL.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getUrlDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Parses JSON, or empty when the bytes are not JSON; never throws. */
    static Optional<JsonNode> parse(byte[] json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The bytes as JSON, inflating gzip first; empty when they are not JSON. */
    static Optional<JsonNode> parseMaybeGzip(byte[] bytes, String path) {
        return parse(VconForm.isGzip(bytes) ? gunzip(bytes, path) : bytes);
    }

    static byte[] gunzip(byte[] gzip, String path) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED_BYTES) {
                    throw new InvalidVconException(ErrorCategory.TOO_LARGE, List.of(Problem.error(path,
                            "the gzip content inflates past " + MAX_INFLATED_BYTES + " bytes")), null);
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new InvalidVconException(ErrorCategory.INVALID_INPUT,
                    List.of(Problem.error(path, "the gzip content is corrupt: " + e.getMessage())), e);
        }
    }

    /** A member's value when it is a string, such as the {@code uuid} of a vCon or of a JWS header. */
    static Optional<String> textField(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static InvalidVconException failure(String path, String message, Throwable cause) {
        return new InvalidVconException(ErrorCategory.INVALID_INPUT, List.of(Problem.error(path, message)), cause);
    }

    /** A caught exception's message on one line, for a problem text. */
    static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}
