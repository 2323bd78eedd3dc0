package io.conserver.domain.port.out;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every configuration entry at one version. Entries are the JSON documents as stored
 * ({@code {type, options, ...}} for plugins, the chain settings for chains); the application layer
 * binds and validates them. The documents are deep copies, so holders may not change the store.
 */
public record ConfigSnapshot(long version, Map<ConfigKind, Map<String, ObjectNode>> entries) {
    public ConfigSnapshot {
        EnumMap<ConfigKind, Map<String, ObjectNode>> copy = new EnumMap<>(ConfigKind.class);
        for (ConfigKind kind : ConfigKind.values()) {
            Map<String, ObjectNode> given = entries.getOrDefault(kind, Map.of());
            Map<String, ObjectNode> named = new LinkedHashMap<>();
            given.forEach((name, doc) -> named.put(name, doc.deepCopy()));
            copy.put(kind, java.util.Collections.unmodifiableMap(named));
        }
        entries = java.util.Collections.unmodifiableMap(copy);
    }

    /** An empty configuration at version 0. */
    public static ConfigSnapshot empty() {
        return new ConfigSnapshot(0, Map.of());
    }

    /** The entries of one kind, by name, in the order they were stored. */
    public Map<String, ObjectNode> of(ConfigKind kind) {
        return entries.get(kind);
    }

    public Optional<ObjectNode> get(ConfigKind kind, String name) {
        return Optional.ofNullable(entries.get(kind).get(name));
    }
}
