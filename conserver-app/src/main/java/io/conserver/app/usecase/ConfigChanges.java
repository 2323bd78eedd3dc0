package io.conserver.app.usecase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conserver.app.config.ConfigDocuments;
import io.conserver.app.runtime.ConfigCompiler;
import io.conserver.domain.port.out.ConfigKind;
import io.conserver.domain.port.out.ConfigSnapshot;
import io.conserver.domain.port.out.ConfigStore;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Changes the running configuration through the {@code ConfigStore}: a change is compiled in full
 * against the rest of the configuration first and refused whole, with every problem, if anything
 * is wrong; only a configuration that compiles is stored, and the engine follows the store.
 */
public final class ConfigChanges {
    private final ConfigStore store;
    private final ConfigCompiler compiler;
    private final SecretMasker masker;

    public ConfigChanges(ConfigStore store, ConfigCompiler compiler, SecretMasker masker) {
        this.store = store;
        this.compiler = compiler;
        this.masker = masker;
    }

    /** The stored configuration as one document ({@code links}, {@code storages}, {@code chains}, {@code sources}), masked. */
    public JsonNode view() {
        return masker.mask(tree(store.snapshot()));
    }

    /** One masked entry. */
    public JsonNode view(ConfigKind kind, String name) {
        return masker.mask(store.get(kind, name).orElseThrow(() -> RequestRefusedException.notFound(
                "no " + ConfigDocuments.section(kind) + " entry is named " + name)));
    }

    /** Replaces the whole configuration; returns the new version. */
    public synchronized long replaceAll(JsonNode root) {
        if (!root.isObject()) {
            throw RequestRefusedException.invalid("the configuration must be a JSON object with links, storages, chains and sources");
        }
        ConfigSnapshot current = store.snapshot();
        JsonNode restored = SecretMasker.restore(root.deepCopy(), tree(current));
        Map<ConfigKind, Map<String, ObjectNode>> entries = ConfigDocuments.split(restored);
        compiler.check(new ConfigSnapshot(current.version() + 1, entries));
        return store.replaceAll(entries);
    }

    /** Adds or replaces one entry; returns the new version. */
    public synchronized long put(ConfigKind kind, String name, JsonNode document) {
        if (!(document instanceof ObjectNode object)) {
            throw RequestRefusedException.invalid(ConfigDocuments.section(kind) + "." + name + " must be a JSON object such as {type: ..., options: ...}");
        }
        ConfigSnapshot current = store.snapshot();
        ObjectNode restored = (ObjectNode) SecretMasker.restore(object.deepCopy(), current.get(kind, name).orElse(null));
        Map<ConfigKind, Map<String, ObjectNode>> entries = copy(current);
        entries.get(kind).put(name, restored);
        compiler.check(new ConfigSnapshot(current.version() + 1, entries));
        return store.put(kind, name, restored);
    }

    /** Removes one entry if nothing else refers to it; returns the new version. */
    public synchronized long remove(ConfigKind kind, String name) {
        ConfigSnapshot current = store.snapshot();
        if (current.get(kind, name).isEmpty()) {
            throw RequestRefusedException.notFound("no " + ConfigDocuments.section(kind) + " entry is named " + name);
        }
        Map<ConfigKind, Map<String, ObjectNode>> entries = copy(current);
        entries.get(kind).remove(name);
        compiler.check(new ConfigSnapshot(current.version() + 1, entries));
        return store.remove(kind, name);
    }

    /** The version of the stored configuration. */
    public long version() {
        return store.version();
    }

    private static Map<ConfigKind, Map<String, ObjectNode>> copy(ConfigSnapshot snapshot) {
        Map<ConfigKind, Map<String, ObjectNode>> entries = new EnumMap<>(ConfigKind.class);
        for (ConfigKind kind : ConfigKind.values()) {
            entries.put(kind, new LinkedHashMap<>(snapshot.of(kind)));
        }
        return entries;
    }

    private static ObjectNode tree(ConfigSnapshot snapshot) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (ConfigKind kind : ConfigKind.values()) {
            ObjectNode section = root.putObject(ConfigDocuments.section(kind));
            snapshot.of(kind).forEach(section::set);
        }
        return root;
    }
}
