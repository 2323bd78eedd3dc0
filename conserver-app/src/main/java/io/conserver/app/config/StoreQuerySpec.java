package io.conserver.app.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * A store query a timer chain runs over: the vCons created more than {@code olderThan} ago, oldest
 * limit first taken from the newest end of that range ({@code limit} per tick).
 */
public record StoreQuerySpec(@NotNull Duration olderThan, @Min(1) @Max(1_000_000) Integer limit) {
    public StoreQuerySpec {
        limit = limit == null ? 1000 : limit;
    }
}
