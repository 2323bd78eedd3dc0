package io.conserver.domain.vcon;

import java.util.List;

/**
 * A dialog's {@code session_id}: one {@link SessionId} for the whole dialog, or one entry per
 * channel mirroring {@code parties}, each entry holding the ids of the parties on that channel.
 *
 * @param single   the one id for all parties, or {@code null} when given per channel
 * @param channels per-channel ids (an entry of one id is written as an object, of several as an array)
 */
public record SessionIds(SessionId single, List<List<SessionId>> channels) {
    public SessionIds {
        channels = channels == null ? List.of() : channels.stream().map(List::copyOf).toList();
        if (single != null && !channels.isEmpty()) {
            throw new IllegalArgumentException("session_id is either one object or per-channel entries, not both");
        }
    }

    public static SessionIds of(SessionId id) {
        return new SessionIds(id, List.of());
    }

    public static SessionIds perChannel(List<List<SessionId>> channels) {
        return new SessionIds(null, channels);
    }
}
