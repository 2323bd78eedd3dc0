package io.conserver.domain.vcon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The content carried by a dialog, attachment or analysis (draft §3): either inline
 * ({@code body} + {@code encoding}) or external ({@code url} + {@code content_hash}). In a redacted
 * vCon only the hash may remain, so every part is optional.
 *
 * @param body        the inline body: a string for {@code base64url} and {@code none}, any JSON value
 *                    for {@code json}; {@code null} when absent
 * @param encoding    {@code base64url}, {@code json} or {@code none}; {@code null} when absent
 * @param url         where external content lives (HTTPS); {@code null} when inline
 * @param contentHash one or more {@code alg-base64url} digests; empty when absent
 */
public record Content(JsonNode body, String encoding, String url, List<String> contentHash) {
    public static final String BASE64URL = "base64url";
    public static final String JSON = "json";
    public static final String NONE = "none";

    public static final Content EMPTY = new Content(null, null, null, List.of());

    public Content {
        body = body == null || body.isValueNode() ? body : body.deepCopy();
        contentHash = contentHash == null ? List.of() : List.copyOf(contentHash);
    }

    /** Text carried as-is ({@code encoding: none}). */
    public static Content text(String text) {
        return new Content(TextNode.valueOf(text), NONE, null, List.of());
    }

    /** Raw bytes carried as base64url, with their sha512 hash so a reader can check integrity. */
    public static Content bytes(byte[] data) {
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(data);
        return new Content(TextNode.valueOf(encoded), BASE64URL, null, List.of(ContentHashes.sha512(data)));
    }

    /** A JSON value carried as structured JSON ({@code encoding: json}, core-03). */
    public static Content json(JsonNode value) {
        return new Content(value, JSON, null, List.of());
    }

    /** External content: its URL and the hash of its bytes. */
    public static Content external(String url, String contentHash) {
        return new Content(null, null, url, List.of(contentHash));
    }

    @Override
    public JsonNode body() {
        return body == null || body.isValueNode() ? body : body.deepCopy();
    }

    /** The stored body without a defensive copy, for the codec's own read-only use. */
    JsonNode rawBody() {
        return body;
    }

    public boolean isInline() {
        return body != null;
    }

    public boolean isExternal() {
        return url != null;
    }

    public boolean isEmpty() {
        return body == null && url == null && contentHash.isEmpty() && encoding == null;
    }

    /**
     * The inline body as bytes: base64url decoded, text as UTF-8, JSON as its compact text.
     *
     * @throws InvalidVconException when there is no inline body or it does not decode
     */
    public byte[] decodeBody() {
        if (body == null) {
            throw InvalidVconException.of("body", "there is no inline body to decode");
        }
        if (BASE64URL.equals(encoding) || "base64".equals(encoding)) {
            try {
                return Base64.getUrlDecoder().decode(body.asText().replace('+', '-').replace('/', '_'));
            } catch (IllegalArgumentException e) {
                throw InvalidVconException.of("body", "body is not valid base64url: " + e.getMessage());
            }
        }
        String text = body.isTextual() ? body.textValue() : body.toString();
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
