package io.conserver.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conserver.domain.port.out.ConfigKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the plugin sections of a configuration tree ({@code links}, {@code storages},
 * {@code chains}, {@code sources}) into the per-entry documents the {@code ConfigStore} keeps, and
 * back. Each entry must be an object; anything else is reported with its path.
 */
public final class ConfigDocuments {
    private static final Map<ConfigKind, String> SECTIONS = Map.of(
            ConfigKind.LINK, "links", ConfigKind.STORAGE, "storages", ConfigKind.CHAIN, "chains", ConfigKind.SOURCE, "sources");

    private ConfigDocuments() {
    }

    /** The configuration section name of a kind, e.g. {@code links}. */
    public static String section(ConfigKind kind) {
        return SECTIONS.get(kind);
    }

    /** Reads the four sections of {@code root}; missing sections are empty. */
    public static Map<ConfigKind, Map<String, ObjectNode>> split(JsonNode root) {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<ConfigKind, Map<String, ObjectNode>> entries = new EnumMap<>(ConfigKind.class);
        for (ConfigKind kind : ConfigKind.values()) {
            entries.put(kind, entriesOf(root.path(section(kind)), section(kind), problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return entries;
    }

    private static Map<String, ObjectNode> entriesOf(JsonNode section, String path, List<ConfigProblem> problems) {
        Map<String, ObjectNode> named = new LinkedHashMap<>();
        if (section.isMissingNode() || section.isNull()) {
            return named;
        }
        if (!section.isObject()) {
            problems.add(new ConfigProblem(path, "must be a map of names to entries"));
            return named;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue() instanceof ObjectNode object) {
                named.put(entry.getKey(), object);
            } else {
                problems.add(new ConfigProblem(path + "." + entry.getKey(), "must be a map (for example {type: ..., options: ...})"));
            }
        }
        return named;
    }
}
