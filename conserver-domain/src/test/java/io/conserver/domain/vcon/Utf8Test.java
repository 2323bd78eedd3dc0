package io.conserver.domain.vcon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The UTF-8 scan every read starts with: its ASCII shortcut against the byte loop, and the
 * surrogate-escape check the codec's fast path runs instead of searching every parsed string.
 */
class Utf8Test {
    @Property(tries = 3000)
    void theAsciiShortcutAnswersAsTheByteLoop(@ForAll("texts") byte[] text) {
        int scan = Utf8.scan(text);

        assertThat(scan).isEqualTo(Utf8.scanBytes(text));
        Statistics.label("answer").collect(scan == Utf8.VALID ? "valid" : scan == Utf8.VALID_WITH_SURROGATE_ESCAPE
                ? "surrogate escape" : "invalid");
        Statistics.label("answer").coverage(c -> {
            c.check("valid").percentage(p -> p >= 10);
            c.check("surrogate escape").percentage(p -> p >= 5);
            c.check("invalid").percentage(p -> p >= 10);
        });
    }

    @Provide
    Arbitrary<byte[]> texts() {
        Arbitrary<byte[]> piece = Arbitraries.frequencyOf(
                // JSON-ish ASCII, with the characters an escape is made of
                Tuple.of(6, Arbitraries.strings().withChars("ab \"\\udD{}:,").ofMaxLength(12)
                        .map(s -> s.getBytes(StandardCharsets.US_ASCII))),
                Tuple.of(2, Arbitraries.of("\\uD83D\\uDE00", "\\ud800", "\\u00e9", "\\\\", "\\")
                        .map(s -> s.getBytes(StandardCharsets.US_ASCII))),
                // any characters, as UTF-8 (an unpaired surrogate becomes '?')
                Tuple.of(1, Arbitraries.strings().ofMaxLength(3).map(s -> s.getBytes(StandardCharsets.UTF_8))),
                // any bytes: invalid sequences, overlong forms, encoded surrogates
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(3)),
                Tuple.of(1, Arbitraries.just(new byte[] {0})));
        return piece.list().ofMaxSize(12).map(Utf8Test::concat);
    }

    private static byte[] concat(List<byte[]> pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pieces.forEach(out::writeBytes);
        return out.toByteArray();
    }

    @Test
    void theShortcutLeavesNonAsciiAndNulToTheByteLoop() {
        byte[] nul = "{\"a\":\"b\0\"}".getBytes(StandardCharsets.UTF_8);
        byte[] accent = "{\"a\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        byte[] overlong = {'{', '"', (byte) 0xC0, (byte) 0x80, '"', '}'};
        byte[] surrogate = {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};

        assertThat(Utf8.scan(nul)).isEqualTo(7);
        assertThat(Utf8.scan(accent)).isEqualTo(Utf8.VALID);
        assertThat(Utf8.scan(overlong)).isEqualTo(2);
        assertThat(Utf8.scan(surrogate)).isEqualTo(1);
        assertThat(Utf8.scan("{\"a\":\"\\uD83D\\uDE00\"}".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(Utf8.VALID_WITH_SURROGATE_ESCAPE);
        assertThat(Utf8.scan("{\"a\":\"\\n\\u00e9\"}".getBytes(StandardCharsets.US_ASCII))).isEqualTo(Utf8.VALID);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            an escaped pair, as Jackson writes an emoji  | {"s":"hi \\uD83D\\uDE00 x"}        | false
            lower-case hex                               | {"s":"\\ud83d\\ude00"}             | false
            two pairs in a row                           | {"s":"\\uD83D\\uDE00\\uD83D\\uDE01"} | false
            a pair in a field name                       | {"\\uD83D\\uDE00":1}               | false
            a high one at the end of a string            | {"s":"x\\uD800"}                   | true
            a high one before a plain character          | {"s":"\\uD800x"}                   | true
            a high one before another escape             | {"s":"\\uD800\\n"}                 | true
            two high ones                                | {"s":"\\uD800\\uD800"}             | true
            a low one alone                              | {"s":"\\uDC00"}                    | true
            a low one after a pair                       | {"s":"\\uD83D\\uDE00\\uDE00"}       | true
            an escaped backslash before text uD800       | {"s":"\\\\uD800"}                  | false
            an escaped backslash before an escape        | {"s":"\\\\\\uD800"}                | true
            an escape that is no surrogate               | {"s":"\\u00e9\\uD7FF\\uE000"}        | false
            """)
    void findsEveryUnpairedSurrogateEscapeAndNothingElse(String name, String json, boolean lone) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        assertThat(Utf8.scan(bytes)).as(name).isNotEqualTo(Utf8.VALID).isNegative();
        assertThat(Utf8.hasLoneSurrogateEscape(bytes)).as(name).isEqualTo(lone);
        // What the full read decides on the parsed document.
        String found = JsonSupport.findLoneSurrogate(
                new JsonSupport(ValidationOptions.DEFAULT_MAX_BYTES).mapper().readTree(bytes), "");
        assertThat(found != null).as(name + ": the full read's search").isEqualTo(lone);
    }
}
