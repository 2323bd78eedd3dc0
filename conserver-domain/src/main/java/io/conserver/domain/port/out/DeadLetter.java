package io.conserver.domain.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a vCon was given up on: its uuid, the reason, where it failed ({@code chain} and {@code stage},
 * the link or storage name), after how many attempts, when, and the list a replay sends it back to
 * (empty for storage dead letters, which are replayed by saving again).
 */
public record DeadLetter(String id, String reason, String chain, String stage, int attempts, Instant at,
                         Optional<String> replayTo) {
    public DeadLetter {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(reason, "reason is null");
        Objects.requireNonNull(at, "at is null");
        chain = chain == null ? "" : chain;
        stage = stage == null ? "" : stage;
        replayTo = replayTo == null ? Optional.empty() : replayTo;
    }
}
