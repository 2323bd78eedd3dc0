package io.conserver.domain.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the runtime publishes when a link or a whole chain finishes with a vCon, so outside workers
 * can react: the uuid, the chain, the link (empty for the chain-level event) and the outcome
 * ({@code continue}, {@code halt}, {@code emit}, {@code handoff}, {@code error}, {@code done}, ...).
 */
public record ChainEvent(String uuid, String chain, Optional<String> link, String outcome, Instant at) {
    public ChainEvent {
        Objects.requireNonNull(uuid, "uuid is null");
        Objects.requireNonNull(chain, "chain is null");
        Objects.requireNonNull(outcome, "outcome is null");
        Objects.requireNonNull(at, "at is null");
        link = link == null ? Optional.empty() : link;
    }
}
