package io.conserver.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.conserver.app.runtime.EngineSettings;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** {@code engine:} how the chain engine stops and how often it looks for dead workers' items. */
public final class EngineSettingsFactory {
    @NotNull
    @MinDuration(value = 0, unit = TimeUnit.SECONDS)
    private Duration drainDeadline = Duration.seconds(30);

    @NotNull
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    private Duration reapEvery = Duration.seconds(5);

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

    public EngineSettings build() {
        return new EngineSettings(drainDeadline.toJavaDuration(), reapEvery.toJavaDuration());
    }
}
