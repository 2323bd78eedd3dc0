package io.conserver.app.link.tag;

import io.conserver.app.config.CheckOptionRules;
import io.conserver.app.config.OptionRules;
import io.conserver.domain.link.Link;
import io.conserver.domain.link.LinkContext;
import io.conserver.domain.link.LinkInput;
import io.conserver.domain.link.LinkOutcome;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconTags;
import jakarta.validation.constraints.NotEmpty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets fixed tags on every vCon, in the vcon-lib {@code tags} attachment. A tag already present
 * with another value takes the configured one; when every tag is already set as configured, the
 * vCon is passed on unchanged and nothing is written.
 */
public final class TagLink implements Link {
    private final Map<String, String> tags;

    TagLink(Options options) {
        Map<String, String> parsed = new LinkedHashMap<>();
        options.tags().forEach(tag -> parsed.put(name(tag), value(tag)));
        this.tags = Collections.unmodifiableMap(parsed);
    }

    @Override
    public LinkOutcome apply(LinkInput input, LinkContext context) {
        Vcon original = input.vcon();
        Vcon tagged = original;
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            tagged = VconTags.addTag(tagged, tag.getKey(), tag.getValue(), context.clock());
        }
        return tagged == original ? LinkOutcome.unchanged() : LinkOutcome.proceed(tagged);
    }

    /** The tags this link sets, name to value, in configured order. */
    public Map<String, String> tags() {
        return tags;
    }

    private static String name(String tag) {
        int colon = tag.indexOf(':');
        return colon < 0 ? tag : tag.substring(0, colon);
    }

    /** A bare {@code name} is tagged {@code name:name}, as the reference tag link does. */
    private static String value(String tag) {
        int colon = tag.indexOf(':');
        return colon < 0 ? tag : tag.substring(colon + 1);
    }

    /**
     * @param tags {@code "name"} (tagged {@code name:name}) or {@code "name:value"}; the value may
     *             contain ':', the name may not be empty
     */
    @CheckOptionRules
    public record Options(@NotEmpty List<String> tags) implements OptionRules {
        public Options {
            tags = tags == null ? null : Collections.unmodifiableList(new ArrayList<>(tags));
        }

        @Override
        public Map<String, String> ruleViolations() {
            Map<String, String> violations = new LinkedHashMap<>();
            for (int i = 0; tags != null && i < tags.size(); i++) {
                String tag = tags.get(i);
                if (tag == null || tag.isBlank() || tag.startsWith(":")) {
                    violations.put("tags[" + i + "]", "must be \"name\" or \"name:value\" with a non-empty name");
                }
            }
            return violations;
        }
    }
}
