package io.conserver.domain.vcon;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * vCon uuids per draft §4.1: UUID version 8 laid out like a UUIDv7 (48-bit Unix milliseconds, then
 * 12 bits of sub-millisecond time) with the low 62 bits taken from SHA-1 of the producer's domain.
 *
 * <p>The low bits follow vcon-lib's {@code uuid8_domain_name} (the first 8 bytes of SHA-1, big
 * endian, top two bits replaced by the RFC variant), so every vCon minted for one domain shares its
 * last 16 hex digits with the Python libraries: {@code strolid.com} gives {@code ...-9dd8-dd37220d739c}.
 */
public final class VconUuid {
    private static final long VARIANT_MASK = 0x3FFF_FFFF_FFFF_FFFFL;
    private static final long VARIANT_BITS = 0x8000_0000_0000_0000L;

    /** Keeps uuids from one JVM strictly increasing even when the clock stalls or steps back. */
    private static final AtomicLong LAST_TIME_BITS = new AtomicLong();

    private VconUuid() {
    }

    public static String forDomain(String domain) {
        return forDomain(domain, Clock.systemUTC());
    }

    public static String forDomain(String domain, Clock clock) {
        return forHashBits(domainBits(domain), clock.instant()).toString();
    }

    /** The low 64 bits (variant included) every uuid for {@code domain} ends with. */
    public static long domainBits(String domain) {
        byte[] sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1").digest(domain.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-1", e);
        }
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (sha1[i] & 0xFF);
        }
        return (bits & VARIANT_MASK) | VARIANT_BITS;
    }

    static UUID forHashBits(long lowBits, Instant now) {
        long millis = now.toEpochMilli();
        // 12 bits of sub-millisecond precision: the fraction of the millisecond scaled to 0..4095.
        long subMillis = ((now.getNano() % 1_000_000L) * 4096L) / 1_000_000L;
        long timeBits = (millis << 12) | subMillis;
        long unique = LAST_TIME_BITS.accumulateAndGet(timeBits, (last, next) -> next > last ? next : last + 1);
        long high = ((unique >>> 12) << 16) | 0x8000L | (unique & 0xFFFL);
        return new UUID(high, lowBits);
    }

    /** True when {@code value} is a syntactically valid RFC 9562 uuid string. */
    public static boolean isValid(String value) {
        if (value == null || value.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = value.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The version nibble (the 13th hex digit) of a valid uuid string. */
    public static int version(String value) {
        return Character.digit(value.charAt(14), 16);
    }
}
