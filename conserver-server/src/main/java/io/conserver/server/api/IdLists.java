package io.conserver.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conserver.app.usecase.RequestRefusedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a body holding vCon ids: a JSON array of uuids, or an object {@code {"uuids": [...]}}. */
final class IdLists {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IdLists() {
    }

    static List<String> read(byte[] body, int max) throws IOException {
        JsonNode root = JSON.readTree(body);
        JsonNode array = root != null && root.isObject() ? root.get("uuids") : root;
        if (array == null || !array.isArray()) {
            throw RequestRefusedException.invalid("the body must be a JSON array of vCon uuids (or {\"uuids\": [...]})");
        }
        if (array.size() > max) {
            throw RequestRefusedException.invalid("at most " + max + " uuids per request, got " + array.size());
        }
        List<String> ids = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode id = array.get(i);
            if (!id.isTextual()) {
                throw RequestRefusedException.invalid("[" + i + "] must be a uuid string");
            }
            ids.add(Params.uuid("[" + i + "]", id.asText()));
        }
        return ids;
    }
}
