package io.conserver.domain.vcon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conserver.domain.error.ErrorCategory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever the bytes, reading returns a vCon or throws {@link InvalidVconException} with at least
 * one problem that names a path, never {@link ErrorCategory#INTERNAL}, and never slowly.
 */
class HostileInputTest {
    private static final String UUID = "019b0a4e-2c1a-8e3f-9dd8-dd37220d739c";
    private static final List<VconCodec> CODECS = List.of(VconCodec.lenient(), VconCodec.strict());
    private static final String DIGITS_5000 = "7".repeat(5000);

    @Test
    void emptyInput() {
        assertInvalid(new byte[0], "$", ErrorCategory.INVALID_INPUT);
        assertInvalid(bytes("  \n\t "), "$", ErrorCategory.INVALID_INPUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "{uuid: 1}", "{'uuid': 'x'}", "{\"uuid\" \"x\"}", "{\"a\":}", "{", "}", "\"",
        "{\"a\": tru}", "{\"a\": 01}", "{\"a\": NaN}", "{\"a\": .5}", "/* c */ {}", "{\"a\": 1,}"})
    void notJson(String text) {
        assertInvalid(bytes(text), null, ErrorCategory.INVALID_INPUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{}]", "42", "-1.5e3", "\"a vCon\"", "null", "true"})
    void topLevelThatIsNotAnObject(String text) {
        assertInvalid(bytes(text), "$", ErrorCategory.INVALID_INPUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} x", "{}{}", "{} []", "{\"uuid\": \"x\"} null", "{}\u0000"})
    void trailingGarbage(String text) {
        assertInvalid(bytes(text), null, ErrorCategory.INVALID_INPUT);
    }

    @Test
    void contentAfterTheValueIsNamedPlainly() {
        InvalidVconException e = assertInvalid(bytes("{\"uuid\": \"" + UUID + "\"} {\"more\": 1}"), "$", ErrorCategory.INVALID_INPUT);
        assertThat(e.problems().get(0).message()).contains("there is more after the end of the JSON value")
                .doesNotContain("com.fasterxml").doesNotContain("FAIL_ON");
    }

    @Test
    void deepNesting() {
        assertFast(() -> assertInvalid(bytes("[".repeat(10_000)), null, ErrorCategory.INVALID_INPUT));
        assertFast(() -> assertInvalid(bytes("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)), null,
                ErrorCategory.INVALID_INPUT));
        String deepBody = "{\"uuid\": \"" + UUID + "\", \"analysis\": [{\"vendor\": \"v\", \"encoding\": \"json\","
                + " \"body\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}]}";
        InvalidVconException e = assertInvalid(bytes(deepBody), null, ErrorCategory.INVALID_INPUT);
        assertThat(e.problems().get(0).path()).startsWith("analysis[0].body[0][0]");
    }

    @Test
    void stringifiedJsonBodyTooDeepToUnwrapStaysAString() {
        String inner = "[".repeat(255) + "]".repeat(255);
        String json = "{\"uuid\": \"" + UUID + "\", \"created_at\": \"2024-01-01T00:00:00Z\", \"analysis\": "
                + "[{\"vendor\": \"v\", \"encoding\": \"json\", \"body\": \"" + inner + "\"}]}";
        VconCodec codec = VconCodec.lenient();
        Vcon v = codec.parse(json);

        assertThat(v.analysis().get(0).content().body().textValue()).isEqualTo(inner);
        assertThat(codec.parse(codec.write(v))).isEqualTo(v);
    }

    @Test
    void hugeExponentAsAnIndexIsRefused() {
        InvalidVconException e = assertInvalid(dialog("\"type\": \"text\", \"parties\": 1e999999999"),
                "dialog[0].parties", ErrorCategory.INVALID_INPUT);
        assertThat(e.problems().get(0).message()).contains("index");
    }

    /**
     * {@code 1e999999999} is a non-negative JSON number, so the validator lets a duration of it pass;
     * the model does not take it (a BigDecimal of a billion digits is a trap for its users), and it
     * stays verbatim so nothing is lost.
     */
    @Test
    void hugeExponentAsADurationIsKeptVerbatimOutsideTheModel() {
        assertFast(() -> {
            VconCodec codec = VconCodec.lenient();
            Vcon v = codec.parse(dialog("\"type\": \"text\", \"duration\": 1e999999999, \"body\": \"x\","
                    + " \"encoding\": \"none\""));

            assertThat(v.dialog().get(0).duration()).isNull();
            assertThat(v.dialog().get(0).extras().get("duration").isNumber()).isTrue();
            assertThat(codec.writeString(v)).contains("\"duration\":1E+999999999");
            assertThat(codec.parse(codec.write(v))).isEqualTo(v);
        });
    }

    @Test
    void hugeExponentInsideAJsonBodyIsCarriedAsIs() {
        assertFast(() -> {
            VconCodec codec = VconCodec.lenient();
            Vcon v = codec.parse(analysisBody("{\"big\": 1e999999999, \"small\": -1e-999999999}"));

            assertThat(codec.writeString(v)).contains("\"big\":1E+999999999", "\"small\":-1E-999999999");
            assertThat(codec.parse(codec.write(v))).isEqualTo(v);
        });
    }

    @Test
    void fiveThousandDigitIntegers() {
        assertInvalid(dialog("\"type\": \"text\", \"parties\": [" + DIGITS_5000 + "]"), "dialog[0].parties[0]",
                ErrorCategory.INVALID_INPUT);
        assertInvalid(dialog("\"type\": \"text\", \"duration\": " + DIGITS_5000), "dialog[0].duration",
                ErrorCategory.INVALID_INPUT);
        assertInvalid(analysisBody("{\"n\": -" + DIGITS_5000 + "}"), "analysis[0].body.n",
                ErrorCategory.INVALID_INPUT);
        assertInvalid(analysisBody("[0.5e" + DIGITS_5000 + "]"), "analysis[0].body[0]", ErrorCategory.INVALID_INPUT);
    }

    @Test
    void duplicateKeys() {
        InvalidVconException root = assertInvalid(bytes("{\"uuid\": \"" + UUID + "\", \"uuid\": \"" + UUID + "\"}"),
                null, ErrorCategory.INVALID_INPUT);
        assertThat(root.problems().get(0).message()).contains("Duplicate field 'uuid'");
        InvalidVconException nested = assertInvalid(dialog("\"type\": \"text\", \"body\": \"a\", \"body\": \"b\""),
                null, ErrorCategory.INVALID_INPUT);
        assertThat(nested.problems().get(0).path()).startsWith("dialog[0]");
        assertThat(nested.problems().get(0).message()).contains("Duplicate field 'body'");
        InvalidVconException inBody = assertInvalid(analysisBody("{\"k\": 1, \"x\": 2, \"k\": 3}"), null,
                ErrorCategory.INVALID_INPUT);
        assertThat(inBody.problems().get(0).path()).startsWith("analysis[0].body");
    }

    @Test
    void invalidUtf8InsideAString() {
        for (byte[] bad : List.of(new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xFF, (byte) 0xFE},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})) {
            byte[] json = concat(bytes("{\"uuid\": \"" + UUID + "\", \"subject\": \"a"), bad, bytes("b\"}"));
            assertInvalid(json, "subject", ErrorCategory.INVALID_INPUT);
            byte[] inName = concat(bytes("{\"uuid\": \"" + UUID + "\", \"parties\": [{\"x_"), bad, bytes("\": 1}]}"));
            assertInvalid(inName, "parties[0]", ErrorCategory.INVALID_INPUT);
        }
    }

    @Test
    void loneSurrogateEscapes() {
        assertInvalid(bytes("{\"uuid\": \"" + UUID + "\", \"subject\": \"\\ud800\"}"), "subject",
                ErrorCategory.INVALID_INPUT);
        assertInvalid(dialog("\"type\": \"text\", \"body\": \"ok \\udc00\", \"encoding\": \"none\""),
                "dialog[0].body", ErrorCategory.INVALID_INPUT);
        assertInvalid(bytes("{\"uuid\": \"" + UUID + "\", \"x_\\ud800\": 1}"), "$", ErrorCategory.INVALID_INPUT);
        assertInvalid(bytes("{\"uuid\": \"" + UUID + "\", \"subject\": \"\\ude00\\ud83d\"}"), "subject",
                ErrorCategory.INVALID_INPUT);
    }

    @Test
    void escapedSurrogatePairsAreFine() {
        VconCodec codec = VconCodec.lenient();
        Vcon v = codec.parse(bytes("{\"uuid\": \"" + UUID + "\", \"subject\": \"smile \\ud83d\\ude00\"}"));

        assertThat(v.subject()).isEqualTo("smile \uD83D\uDE00");
        assertThat(codec.parse(codec.write(v))).isEqualTo(v);
    }

    @Test
    void aStringifiedBodyWithALoneSurrogateStaysAString() {
        VconCodec codec = VconCodec.lenient();
        Vcon v = codec.parse(analysisBody("\"{\\\"a\\\": \\\"\\\\ud800\\\"}\""));

        assertThat(v.analysis().get(0).content().body().isTextual()).isTrue();
        assertThat(codec.parse(codec.write(v))).isEqualTo(v);
    }

    @Test
    void nulBytes() {
        assertInvalid(new byte[] {0}, null, ErrorCategory.INVALID_INPUT);
        assertInvalid(new byte[] {0, 0, 0, 0}, null, ErrorCategory.INVALID_INPUT);
        assertInvalid(concat(new byte[] {0}, bytes("{\"uuid\": \"" + UUID + "\"}")), null, ErrorCategory.INVALID_INPUT);
        assertInvalid(concat(bytes("{\"uuid\": \"" + UUID + "\", \"subject\": \"a"), new byte[] {0}, bytes("\"}")),
                null, ErrorCategory.INVALID_INPUT);
        assertInvalid(concat(bytes("{\"uuid\": \"" + UUID + "\","), new byte[] {0}, bytes("\"subject\": \"a\"}")),
                null, ErrorCategory.INVALID_INPUT);
    }

    @Test
    void aHundredMegabyteStringFailsFastBeforeParsing() {
        byte[] prefix = bytes("{\"uuid\": \"" + UUID + "\", \"subject\": \"");
        byte[] suffix = bytes("\"}");
        byte[] huge = new byte[prefix.length + 100_000_000 + suffix.length];
        System.arraycopy(prefix, 0, huge, 0, prefix.length);
        Arrays.fill(huge, prefix.length, prefix.length + 100_000_000, (byte) 'a');
        System.arraycopy(suffix, 0, huge, huge.length - suffix.length, suffix.length);

        long start = System.nanoTime();
        assertInvalid(huge, "$", ErrorCategory.TOO_LARGE, VconCodec.lenient());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
    }

    @Test
    void aConfigurableSmallLimit() {
        VconCodec small = new VconCodec(ValidationOptions.lenient().withMaxBytes(1000));
        byte[] twoKilobytes = bytes("{\"uuid\": \"" + UUID + "\", \"subject\": \"" + "s".repeat(2000) + "\"}");

        InvalidVconException e = assertInvalid(twoKilobytes, "$", ErrorCategory.TOO_LARGE, small);
        assertThat(e.problems().get(0).message()).contains("1000 bytes");
        assertThat(VconCodec.lenient().read(twoKilobytes).vcon().subject()).hasSize(2000);
        assertInvalid(new java.io.ByteArrayInputStream(twoKilobytes), small);
    }

    @Test
    void aGzipBombIsStoppedAtTheLimit() throws IOException {
        byte[] bomb = gzipZeros(200L * 1024 * 1024);
        assertThat(bomb.length).isLessThan(1024 * 1024);

        long start = System.nanoTime();
        assertInvalid(bomb, "$", ErrorCategory.TOO_LARGE, VconCodec.lenient());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        start = System.nanoTime();
        assertInvalid(bomb, "$", ErrorCategory.TOO_LARGE, new VconCodec(ValidationOptions.lenient().withMaxBytes(1000)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100));
    }

    @Test
    void truncatedAndCorruptGzip() throws IOException {
        byte[] whole = VconCodecTest.gzip(bytes("{\"uuid\": \"" + UUID + "\", \"parties\": [{}]}"));

        for (int cut : new int[] {2, 5, 10, whole.length / 2, whole.length - 4, whole.length - 1}) {
            assertInvalid(Arrays.copyOf(whole, cut), "$", ErrorCategory.INVALID_INPUT);
        }
        byte[] corrupt = whole.clone();
        corrupt[whole.length / 2] ^= 0x55;
        corrupt[whole.length - 6] ^= 0x55;
        assertInvalid(corrupt, "$", ErrorCategory.INVALID_INPUT);
        assertInvalid(new byte[] {0x1f, (byte) 0x8b}, "$", ErrorCategory.INVALID_INPUT);
    }

    @Test
    void gzipOfNotJson() throws IOException {
        assertInvalid(VconCodecTest.gzip(bytes("not json")), null, ErrorCategory.INVALID_INPUT);
        assertInvalid(VconCodecTest.gzip(VconCodecTest.gzip(bytes("{}"))), null, ErrorCategory.INVALID_INPUT);
    }

    @Test
    void anEndlessStreamIsCutAtTheLimit() {
        VconCodec small = new VconCodec(ValidationOptions.lenient().withMaxBytes(64 * 1024));
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) ' ');
                return len;
            }
        };
        assertFast(() -> assertInvalid(endless, small));
    }

    @Test
    void aStreamThatFailsIsInvalidInput() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        for (VconCodec codec : CODECS) {
            assertThatThrownBy(() -> codec.read(failing)).isInstanceOfSatisfying(InvalidVconException.class, e -> {
                assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_INPUT);
                assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("$"));
            });
        }
    }

    private static InvalidVconException assertInvalid(byte[] input, String path, ErrorCategory category) {
        InvalidVconException last = null;
        for (VconCodec codec : CODECS) {
            last = assertInvalid(input, path, category, codec);
        }
        assertThat(CODECS.get(0).check(input)).isNotEmpty().allSatisfy(p -> assertThat(p.path()).isNotBlank());
        return last;
    }

    private static InvalidVconException assertInvalid(byte[] input, String path, ErrorCategory category,
            VconCodec codec) {
        InvalidVconException[] caught = new InvalidVconException[1];
        assertThatThrownBy(() -> codec.read(input)).isInstanceOfSatisfying(InvalidVconException.class, e -> {
            caught[0] = e;
            assertThat(e.category()).isEqualTo(category).isNotEqualTo(ErrorCategory.INTERNAL);
            assertThat(e.problems()).isNotEmpty();
            assertThat(e.errors()).isNotEmpty();
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.path()).isNotBlank().hasSizeLessThan(300));
            if (path != null) {
                assertThat(e.errors().get(0).path()).isEqualTo(path);
            }
        });
        return caught[0];
    }

    private static void assertInvalid(InputStream input, VconCodec codec) {
        assertThatThrownBy(() -> codec.read(input)).isInstanceOfSatisfying(InvalidVconException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.TOO_LARGE);
            assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("$"));
        });
    }

    private static void assertFast(Runnable check) {
        long start = System.nanoTime();
        check.run();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    private static byte[] dialog(String fields) {
        return bytes("{\"uuid\": \"" + UUID + "\", \"created_at\": \"2024-01-01T00:00:00Z\", \"parties\": [{}],"
                + " \"dialog\": [{" + fields + "}]}");
    }

    private static byte[] analysisBody(String body) {
        return bytes("{\"uuid\": \"" + UUID + "\", \"created_at\": \"2024-01-01T00:00:00Z\", \"analysis\": "
                + "[{\"type\": \"report\", \"vendor\": \"v\", \"encoding\": \"json\", \"body\": " + body + "}]}");
    }

    private static byte[] gzipZeros(long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            for (long written = 0; written < size; written += zeros.length) {
                gz.write(zeros);
            }
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
