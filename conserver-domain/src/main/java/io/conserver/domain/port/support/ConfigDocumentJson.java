package io.conserver.domain.port.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * The text form of a configuration entry as every {@code ConfigStore} adapter keeps it: one JSON
 * object. Shared so the embedded and the Redis stores read and write entries alike.
 */
public final class ConfigDocumentJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigDocumentJson() {
    }

    public static ObjectNode parse(String text) {
        try {
            return JSON.readValue(text, ObjectNode.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a stored configuration entry is not a JSON object", e);
        }
    }

    public static String write(ObjectNode document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a configuration entry cannot be written as JSON", e);
        }
    }
}
