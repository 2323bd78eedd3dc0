package io.conserver.app.link.tagrouter;

import io.conserver.app.config.CheckOptionRules;
import io.conserver.app.config.OptionRules;
import io.conserver.domain.link.Link;
import io.conserver.domain.link.LinkContext;
import io.conserver.domain.link.LinkInput;
import io.conserver.domain.link.LinkOutcome;
import io.conserver.domain.vcon.VconTags;
import jakarta.validation.constraints.NotEmpty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pushes the vCon's id to the lists its tags route to, once the run's changes are stored. Each
 * list gets the id at most once, however many of the vCon's tags route to it. The vCon then goes
 * on unchanged, or, when {@code forward_original} is false, the chain halts here.
 */
public final class TagRouterLink implements Link {
    private final Map<String, String> routes;
    private final boolean forwardOriginal;

    TagRouterLink(Options options) {
        this.routes = options.tagRoutes();
        this.forwardOriginal = options.forwardOriginal();
    }

    @Override
    public LinkOutcome apply(LinkInput input, LinkContext context) {
        Set<String> lists = new LinkedHashSet<>();
        for (String tag : VconTags.tags(input.vcon()).keySet()) {
            String list = routes.get(tag);
            if (list != null) {
                lists.add(list);
            }
        }
        lists.forEach(context::pushAfterWrite);
        if (forwardOriginal) {
            return LinkOutcome.unchanged();
        }
        return LinkOutcome.halt(lists.isEmpty() ? "no tag matched a route and forward_original is false"
                : "routed to " + List.copyOf(lists) + " and forward_original is false");
    }

    /**
     * @param tagRoutes       tag name to the list the vCon's id is pushed to when the vCon has that tag
     * @param forwardOriginal whether the vCon goes on down the chain after routing (default true)
     */
    @CheckOptionRules
    public record Options(@NotEmpty Map<String, String> tagRoutes, Boolean forwardOriginal) implements OptionRules {
        public Options {
            tagRoutes = tagRoutes == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(tagRoutes));
            forwardOriginal = forwardOriginal == null || forwardOriginal;
        }

        @Override
        public Map<String, String> ruleViolations() {
            Map<String, String> violations = new LinkedHashMap<>();
            if (tagRoutes != null) {
                tagRoutes.forEach((tag, list) -> {
                    if (tag.isBlank() || tag.contains(":")) {
                        violations.merge("tagRoutes", "tag name '" + tag + "' must be non-blank without ':'", Options::join);
                    }
                    if (list == null || list.isBlank()) {
                        violations.merge("tagRoutes", "the list for tag '" + tag + "' must not be blank", Options::join);
                    }
                });
            }
            return violations;
        }

        private static String join(String first, String second) {
            return first + "; " + second;
        }
    }
}
