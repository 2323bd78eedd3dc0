package io.conserver.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.conserver.app.runtime.EngineSettings;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** {@code engine:} how the chain engine stops, how often it looks for dead workers' items, and how long a lease outlives the longest link limit. */
public final class EngineSettingsFactory {
    @NotNull
    @MinDuration(value = 0, unit = TimeUnit.SECONDS)
    private Duration drainDeadline = Duration.seconds(30);

    @NotNull
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    private Duration reapEvery = Duration.seconds(5);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration leaseMargin = Duration.seconds(30);

    @JsonProperty("drain_deadline")
    public Duration getDrainDeadline() {
        return drainDeadline;
    }

    @JsonProperty("drain_deadline")
    public void setDrainDeadline(Duration drainDeadline) {
        this.drainDeadline = drainDeadline;
    }

    @JsonProperty("reap_every")
    public Duration getReapEvery() {
        return reapEvery;
    }

    @JsonProperty("reap_every")
    public void setReapEvery(Duration reapEvery) {
        this.reapEvery = reapEvery;
    }

    /** The slack of a lease on top of the longest link time limit of its chain. */
    @JsonProperty("lease_margin")
    public Duration getLeaseMargin() {
        return leaseMargin;
    }

    @JsonProperty("lease_margin")
    public void setLeaseMargin(Duration leaseMargin) {
        this.leaseMargin = leaseMargin;
    }

    public EngineSettings build() {
        return new EngineSettings(drainDeadline.toJavaDuration(), reapEvery.toJavaDuration(), leaseMargin.toJavaDuration());
    }
}
