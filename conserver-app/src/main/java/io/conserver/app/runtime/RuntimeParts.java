package io.conserver.app.runtime;

import io.conserver.domain.port.out.ConfigStore;
import io.conserver.domain.port.out.EventBus;
import io.conserver.domain.port.out.ProcessingHistory;
import io.conserver.domain.port.out.VconStore;
import io.conserver.domain.port.out.WorkQueue;
import java.time.Clock;
import java.util.Objects;

/** The ports the runtime works through, as one value so constructors stay short. */
public record RuntimeParts(VconStore store, WorkQueue queue, ConfigStore config, EventBus events,
                           ProcessingHistory history, Clock clock) {
    public RuntimeParts {
        Objects.requireNonNull(store, "store is null");
        Objects.requireNonNull(queue, "queue is null");
        Objects.requireNonNull(config, "config is null");
        Objects.requireNonNull(events, "events is null");
        Objects.requireNonNull(history, "history is null");
        Objects.requireNonNull(clock, "clock is null");
    }
}
