package io.conserver.domain.vcon.jose;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link VconVerifier} trusts.
 *
 * @param trustAnchors the root (or intermediate) certificates a signer's chain must lead to; empty means
 *                     any root: the chain must still be internally consistent and currently valid
 * @param clock        the time at which certificate validity is checked
 */
public record TrustOptions(Set<X509Certificate> trustAnchors, Clock clock) {
    public TrustOptions {
        trustAnchors = Set.copyOf(Objects.requireNonNull(trustAnchors, "trustAnchors"));
        Objects.requireNonNull(clock, "clock");
    }

    /** Accept any root, checking validity against the system clock. */
    public static TrustOptions anyRoot() {
        return new TrustOptions(Set.of(), Clock.systemUTC());
    }

    /** Require chains to lead to one of {@code anchors}, checking validity against the system clock. */
    public static TrustOptions anchoredAt(Collection<X509Certificate> anchors) {
        return new TrustOptions(Set.copyOf(anchors), Clock.systemUTC());
    }

    /** The same anchors, checked at another time (for tests, or to verify an archive as of a date). */
    public TrustOptions withClock(Clock newClock) {
        return new TrustOptions(trustAnchors, newClock);
    }
}
