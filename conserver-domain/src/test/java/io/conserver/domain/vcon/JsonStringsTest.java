package io.conserver.domain.vcon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The vCon writer's strings must come out byte for byte as Jackson's {@code writeString} writes them. */
class JsonStringsTest {
    private static final JsonFactory CODEC = new JsonSupport(ValidationOptions.DEFAULT_MAX_BYTES).mapper().getFactory();

    @Property(tries = 3000)
    void writesWhatJacksonWrites(@ForAll("strings") String s) {
        Outcome ours = write(CODEC, s, true);
        Outcome jackson = write(CODEC, s, false);

        assertThat(ours).as("%s", s.chars().mapToObj(Integer::toHexString).toList()).isEqualTo(jackson);
        Statistics.label("written as bytes").collect(s.length() >= 16 && s.chars().allMatch(c -> c >= 0x20 && c < 0x80
                && c != '"' && c != '\\'));
        Statistics.label("written as bytes").coverage(c -> {
            c.check(true).percentage(p -> p >= 20);
            c.check(false).percentage(p -> p >= 20);
        });
    }

    /**
     * Mostly long ASCII, now and then with what needs escaping or is no ASCII: quote, backslash,
     * control, '?', DEL, é, surrogates.
     */
    @Provide
    Arbitrary<String> strings() {
        Arbitrary<String> plain = Arbitraries.strings().withCharRange(' ', '~').ofMinLength(14).ofMaxLength(40)
                .filter(s -> s.indexOf('"') < 0 && s.indexOf('\\') < 0);
        Arbitrary<String> odd = Arbitraries.of("\"", "\\", "\n", "\u0000", "\u001f", "?", "\u007f", "/", "\u00e9",
                "\uD83D\uDE00", "\uD800", "\uDC00", "\u2028");
        // The odd one at any place, so that it lands in the eight-byte words and in the bytes after them.
        Arbitrary<String> withOdd = Combinators.combine(plain, odd, Arbitraries.integers().between(0, 40))
                .as((a, b, at) -> a.substring(0, Math.min(at, a.length())) + b + a.substring(Math.min(at, a.length())));
        return Arbitraries.oneOf(plain, withOdd);
    }

    @ParameterizedTest
    @ValueSource(strings = {"escape non-ASCII", "escape forward slashes"})
    void aGeneratorThatEscapesMoreGetsEveryStringThroughJackson(String setting) {
        JsonFactory factory = JsonFactory.builder()
                .configure(JsonWriteFeature.ESCAPE_NON_ASCII, setting.equals("escape non-ASCII"))
                .configure(JsonWriteFeature.ESCAPE_FORWARD_SLASHES, setting.equals("escape forward slashes"))
                .build();
        String s = setting.equals("escape non-ASCII") ? "https://example.com/caf\u00e9/some/long/path"
                : "https://example.com/some/long/path";

        Outcome ours = write(factory, s, true);

        assertThat(ours).isEqualTo(write(factory, s, false));
        assertThat(ours.json).contains(setting.equals("escape non-ASCII") ? "\\u00E9" : "\\/");
    }

    private record Outcome(String json, Class<?> failure) {
    }

    private static Outcome write(JsonFactory factory, String s, boolean ours) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = factory.createGenerator(out)) {
            if (ours) {
                new JsonStrings(g).write(s);
            } else {
                g.writeString(s);
            }
        } catch (IOException | RuntimeException e) {
            return new Outcome(null, e.getClass());
        }
        return new Outcome(out.toString(java.nio.charset.StandardCharsets.UTF_8), null);
    }
}
