package io.conserver.domain.vcon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Rewrites the shapes of older vCon generations (draft §12) into the core-03 names, in place, on a
 * tree the reader owns, and reports each rewrite as a warning so a producer can learn it is behind.
 * Runs before validation, so the validator only knows current names.
 */
final class LegacyMigration {
    /** root, list, item: a body may add this many levels and stay within the parser's limit. */
    private static final int MAX_BODY_DEPTH = JsonSupport.MAX_NESTING - 3;

    private final ObjectMapper mapper;
    private final boolean lenient;

    LegacyMigration(ObjectMapper mapper, ValidationMode mode) {
        this.mapper = mapper;
        this.lenient = mode == ValidationMode.LENIENT;
    }

    List<Problem> migrate(ObjectNode root) {
        List<Problem> warnings = new ArrayList<>(0);
        rename(root, "appended", "amended", ValidationPath.ROOT, warnings);
        rename(root, "must_support", "critical", ValidationPath.ROOT, warnings);
        eachObject(root, "dialog", (d, path) -> migrateDialog(d, path, warnings));
        eachObject(root, "attachments", (a, path) -> {
            rename(a, "type", "purpose", path, warnings);
            migrateContent(a, path, warnings);
        });
        eachObject(root, "analysis", (a, path) -> migrateContent(a, path, warnings));
        return warnings;
    }

    private void migrateDialog(ObjectNode dialog, ValidationPath path, List<Problem> warnings) {
        rename(dialog, "transfer-target", "transfer_target", path, warnings);
        rename(dialog, "target-dialog", "target_dialog", path, warnings);
        migrateContent(dialog, path, warnings);
        JsonNode type = dialog.get("type");
        if (lenient && type != null && ("audio".equals(type.asText()) || "video".equals(type.asText()))) {
            dialog.put("type", Dialog.RECORDING);
            warnings.add(Problem.warning(path.field("type").toString(),
                    "dialog type \"" + type.asText() + "\" is a legacy name, read as \"recording\""));
        }
    }

    private void migrateContent(ObjectNode item, ValidationPath path, List<Problem> warnings) {
        rename(item, "mimetype", "mediatype", path, warnings);
        migrateAlgSignature(item, path, warnings);
        JsonNode encoding = item.get("encoding");
        JsonNode body = item.get("body");
        if (encoding == null || !encoding.isTextual() || body == null) {
            return;
        }
        if (Content.JSON.equals(encoding.textValue()) && body.isTextual()) {
            parseStringifiedJson(item, body.textValue(), path, warnings);
        } else if ("base64".equalsIgnoreCase(encoding.textValue()) && body.isTextual()) {
            reencodeBase64(item, body.textValue(), path, warnings);
        }
    }

    /**
     * Up to core-02 a json body was stringified JSON; core-03 carries the value itself. Producers
     * stringified objects and arrays, so only those are unwrapped: any other string is a core-03 JSON
     * string value and must stay one ({@code "123"} is not the number 123).
     */
    private void parseStringifiedJson(ObjectNode item, String text, ValidationPath path, List<Problem> warnings) {
        if (!looksLikeContainer(text)) {
            return;
        }
        try {
            JsonNode parsed = mapper.readTree(text);
            // Kept as a string when unwrapping would break what the parser guarantees for the whole
            // document: an escaped lone surrogate is text in the string but no character once parsed,
            // and the body already sits three containers deep.
            if (parsed != null && parsed.isContainerNode()
                    && JsonSupport.containerDepth(parsed, MAX_BODY_DEPTH) <= MAX_BODY_DEPTH
                    && !(text.contains("\\u") && JsonSupport.findLoneSurrogate(parsed, "") != null)) {
                item.set("body", parsed);
                warnings.add(Problem.warning(path.field("body").toString(),
                        "a json body given as a string is read as the JSON it contains (core-03 form)"));
            }
        } catch (Exception notJson) {
            // Not JSON after all: keep the string, which core-03 still allows as a JSON string value.
        }
    }

