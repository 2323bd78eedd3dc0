package io.conserver.app.usecase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** RFC 7396 JSON merge patch: objects merge key by key, {@code null} removes, anything else replaces. */
public final class JsonMergePatch {
    private JsonMergePatch() {
    }

    /** Applies {@code patch} to {@code target}, which it may change in place; returns the result. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue().isNull()) {
                result.remove(entry.getKey());
            } else {
                result.set(entry.getKey(), apply(result.get(entry.getKey()), entry.getValue()));
            }
        }
        return result;
    }
}
