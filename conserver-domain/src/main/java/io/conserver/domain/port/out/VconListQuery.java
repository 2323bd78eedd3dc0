package io.conserver.domain.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * A page of the store's listing by creation time: vCons created at or after {@code since} and before
 * {@code until} (either bound optional), newest first, skipping {@code offset} and returning at most
 * {@code limit}.
 */
public record VconListQuery(Optional<Instant> since, Optional<Instant> until, int offset, int limit) {
    /** Guards the one place every adapter relies on: negative paging or a zero limit is a caller bug. */
    public VconListQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, was " + limit);
        }
        since = since == null ? Optional.empty() : since;
        until = until == null ? Optional.empty() : until;
    }

    /** The newest {@code limit} vCons, whenever they were created. */
    public static VconListQuery newest(int limit) {
        return new VconListQuery(Optional.empty(), Optional.empty(), 0, limit);
    }

    /** vCons created before {@code until}, newest first: the shape of "older than 30 days" queries. */
    public static VconListQuery createdBefore(Instant until, int limit) {
        return new VconListQuery(Optional.empty(), Optional.of(until), 0, limit);
    }
}
