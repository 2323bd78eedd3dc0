package io.conserver.domain.vcon;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The fields of a vCon object that the core model does not name: extension parameters (the CC
 * extension's {@code role}, {@code campaign}...), legacy fields ({@code meta}, {@code group}) and
 * anything a producer invents. They are kept verbatim and in their original order, so a
 * read-modify-write never loses or reorders them.
 *
 * <p>Immutable: values are copied in and out, because Jackson container nodes are mutable.
 */
public final class Extras {
    public static final Extras EMPTY = new Extras(Collections.emptyMap());

    private final Map<String, JsonNode> fields;

    private Extras(Map<String, JsonNode> fields) {
        this.fields = fields;
    }

    /** Takes ownership of a map the codec built; no copy, because nobody else holds its nodes. */
    static Extras adopt(LinkedHashMap<String, JsonNode> fields) {
        return fields == null || fields.isEmpty() ? EMPTY : new Extras(Collections.unmodifiableMap(fields));
    }

    public static Extras of(Map<String, ? extends JsonNode> fields) {
        if (fields.isEmpty()) {
            return EMPTY;
        }
        LinkedHashMap<String, JsonNode> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "name"), Objects.requireNonNull(v, k).deepCopy()));
        return new Extras(Collections.unmodifiableMap(copy));
    }

    /** A copy of the value of {@code name}, or {@code null} when absent. */
    public JsonNode get(String name) {
        JsonNode value = fields.get(name);
        return value == null ? null : value.deepCopy();
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    public Set<String> names() {
        return fields.keySet();
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public int size() {
        return fields.size();
    }

    /** A copy with {@code name} set to {@code value}; an existing field keeps its position. */
    public Extras with(String name, JsonNode value) {
        LinkedHashMap<String, JsonNode> copy = new LinkedHashMap<>(fields);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value").deepCopy());
        return new Extras(Collections.unmodifiableMap(copy));
    }

    public Extras without(String name) {
        if (!fields.containsKey(name)) {
            return this;
        }
        LinkedHashMap<String, JsonNode> copy = new LinkedHashMap<>(fields);
        copy.remove(name);
        return adopt(copy);
    }

    /** Visits the stored nodes without copying; for the writer, which only reads them. */
    void forEachRaw(BiConsumer<String, JsonNode> visitor) {
        fields.forEach(visitor);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Extras other && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
