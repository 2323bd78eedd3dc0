package io.conserver.domain.vcon;

import static io.conserver.domain.vcon.VconReferences.require;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The labels on a vCon: vcon-lib compatible tags, and the {@code extensions} / {@code critical} lists.
 *
 * <p>Tags are stored as vcon-lib stores them, so Python tools read ours and we read theirs: one
 * attachment with {@code purpose: "tags"}, {@code encoding: "json"} and a body that is a JSON array
 * of {@code "name:value"} strings. A value may contain ':' (only the first one splits); a name may
 * not. Unlike vcon-lib, which appends, adding a tag replaces the value for that name, so a name
 * never has two values. Like every editor operation, these are pure.
 */
public final class VconTags {
    /** The attachment purpose that holds the tags. */
    public static final String PURPOSE = "tags";

    private static final ObjectMapper JSON = new ObjectMapper();

    private VconTags() {
    }

    public static Vcon addTag(Vcon vcon, String name, String value) {
        return addTag(vcon, name, value, Clock.systemUTC());
    }

    /** Sets tag {@code name}, keeping the others in order; creates the tags attachment if absent. */
    public static Vcon addTag(Vcon vcon, String name, String value, Clock clock) {
        require(name != null && !name.isEmpty() && name.indexOf(':') < 0,
                "tag name must be non-empty and must not contain ':', not " + name);
        require(value != null, "tag value must not be null");
        String entry = name + ":" + value;
        ArrayNode updated = JsonNodeFactory.instance.arrayNode();
        boolean placed = false;
        for (JsonNode item : entries(vcon)) {
            if (!hasName(item, name)) {
                updated.add(item);
            } else if (!placed) {
                updated.add(entry);
                placed = true;
            }
        }
        if (!placed) {
            updated.add(entry);
        }
        return withEntries(vcon, updated, clock);
    }

    /** The value of tag {@code name}; the first one wins if a vcon-lib producer appended several. */
    public static Optional<String> getTag(Vcon vcon, String name) {
        return Optional.ofNullable(tags(vcon).get(name));
    }

    /** Every tag, in stored order; entries that are not {@code "name:value"} strings are skipped. */
    public static Map<String, String> tags(Vcon vcon) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode item : entries(vcon)) {
            int colon = item.isTextual() ? item.textValue().indexOf(':') : -1;
            if (colon > 0) {
                tags.putIfAbsent(item.textValue().substring(0, colon), item.textValue().substring(colon + 1));
            }
        }
        return Collections.unmodifiableMap(tags);
    }

    public static Vcon removeTag(Vcon vcon, String name) {
        return removeTag(vcon, name, Clock.systemUTC());
    }

    /**
     * Removes every value of tag {@code name}. The tags attachment stays even when it empties,
     * because removing it would shift the indices of the attachments after it.
     */
    public static Vcon removeTag(Vcon vcon, String name, Clock clock) {
        ArrayNode updated = JsonNodeFactory.instance.arrayNode();
        entries(vcon).stream().filter(item -> !hasName(item, name)).forEach(updated::add);
        return withEntries(vcon, updated, clock);
    }

    public static Vcon addExtension(Vcon vcon, String name) {
        return addExtension(vcon, name, Clock.systemUTC());
    }

    /** Lists a compatible extension (receivers may ignore it); unchanged if already listed. */
    public static Vcon addExtension(Vcon vcon, String name, Clock clock) {
        require(name != null && !name.isBlank(), "extension name must not be blank");
        return vcon.extensions().contains(name) ? vcon
                : vcon.edit(b -> b.extensions(Vcon.append(vcon.extensions(), name)), clock);
    }

    public static Vcon addCritical(Vcon vcon, String name) {
        return addCritical(vcon, name, Clock.systemUTC());
    }

    /** Lists an incompatible extension in {@code critical}, and in {@code extensions} as the draft asks (§9). */
    public static Vcon addCritical(Vcon vcon, String name, Clock clock) {
        Vcon listed = addExtension(vcon, name, clock);
        return listed.critical().contains(name) ? listed
                : listed.edit(b -> b.critical(Vcon.append(listed.critical(), name)), clock);
    }

    public static Vcon removeExtension(Vcon vcon, String name) {
        return removeExtension(vcon, name, Clock.systemUTC());
    }

    /** Removes {@code name} from both {@code extensions} and {@code critical}; unchanged if in neither. */
    public static Vcon removeExtension(Vcon vcon, String name, Clock clock) {
        if (!vcon.extensions().contains(name) && !vcon.critical().contains(name)) {
            return vcon;
        }
        return vcon.edit(b -> b.extensions(without(vcon.extensions(), name)).critical(without(vcon.critical(), name)),
                clock);
    }

    private static List<String> without(List<String> names, String name) {
        return names.stream().filter(n -> !n.equals(name)).toList();
    }

    private static int tagsIndex(Vcon vcon) {
        for (int i = 0; i < vcon.attachments().size(); i++) {
            if (PURPOSE.equals(vcon.attachments().get(i).purpose())) {
                return i;
            }
        }
        return -1;
    }

    /** The tag entries, whether the body is a JSON array or (core-02 and older) its string form. */
    private static List<JsonNode> entries(Vcon vcon) {
        int index = tagsIndex(vcon);
        JsonNode body = index < 0 ? null : vcon.attachments().get(index).content().body();
        if (body != null && body.isTextual()) {
            try {
                body = JSON.readTree(body.textValue());
            } catch (JsonProcessingException e) {
                body = null;
            }
        }
        List<JsonNode> entries = new ArrayList<>();
        if (body != null && body.isArray()) {
            body.forEach(entries::add);
        }
        return entries;
    }

    private static boolean hasName(JsonNode item, String name) {
        return item.isTextual() && item.textValue().startsWith(name + ":");
    }

    private static Vcon withEntries(Vcon vcon, ArrayNode entries, Clock clock) {
        int index = tagsIndex(vcon);
        if (index < 0 && entries.isEmpty()) {
            return vcon;
        }
        Content content = Content.json(entries);
        if (index < 0) {
            Attachment tags = new Attachment(PURPOSE, null, null, null, null, null, content, null);
            return vcon.edit(b -> b.attachments(Vcon.append(vcon.attachments(), tags)), clock);
        }
        Attachment current = vcon.attachments().get(index);
        if (content.equals(current.content())) {
            return vcon;
        }
        List<Attachment> attachments = new ArrayList<>(vcon.attachments());
        attachments.set(index, current.withContent(content));
        return vcon.edit(b -> b.attachments(attachments), clock);
    }
}
