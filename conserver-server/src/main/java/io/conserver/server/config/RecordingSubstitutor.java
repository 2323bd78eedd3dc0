package io.conserver.server.config;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.commons.text.StringSubstitutor;

/**
 * {@code ${NAME}} and {@code ${NAME:-default}} substitution from the environment that remembers
 * every value it put in, so {@code GET /config} can mask them: whatever came from the environment
 * is treated as a secret. An undefined variable without a default fails the start with its name.
 */
public final class RecordingSubstitutor extends StringSubstitutor {
    private final Set<String> substituted;

    public RecordingSubstitutor(Function<String, String> environment) {
        this(environment, ConcurrentHashMap.newKeySet());
    }

    private RecordingSubstitutor(Function<String, String> environment, Set<String> substituted) {
        super(key -> {
            String value = environment.apply(key);
            if (value != null) {
                substituted.add(value);
            }
            return value;
        });
        this.substituted = substituted;
        setEnableUndefinedVariableException(true);
        setEnableSubstitutionInVariables(false);
    }

    /** The values substituted so far. */
    public Set<String> substitutedValues() {
        return Set.copyOf(substituted);
    }
}
