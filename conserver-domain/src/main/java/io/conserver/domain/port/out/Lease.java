package io.conserver.domain.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * One item taken from a {@link WorkQueue} list and held in flight until {@code expiresAt}. The token
 * tells this taking apart from any other taking of the same id (after a requeue, say), so a late ack
 * from a worker presumed dead cannot remove someone else's item.
 */
public record Lease(String list, String id, String token, Instant expiresAt) {
    public Lease {
        Objects.requireNonNull(list, "list is null");
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(token, "token is null");
        Objects.requireNonNull(expiresAt, "expiresAt is null");
    }
}
