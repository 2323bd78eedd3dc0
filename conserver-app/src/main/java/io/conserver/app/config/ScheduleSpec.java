package io.conserver.app.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import java.time.Duration;
import java.util.Optional;

/**
 * A timer trigger: every fixed interval ({@code every: 5m}) or on a cron expression
 * ({@code cron: "0 2 * * *"}, five Unix fields). On each tick the chain runs over the ids then waiting
 * in its ingress lists, or, when {@code query} is set, over the vCons the store query finds.
 */
public record ScheduleSpec(Optional<Duration> every, Optional<String> cron, @Valid Optional<StoreQuerySpec> query) {
    public ScheduleSpec {
        every = every == null ? Optional.empty() : every;
        cron = cron == null ? Optional.empty() : cron;
        query = query == null ? Optional.empty() : query;
    }

    @AssertTrue(message = "give exactly one of every or cron")
    public boolean isExactlyOneTrigger() {
        return every.isPresent() != cron.isPresent();
    }

    @AssertTrue(message = "every must be at least 1s")
    public boolean isIntervalSensible() {
        return every.map(d -> d.compareTo(Duration.ofSeconds(1)) >= 0).orElse(true);
    }
}
