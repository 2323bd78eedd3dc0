package io.conserver.domain.vcon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VconUuidTest {
    private static String tail(String uuid) {
        return uuid.substring(19);
    }

    /**
     * An instant after every uuid this JVM has minted: the generator never goes backwards, so an
     * earlier clock would be overridden and its timestamp could not be read back.
     */
    private static Instant aheadOfEverythingMinted() {
        long lastMillis = UUID.fromString(VconUuid.forDomain("example.com")).getMostSignificantBits() >>> 16;
        return Instant.ofEpochMilli(lastMillis).plus(1, ChronoUnit.MINUTES);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void strolidDomainEndsLikeVconLibsUuids() {
        assertThat(VconUuid.forDomain("strolid.com")).endsWith("9dd8-dd37220d739c");
    }

    @Test
    void isVersion8WithTheRfcVariant() {
        String value = VconUuid.forDomain("example.com");
        UUID uuid = UUID.fromString(value);
        assertThat(value.charAt(14)).isEqualTo('8');
        assertThat(VconUuid.version(value)).isEqualTo(8);
        assertThat(uuid.version()).isEqualTo(8);
        assertThat(uuid.variant()).isEqualTo(2); // binary 10
    }

    @Test
    void uuidsOfOneDomainShareTheLast16HexDigitsOnly() {
        String a = VconUuid.forDomain("example.com");
        String b = VconUuid.forDomain("example.com");
        assertThat(tail(a)).isEqualTo(tail(b));
        assertThat(a.substring(0, 18)).isNotEqualTo(b.substring(0, 18));
        assertThat(UUID.fromString(a).getLeastSignificantBits()).isEqualTo(VconUuid.domainBits("example.com"));
        assertThat(tail(VconUuid.forDomain("example.org"))).isNotEqualTo(tail(a));
    }

    @Test
    void aUuidMintedLaterSortsAfter() {
        Instant base = aheadOfEverythingMinted();
        String earlier = VconUuid.forDomain("example.com", at(base));
        String later = VconUuid.forDomain("example.com", at(base.plusMillis(5)));
        assertThat(later).isGreaterThan(earlier);
    }

    @Test
    void timestampDecodesBackToTheClocksMillisecond() {
        Instant instant = aheadOfEverythingMinted().plusNanos(250_000);
        UUID uuid = UUID.fromString(VconUuid.forDomain("example.com", at(instant)));
        assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(instant.toEpochMilli());
    }

    @Test
    void tenThousandUuidsInATightLoopAreDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(VconUuid.forDomain("example.com"));
        }
        assertThat(seen).hasSize(10_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01890a5d-ac96-774b-bcce-b302099a8057", "3F2504E0-4F89-41D3-9A0C-0305E82C3301",
            "00000000-0000-0000-0000-000000000000"})
    void acceptsAnyWellFormedUuid(String value) {
        assertThat(VconUuid.isValid(value)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"SAMPLE-1234-5678", "01890a5d-ac96-774b-bcce-b302099a805", "01890a5d-ac96-774b-bcce-b302099a80577",
            "01890a5dac96-774b-bcce-b302099a8057-", "01890a5d-ac96-774b-bcce-b302099a805g",
            "{01890a5d-ac96-774b-bcce-b302099a80}"})
    void rejectsAnythingElse(String value) {
        assertThat(VconUuid.isValid(value)).isFalse();
    }
}
