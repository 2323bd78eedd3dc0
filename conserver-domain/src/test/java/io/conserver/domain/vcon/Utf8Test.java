package io.conserver.domain.vcon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The surrogate-escape check the codec's fast path runs instead of searching every parsed string. */
class Utf8Test {
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
