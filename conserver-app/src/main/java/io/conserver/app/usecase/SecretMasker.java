package io.conserver.app.usecase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hides secrets in configuration shown to callers. A value is secret when its key's last word is
 * one of {@link #SECRET_WORDS} ({@code api_key}, {@code password}, {@code Authorization}, but not
 * {@code key_prefix}), or when it contains a value that came from a {@code ${ENV}} substitution.
 * A document sent back with the mask in place keeps the stored secret, so GET-edit-PUT is safe.
 */
public final class SecretMasker {
    public static final String MASK = "********";
    private static final Set<String> SECRET_WORDS = Set.of("key", "secret", "password", "passwd", "token", "tokens",
            "apikey", "credential", "credentials", "authorization", "auth", "signature", "cookie", "pat");
    private static final Pattern WORD_BREAK = Pattern.compile("[_\\-.\\s]+|(?<=[a-z0-9])(?=[A-Z])");

    private final Set<String> substituted;

    /** {@code substituted}: the values environment substitution put into the configuration. */
    public SecretMasker(Set<String> substituted) {
        this.substituted = substituted.stream().filter(v -> v.length() >= 4).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Whether a key names a secret. */
    public static boolean isSecretKey(String key) {
        String[] words = WORD_BREAK.split(key);
        return words.length > 0 && SECRET_WORDS.contains(words[words.length - 1].toLowerCase(Locale.ROOT));
    }

    /** A masked deep copy of {@code tree}. */
    public JsonNode mask(JsonNode tree) {
        JsonNode copy = tree.deepCopy();
        return maskInPlace(copy, false);
    }

    private JsonNode maskInPlace(JsonNode node, boolean secret) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                entry.setValue(maskInPlace(entry.getValue(), secret || isSecretKey(entry.getKey())));
            }
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, maskInPlace(array.get(i), secret));
            }
            return array;
        }
        if (node.isNull() || node.isMissingNode()) {
            return node;
        }
        if (secret || (node.isTextual() && fromEnvironment(node.asText()))) {
            return TextNode.valueOf(MASK);
        }
        return node;
    }

    private boolean fromEnvironment(String text) {
        for (String value : substituted) {
            if (text.contains(value)) {
                return true;
            }
        }
        return false;
    }

    /** Puts back stored values wherever {@code incoming} carries the mask; changes {@code incoming}. */
    public static JsonNode restore(JsonNode incoming, JsonNode stored) {
        if (incoming.isTextual() && MASK.equals(incoming.asText()) && stored != null && !stored.isMissingNode()) {
            return stored.deepCopy();
        }
        if (incoming.isObject() && stored != null && stored.isObject()) {
            ObjectNode object = (ObjectNode) incoming;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                entry.setValue(restore(entry.getValue(), stored.get(entry.getKey())));
            }
        } else if (incoming.isArray() && stored != null && stored.isArray()) {
            ArrayNode array = (ArrayNode) incoming;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, restore(array.get(i), stored.get(i)));
            }
        }
        return incoming;
    }
}
