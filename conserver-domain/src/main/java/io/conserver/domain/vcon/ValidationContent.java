package io.conserver.domain.vcon;

import static io.conserver.domain.vcon.ValidationContext.present;
import static io.conserver.domain.vcon.ValidationValues.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Content carriage (draft §3), shared by dialogs, attachments and analysis, and the
 * url/content_hash pair of {@code redacted} and {@code amended} (§4.2, §4.3).
 */
final class ValidationContent {
    private static final String ENCODINGS = "base64url, json, none";
    private static final Set<String> REDACTED_FIELDS = Set.of("uuid", "type", "url", "content_hash");
    private static final Set<String> AMENDED_FIELDS = Set.of("uuid", "url", "content_hash");

    private ValidationContent() {
    }

    /** mediatype, filename, body/encoding and url/content_hash of one dialog, attachment or analysis. */
    static void check(ValidationContext ctx, JsonNode owner, ValidationPath prefix) {
        check(ctx, prefix, owner.get("mediatype"), owner.get("filename"), owner.get("body"), owner.get("encoding"),
                owner.get("url"), owner.get("content_hash"));
    }

    /** The same checks on values the caller already has from its own pass over the object's fields. */
    static void check(ValidationContext ctx, ValidationPath prefix, JsonNode mediatype, JsonNode filename,
                      JsonNode body, JsonNode encoding, JsonNode url, JsonNode hash) {
        mediatype(ctx, mediatype, prefix);
        ctx.stringValue(filename, prefix, "filename");
        if (present(body) && present(url)) {
            ctx.error(prefix, prefix + " has both body and url; content is carried either inline or by reference, "
                    + "not both");
        }
        encoding(ctx, encoding, prefix, body);
        url(ctx, hash, prefix, url);
    }

    /** {@code redacted} or {@code amended}: an object pointing at another vCon. */
    static void vconReference(ValidationContext ctx, JsonNode ref, String name) {
        ValidationPath path = ValidationPath.ROOT.field(name);
        if (!ref.isObject()) {
            ctx.error(path, name + " must be an object; was " + describe(ref));
            return;
        }
        boolean redacted = name.equals("redacted");
        ctx.string(ref, path, "uuid");
        if (redacted) {
            ctx.string(ref, path, "type");
        }
        url(ctx, ref.get("content_hash"), path, ref.get("url"));
        ctx.unknownFields(ref, path, redacted ? REDACTED_FIELDS : AMENDED_FIELDS);
    }

    private static void mediatype(ValidationContext ctx, JsonNode v, ValidationPath prefix) {
        if (present(v) && !(v.isTextual() && ValidationValues.isMediatype(v.textValue()))) {
            ValidationPath path = prefix.field("mediatype");
            ctx.error(path, path + " must be a media type of the form type/subtype; was " + describe(v));
        }
    }

    private static void encoding(ValidationContext ctx, JsonNode encoding, ValidationPath prefix, JsonNode body) {
        if (!present(encoding)) {
            if (present(body) && body.isTextual() && !body.textValue().isEmpty()) {
                ValidationPath path = prefix.field("encoding");
                ctx.lenientWarning(path, path + " is missing; it must be one of " + ENCODINGS
                        + " when body is a non-empty string");
            }
            return;
        }
        String value = encoding.isTextual() ? encoding.textValue() : "";
        switch (value) {
            case "json" -> { }
            case "none" -> stringBody(ctx, prefix, body, "none");
            case "base64url" -> {
                if (stringBody(ctx, prefix, body, "base64url") && !ValidationValues.isBase64Url(body.textValue())) {
                    ValidationPath path = prefix.field("body");
                    ctx.error(path, path + " is not valid base64url (RFC 4648 §5 alphabet A-Z a-z 0-9 - _, "
                            + "optionally padded with =)");
                }
            }
            default -> {
                ValidationPath path = prefix.field("encoding");
                ctx.error(path, path + " must be one of " + ENCODINGS + "; was " + describe(encoding));
            }
        }
    }

    /** True when there is a string body to look at; reports a body of another type. */
    private static boolean stringBody(ValidationContext ctx, ValidationPath prefix, JsonNode body, String encoding) {
        if (!present(body)) {
            return false;
        }
        if (!body.isTextual()) {
            ValidationPath path = prefix.field("body");
            ctx.error(path, path + " must be a string when encoding is " + encoding + "; was " + describe(body));
            return false;
        }
        return true;
    }

    private static void url(ValidationContext ctx, JsonNode hash, ValidationPath prefix, JsonNode url) {
        if (present(url)) {
            if (!url.isTextual()) {
                ValidationPath path = prefix.field("url");
                ctx.error(path, path + " must be a string; was " + describe(url));
            } else if (!ValidationValues.isHttps(url.textValue())) {
                ValidationPath path = prefix.field("url");
                ctx.warning(path, path + " should be an https URL; was " + describe(url));
            }
            if (!present(hash)) {
                ValidationPath path = prefix.field("content_hash");
                ctx.error(path, path + " is required when url is present");
            }
        }
        if (present(hash)) {
            contentHash(ctx, hash, prefix);
        }
    }

    private static void contentHash(ValidationContext ctx, JsonNode hash, ValidationPath prefix) {
        if (!hash.isArray()) {
            token(ctx, hash, prefix, -1);
            return;
        }
        if (hash.isEmpty()) {
            ValidationPath path = prefix.field("content_hash");
            ctx.error(path, path + " must be a hash token or a non-empty array of them; was an empty array");
        }
        for (int i = 0; i < hash.size(); i++) {
            token(ctx, hash.get(i), prefix, i);
        }
    }

    private static void token(ValidationContext ctx, JsonNode token, ValidationPath prefix, int index) {
        if (!token.isTextual() || !ValidationValues.isContentHash(token.textValue())) {
            ValidationPath path = index < 0 ? prefix.field("content_hash") : prefix.field("content_hash").index(index);
            ctx.error(path, path + " must be <alg>-<base64url digest> such as sha512-GLy6IPaIUM1G…; was "
                    + describe(token));
        }
    }
}
