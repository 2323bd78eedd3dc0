package io.conserver.domain.vcon.jose;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/** Shorthands for the trust settings the tests use. */
final class TestTrust {
    private TestTrust() {}

    static TrustOptions anchored(TestPki.Issued anchor) {
        return new TrustOptions(Set.of(anchor.certificate()), Clock.systemUTC());
    }

    static TrustOptions anyRootAt(Instant instant) {
        return new TrustOptions(Set.of(), Clock.fixed(instant, ZoneOffset.UTC));
    }
}