    private static boolean looksLikeContainer(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    /** vcon-lib writes encoding "base64" (standard alphabet); the draft only knows base64url. */
    private void reencodeBase64(ObjectNode item, String text, ValidationPath path, List<Problem> warnings) {
        try {
            byte[] raw = Base64.getMimeDecoder().decode(text.replace('-', '+').replace('_', '/'));
            item.put("body", Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
            item.put("encoding", Content.BASE64URL);
            warnings.add(Problem.warning(path.field("encoding").toString(),
                    "encoding \"base64\" is read as base64url"));
        } catch (IllegalArgumentException bad) {
            // Leave it: the validator reports the unknown encoding with its path.
        }
    }

    /** 0.0.1 carried {@code alg: "SHA-512"} and {@code signature}; 0.0.2 merged them into content_hash. */
    private static void migrateAlgSignature(ObjectNode item, ValidationPath path, List<Problem> warnings) {
        JsonNode alg = item.get("alg");
        JsonNode signature = item.get("signature");
        if (alg == null || signature == null || !alg.isTextual() || !signature.isTextual() || item.has("content_hash")) {
            return;
        }
        String name = alg.textValue().toLowerCase(Locale.ROOT).replace("-", "");
        String digest = "sha512".equals(name) ? sha512Digest(signature.textValue()) : null;
        if (digest == null) {
            warnings.add(Problem.warning(path.field("alg").toString(), "legacy alg \"" + alg.textValue()
                    + "\" with signature cannot be read as a content_hash; both are kept as they are"));
            return;
        }
        item.remove("alg");
        item.remove("signature");
        item.set("content_hash", TextNode.valueOf("sha512-" + digest));
        warnings.add(Problem.warning(path.field("alg").toString(),
                "legacy alg and signature are read as content_hash"));
    }

    /**
     * The unpadded base64url form of a base64 or base64url SHA-512 digest, or {@code null} when the
     * signature is something else: a hex digest is also made of base64url characters, so the decoded
     * length (64 bytes) is what tells a real digest apart.
     */
    private static String sha512Digest(String signature) {
        String url = signature.replace('+', '-').replace('/', '_');
        int end = url.length();
        while (end > 0 && url.charAt(end - 1) == '=') {
            end--;
        }
        url = url.substring(0, end);
        try {
            return ContentHashes.isWellFormed("sha512-" + url) && Base64.getUrlDecoder().decode(url).length == 64
                    ? url : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static void rename(ObjectNode node, String from, String to, ValidationPath path, List<Problem> warnings) {
        if (!node.has(from) || (node.has(to) && !isEmpty(node.get(to)))) {
            return;
        }
        // An empty current field next to a filled legacy one is written as absent, so the legacy
        // field would be read as the current one next time: read it so now, and the round trip holds.
        node.remove(to);
        // Rebuild so the renamed field keeps its position: unknown fields after it keep their order.
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        List<JsonNode> values = new ArrayList<>(names.size());
        names.forEach(n -> values.add(node.get(n)));
        node.removeAll();
        for (int i = 0; i < names.size(); i++) {
            node.set(names.get(i).equals(from) ? to : names.get(i), values.get(i));
        }
        warnings.add(Problem.warning(path.field(from).toString(),
                "'" + from + "' is a legacy name, read as '" + to + "'"));
    }

    private static boolean isEmpty(JsonNode value) {
        return value.isNull() || (value.isContainerNode() && value.isEmpty());
    }

    private interface ItemVisitor {
        void visit(ObjectNode item, ValidationPath path);
    }

    private static void eachObject(ObjectNode root, String array, ItemVisitor visitor) {
        JsonNode list = root.get(array);
        if (list == null || !list.isArray()) {
            return;
        }
        // The path is built as text only for a warning: most vCons need no migration at all.
        ValidationPath prefix = ValidationPath.ROOT.field(array);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof ObjectNode item) {
                visitor.visit(item, prefix.index(i));
            }
        }
    }
}
