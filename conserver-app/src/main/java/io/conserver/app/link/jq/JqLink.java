package io.conserver.app.link.jq;

import com.fasterxml.jackson.databind.JsonNode;
import io.conserver.app.config.CheckOptionRules;
import io.conserver.app.config.OptionRules;
import io.conserver.app.link.LinkFailedException;
import io.conserver.domain.link.Link;
import io.conserver.domain.link.LinkContext;
import io.conserver.domain.link.LinkInput;
import io.conserver.domain.link.LinkOutcome;
import io.conserver.domain.vcon.VconCodec;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Version;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * Lets a vCon go on only if a jq filter over its JSON matches (or, with {@code forward_matches:
 * false}, only if it does not). The filter matches when its first output is neither {@code null}
 * nor {@code false}, jq's own truthiness; a filter with no output does not match. The filter is
 * compiled once, when the link is created; an error while evaluating it is a
 * {@link LinkFailedException}, since evaluating it again over the same vCon fails the same way.
 */
public final class JqLink implements Link {
    /** The jq language level: the jq 1.7 line, the newest jackson-jq implements. */
    static final Version JQ = Versions.JQ_1_7;

    private static final VconCodec CODEC = VconCodec.lenient();
    private static final Scope BUILTINS = builtins();

    private final String filter;
    private final JsonQuery query;
    private final boolean forwardMatches;

    JqLink(Options options) {
        this.filter = options.filter();
        this.query = compile(filter);
        this.forwardMatches = options.forwardMatches();
    }

    @Override
    public LinkOutcome apply(LinkInput input, LinkContext context) {
        boolean matches = matches(input.uuid(), CODEC.toTree(input.vcon()));
        if (matches == forwardMatches) {
            return LinkOutcome.unchanged();
        }
        return LinkOutcome.halt(matches ? "jq filter " + filter + " matched and forward_matches is false"
                : "jq filter " + filter + " did not match");
    }

    private boolean matches(String uuid, JsonNode tree) {
        List<JsonNode> outputs = new ArrayList<>(1);
        try {
            query.apply(Scope.newChildScope(BUILTINS), tree, out -> {
                if (outputs.isEmpty()) {
                    outputs.add(out);
                }
            });
        } catch (JsonQueryException e) {
            throw new LinkFailedException("jq filter " + filter + " failed on vCon " + uuid + ": " + e.getMessage(), e);
        }
        return !outputs.isEmpty() && !outputs.get(0).isNull() && !(outputs.get(0).isBoolean()
                && !outputs.get(0).booleanValue());
    }

    private static JsonQuery compile(String filter) {
        try {
            return JsonQuery.compile(filter, JQ);
        } catch (JsonQueryException e) {
            throw new IllegalArgumentException("filter is not a valid jq expression: " + reason(e), e);
        }
    }

    /** The parser's own first line ("Encountered ... at line 1, column 4") says more than the wrapper. */
    static String reason(JsonQueryException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? e.getMessage() : cause.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }

    private static Scope builtins() {
        Scope scope = Scope.newEmptyScope();
        BuiltinFunctionLoader.getInstance().loadFunctions(JQ, scope);
        return scope;
    }

    /**
     * @param filter         the jq expression (default {@code .}, which matches every vCon)
     * @param forwardMatches true (default): go on when the filter matches; false: go on when it does not
     */
    @CheckOptionRules
    public record Options(@NotBlank String filter, Boolean forwardMatches) implements OptionRules {
        public Options {
            filter = filter == null ? "." : filter;
            forwardMatches = forwardMatches == null || forwardMatches;
        }

        @Override
        public Map<String, String> ruleViolations() {
            if (filter.isBlank()) {
                return Map.of();
            }
            try {
                JsonQuery.compile(filter, JQ);
                return Map.of();
            } catch (JsonQueryException e) {
                return Map.of("filter", "is not a valid jq expression: " + reason(e));
            }
        }
    }
}
