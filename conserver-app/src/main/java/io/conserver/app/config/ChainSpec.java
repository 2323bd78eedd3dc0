package io.conserver.app.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One {@code chains:} entry. Links run in order; storages run in parallel after the last link; egress
 * lists get the id once storages are done. A disabled chain takes nothing (its lists keep filling).
 * {@code timeout} bounds a whole run, {@code linkTimeout} each link unless the link sets its own.
 * {@code errors} says how often a failing link is tried and where the vCon goes when it keeps failing.
 */
public record ChainSpec(@NotEmpty List<@NotNull String> links, List<@NotNull String> storages,
                        List<@NotNull String> ingressLists, List<@NotNull String> egressLists,
                        Optional<Boolean> enabled, @NotNull Duration timeout, @NotNull Duration linkTimeout,
                        @Min(1) @Max(256) Integer workers, @Valid @NotNull ErrorPolicy errors,
                        @Valid Optional<ScheduleSpec> schedule) {
    public ChainSpec {
        storages = storages == null ? List.of() : List.copyOf(storages);
        ingressLists = ingressLists == null ? List.of() : List.copyOf(ingressLists);
        egressLists = egressLists == null ? List.of() : List.copyOf(egressLists);
        enabled = enabled == null ? Optional.empty() : enabled;
        timeout = timeout == null ? Duration.ofMinutes(5) : timeout;
        linkTimeout = linkTimeout == null ? Duration.ofMinutes(1) : linkTimeout;
        workers = workers == null ? 1 : workers;
        errors = errors == null ? ErrorPolicy.DEFAULT : errors;
        schedule = schedule == null ? Optional.empty() : schedule;
    }

    public boolean isEnabled() {
        return enabled.orElse(true);
    }

    /** How a chain treats a failing link. */
    public record ErrorPolicy(@Min(1) @Max(100) Integer maxAttempts, Duration backoff, Duration maxBackoff,
                              Optional<String> deadLetter) {
        public static final ErrorPolicy DEFAULT = new ErrorPolicy(3, null, null, Optional.empty());

        public ErrorPolicy {
            maxAttempts = maxAttempts == null ? 3 : maxAttempts;
            backoff = backoff == null ? Duration.ofSeconds(1) : backoff;
            maxBackoff = maxBackoff == null ? Duration.ofMinutes(1) : maxBackoff;
            deadLetter = deadLetter == null ? Optional.empty() : deadLetter;
        }

        public RetryPolicy retry() {
            return new RetryPolicy(maxAttempts, backoff, maxBackoff);
        }
    }
}
