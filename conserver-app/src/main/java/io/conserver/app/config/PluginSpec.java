package io.conserver.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.Optional;

/**
 * One {@code links:} or {@code storages:} entry: the plugin type, its options (bound later to the
 * plugin's own record), an optional per-link timeout, and for storages a retry policy and the
 * dead-letter list that failed saves go to (default {@code DLQ:storage:<name>}).
 */
public record PluginSpec(@NotBlank String type, JsonNode options, Optional<Duration> timeout,
                         @Valid Optional<RetryPolicy> retry, Optional<String> deadLetter) {
    public PluginSpec {
        timeout = timeout == null ? Optional.empty() : timeout;
        retry = retry == null ? Optional.empty() : retry;
        deadLetter = deadLetter == null ? Optional.empty() : deadLetter;
    }
}
