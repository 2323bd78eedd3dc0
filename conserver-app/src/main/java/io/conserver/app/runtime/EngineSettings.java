package io.conserver.app.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Process-wide engine settings: how long a graceful stop (or a configuration change) waits for
 * in-flight runs, and how often expired leases are looked for.
 */
public record EngineSettings(Duration drainDeadline, Duration reapEvery) {
    public static final EngineSettings DEFAULT = new EngineSettings(Duration.ofSeconds(30), Duration.ofSeconds(5));

    public EngineSettings {
        Objects.requireNonNull(drainDeadline, "drainDeadline is null");
        Objects.requireNonNull(reapEvery, "reapEvery is null");
    }
}
