package io.conserver.domain.vcon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Rfc3339#parseStrict}, the fast read's one-pass date, against the two passes it stands for:
 * whatever it reads, the validator must call valid and {@link Rfc3339#parse} must read the same.
 */
class Rfc3339Test {
    @Property(tries = 5000)
    void whatTheOnePassReadsTheValidatorAcceptsAndTheParserReadsAlike(@ForAll("timestamps") String text) {
        OffsetDateTime strict = Rfc3339.parseStrict(text);

        if (strict != null) {
            assertThat(ValidationValues.date(text)).as(text).isEqualTo(ValidationValues.DateShape.VALID);
            assertThat(Rfc3339.parse(text)).as(text).isEqualTo(strict);
        }
        Statistics.label("read in one pass").collect(strict != null);
        Statistics.label("read in one pass").coverage(c -> {
            c.check(true).percentage(p -> p >= 15);
            c.check(false).percentage(p -> p >= 15);
        });
    }

    /**
     * Timestamps near the edges of every part (the ranges, the separators, the fraction and the zone),
     * each part mostly valid so that a good share of the whole is.
     */
    @Provide
    Arbitrary<String> timestamps() {
        Arbitrary<String> year = part(Arbitraries.of("2026", "0000", "9999", "2024", "1900", "2000"), "20x6", "226");
        Arbitrary<String> month = part(Arbitraries.of("01", "02", "12"), "00", "13", "1-");
        Arbitrary<String> day = part(Arbitraries.of("01", "28", "29", "30", "31"), "00", "32", "3");
        Arbitrary<String> separator = part(Arbitraries.just("T"), "t", " ", "x");
        Arbitrary<String> hour = part(Arbitraries.of("00", "23", "12"), "24", "1:");
        Arbitrary<String> minute = part(Arbitraries.of("00", "59"), "60", "5");
        Arbitrary<String> second = part(Arbitraries.of("00", "59", "30"), "60", "61");
        Arbitrary<String> fraction = part(Arbitraries.oneOf(Arbitraries.of("", ".250"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(9).map(d -> "." + d)),
                ".", ".1234567890", ".12345678901", ".x");
        Arbitrary<String> zone = part(Arbitraries.of("Z", "+00:00", "-00:00", "+05:30", "-08:00", "+18:00"),
                "z", "", "+18:01", "+19:00", "+23:59", "+24:00", "+01:60", "+01:75", "+5:00", "Zx", "+0530");
        return Combinators.combine(year, month, day, separator, hour, minute, second, fraction)
                .as((y, mo, d, sep, h, mi, s, f) -> y + "-" + mo + "-" + d + sep + h + ":" + mi + ":" + s + f)
                .flatMap(time -> zone.map(z -> time + z));
    }

    private static Arbitrary<String> part(Arbitrary<String> valid, String... edges) {
        return Arbitraries.frequencyOf(Tuple.of(9, valid), Tuple.of(1, Arbitraries.of(edges)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-20T15:10:00.250Z        | 2026-11-20T15:10:00.250Z
            2026-11-20T15:10:00Z            | 2026-11-20T15:10:00Z
            2026-11-20T15:10:00.123456789Z  | 2026-11-20T15:10:00.123456789Z
            2026-11-20T15:10:00+00:00       | 2026-11-20T15:10:00Z
            2026-11-20T15:10:00.5-08:00     | 2026-11-20T15:10:00.500-08:00
            2024-02-29T00:00:00Z            | 2024-02-29T00:00:00Z
            """)
    void readsTheCommonShapes(String text, String expected) {
        assertThat(Rfc3339.parseStrict(text)).isEqualTo(OffsetDateTime.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a leap second, the validator's to judge        | 2026-12-31T23:59:60Z
            a lower-case t                                 | 2026-11-20t15:10:00Z
            ten fraction digits                            | 2026-11-20T15:10:00.1234567890Z
            no zone, which draws a warning                 | 2026-11-20T15:10:00
            offset minutes past 59                         | 2026-11-20T15:10:00+01:75
            Feb 30                                         | 2026-02-30T15:10:00Z
            """)
    void leavesTheRestToTheTwoPasses(String why, String text) {
        assertThat(Rfc3339.parseStrict(text)).as(why).isNull();
    }

    @Test
    void digitsOfOtherScriptsAreNoTimestamp() {
        // Taken for digits, eight zeros and an Arabic-Indic one would make 1,585 ns.
        String arabicIndicFraction = "2026-11-20T15:10:00.00000000\u0661Z";

        assertThat(Rfc3339.parse(arabicIndicFraction)).isNull();
        assertThat(Rfc3339.parseStrict(arabicIndicFraction)).isNull();
        assertThat(ValidationValues.date(arabicIndicFraction)).isEqualTo(ValidationValues.DateShape.INVALID);
    }

    @Property(tries = 200)
    void printsWhatItReads(@ForAll("valid") OffsetDateTime time) {
        assertThat(Rfc3339.parseStrict(Rfc3339.format(time))).isEqualTo(time);
    }

    @Provide
    Arbitrary<OffsetDateTime> valid() {
        return Combinators.combine(Arbitraries.longs().between(0, 253_402_300_799L),
                        Arbitraries.of(0, 250_000_000, 123_456_000, 1), Arbitraries.of(0, 3600, -28800, 19800))
                .as((seconds, nanos, offset) -> OffsetDateTime.ofInstant(
                        java.time.Instant.ofEpochSecond(seconds - offset, nanos), ZoneOffset.ofTotalSeconds(offset)));
    }
}
