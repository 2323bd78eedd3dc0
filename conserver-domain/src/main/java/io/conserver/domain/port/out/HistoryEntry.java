package io.conserver.domain.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One step of a vCon's processing: which link (or storage, or the chain itself) of which chain ran,
 * its outcome, how long it took and when it finished, with a short detail such as a halt reason.
 */
public record HistoryEntry(String chain, String link, String outcome, Duration duration, Instant at,
                           String detail) {
    public HistoryEntry {
        Objects.requireNonNull(chain, "chain is null");
        Objects.requireNonNull(link, "link is null");
        Objects.requireNonNull(outcome, "outcome is null");
        Objects.requireNonNull(duration, "duration is null");
        Objects.requireNonNull(at, "at is null");
        detail = detail == null ? "" : detail;
    }
}
