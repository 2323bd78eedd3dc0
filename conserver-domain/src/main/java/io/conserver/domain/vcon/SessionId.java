package io.conserver.domain.vcon;

/**
 * An RFC 7989 session identifier: the local and remote UUIDs. The nil UUID stands for an unknown end;
 * both {@code null} is the draft's {@code {}} for a party without one.
 */
public record SessionId(String local, String remote, Extras extras) {
    public static final String NIL = "00000000-0000-0000-0000-000000000000";

    public SessionId {
        extras = extras == null ? Extras.EMPTY : extras;
    }

    public static SessionId of(String local, String remote) {
        return new SessionId(local, remote, Extras.EMPTY);
    }

    public boolean isEmpty() {
        return local == null && remote == null && extras.isEmpty();
    }
}
