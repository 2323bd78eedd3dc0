package io.conserver.app.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Process-wide engine settings: how long a graceful stop (or a configuration change) waits for
 * in-flight runs, how often expired leases are looked for, and the slack a lease has on top of the
 * longest link time limit (so how soon after a crash another instance takes the item over).
 */
public record EngineSettings(Duration drainDeadline, Duration reapEvery, Duration leaseMargin) {
    /** The default slack of a lease on top of the longest link time limit. */
    public static final Duration DEFAULT_LEASE_MARGIN = Duration.ofSeconds(30);
    public static final EngineSettings DEFAULT = new EngineSettings(Duration.ofSeconds(30), Duration.ofSeconds(5));

    public EngineSettings {
        Objects.requireNonNull(drainDeadline, "drainDeadline is null");
        Objects.requireNonNull(reapEvery, "reapEvery is null");
        Objects.requireNonNull(leaseMargin, "leaseMargin is null");
        if (leaseMargin.isNegative() || leaseMargin.isZero()) {
            throw new IllegalArgumentException("leaseMargin must be positive, was " + leaseMargin);
        }
    }

    public EngineSettings(Duration drainDeadline, Duration reapEvery) {
        this(drainDeadline, reapEvery, DEFAULT_LEASE_MARGIN);
    }
}
