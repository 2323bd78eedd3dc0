package io.conserver.domain.vcon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conserver.domain.error.ErrorCategory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VconCodecTest {
    private static final Path SAMPLE = Path.of("../docs/examples/sample.vcon");
    private static final VconCodec CODEC = VconCodec.lenient();

    /** Unknown fields on every kind of object, interleaved with known ones, in a deliberate order. */
    private static final String WITH_UNKNOWNS = """
            {"x_root_first": {"b": 1, "a": [1, 2]},
             "uuid": "019b0a4e-2c1a-8e3f-9dd8-dd37220d739c",
             "meta": {"source": "pbx-7"},
             "created_at": "2026-11-20T15:04:05Z",
             "redacted": {"x_red_z": true, "uuid": "019b0a4e-0000-8e3f-9dd8-dd37220d739c", "type": "PII",
                          "x_red_a": null},
             "parties": [
               {"x_party_z": "z", "tel": "+15551234567", "x_party_a": [true],
                "civicaddress": {"x_civ_z": "z", "country": "US", "x_civ_a": "a", "pc": "94103"},
                "role": "customer"}],
             "dialog": [
               {"campaign": "winter", "type": "text", "x_dialog_m": 1.50,
                "start": "2026-11-20T15:04:05Z", "parties": [0], "skill": "billing",
                "mediatype": "text/plain", "body": "hi", "encoding": "none", "x_dialog_a": 100000000000000000000}],
             "attachments": [
               {"x_att_z": 1.50, "purpose": "note", "party": 0, "x_att_a": "a",
                "mediatype": "text/plain", "body": "n", "encoding": "none"}],
             "analysis": [
               {"x_an_z": {}, "type": "summary", "dialog": 0, "vendor": "v", "x_an_a": [],
                "body": "s", "encoding": "none"}],
             "tags": ["a:b"],
             "x_root_last": -0.10}
            """;

    @Test
    void sampleReadsWithoutWarningsAndRoundTrips() throws IOException {
        ReadResult read = CODEC.read(Files.readAllBytes(SAMPLE));

        assertThat(read.warnings()).isEmpty();
        Vcon v = read.vcon();
        byte[] written = CODEC.write(v);
        assertThat(CODEC.parse(written)).isEqualTo(v);
        assertThat(CODEC.write(CODEC.parse(written))).isEqualTo(written);
        assertThat(VconCodec.strict().read(written).warnings()).isEmpty();
    }

    @Test
    void aTreeFromReadJsonReadsLikeTheBytesItCameFrom() {
        byte[] legacy = WITH_UNKNOWNS.replace("\"mediatype\": \"text/plain\", \"body\": \"hi\"",
                "\"mimetype\": \"text/plain\", \"body\": \"hi\"").getBytes(StandardCharsets.UTF_8);

        ReadResult fromBytes = CODEC.read(legacy);
        ReadResult fromTree = CODEC.readParsed(CODEC.readJson(legacy));

        assertThat(fromTree.vcon()).isEqualTo(fromBytes.vcon());
        assertThat(fromTree.warnings()).isEqualTo(fromBytes.warnings())
                .anySatisfy(p -> assertThat(p.message()).contains("mimetype"));
        assertThatThrownBy(() -> CODEC.readParsed(CODEC.readJson("[1]".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InvalidVconException.class).hasMessageContaining("JSON object");
    }

    @Test
    void sampleIsMappedOntoTheModel() throws IOException {
        Vcon v = CODEC.parse(Files.readAllBytes(SAMPLE));

        assertThat(v.parties()).hasSize(2);
        assertThat(v.parties().get(1).extras().get("role").textValue()).isEqualTo("agent");
        assertThat(v.dialog()).extracting(Dialog::type)
                .containsExactly("recording", "text", "recording", "incomplete", "transfer");
        assertThat(v.dialog().get(0).duration()).isEqualByComparingTo("125.5");
        assertThat(v.dialog().get(0).sessionId().channels()).hasSize(2);
        assertThat(v.dialog().get(0).extras().names()).containsExactly("campaign", "skill");
        assertThat(v.dialog().get(4).targetDialog()).containsExactly(2);
        assertThat(v.analysis().get(1).dialog()).containsExactly(0, 2);
        assertThat(v.attachments().get(0).content().body().get("amount").decimalValue()).isEqualByComparingTo("12.5");
    }

    @Test
    void unknownFieldsSurviveReadModifyWriteVerbatimAndInOrder() {
        Vcon edited = CODEC.parse(WITH_UNKNOWNS).withSubject("x");
        JsonNode in = tree(WITH_UNKNOWNS.getBytes(StandardCharsets.UTF_8));
        JsonNode out = tree(CODEC.write(edited));

        assertThat(out.get("subject").textValue()).isEqualTo("x");
        for (Function<JsonNode, JsonNode> at : List.<Function<JsonNode, JsonNode>>of(
                n -> n, n -> n.get("redacted"), n -> n.get("parties").get(0),
                n -> n.get("parties").get(0).get("civicaddress"), n -> n.get("dialog").get(0),
                n -> n.get("attachments").get(0), n -> n.get("analysis").get(0))) {
            List<String> unknownIn = unknownNames(at.apply(in));
            assertThat(unknownIn).isNotEmpty();
            assertThat(unknownNames(at.apply(out))).containsExactlyElementsOf(unknownIn);
            for (String name : unknownIn) {
                assertThat(at.apply(out).get(name)).isEqualTo(at.apply(in).get(name));
            }
        }
    }

    @Test
    void unknownFieldsAreWrittenWithTheirOriginalText() {
        String out = CODEC.writeString(CODEC.parse(WITH_UNKNOWNS).withSubject("x"));

        assertThat(out).contains("\"x_dialog_m\":1.50", "\"x_att_z\":1.50", "\"x_root_last\":-0.10",
                "\"x_dialog_a\":100000000000000000000", "\"x_root_first\":{\"b\":1,\"a\":[1,2]}",
                "\"campaign\":\"winter\"", "\"skill\":\"billing\"", "\"role\":\"customer\"");
    }

    @Test
    void ccFieldsAreKeptAsDialogExtrasInOrder() {
        Dialog d = CODEC.parse(WITH_UNKNOWNS).dialog().get(0);

        assertThat(d.extras().names()).containsExactly("campaign", "x_dialog_m", "skill", "x_dialog_a");
        assertThat(d.extras().get("x_dialog_m").decimalValue()).hasToString("1.50");
    }

    @Test
    void gzipInputReadsLikeThePlainBytes() throws IOException {
        byte[] plain = Files.readAllBytes(SAMPLE);

        assertThat(CODEC.read(gzip(plain)).vcon()).isEqualTo(CODEC.parse(plain));
        assertThat(CODEC.read(new ByteArrayInputStream(gzip(plain))).vcon()).isEqualTo(CODEC.parse(plain));
    }

    @Test
    void writeGzipReadsBack() throws IOException {
        Vcon v = CODEC.parse(Files.readAllBytes(SAMPLE));
        byte[] compressed = CODEC.writeGzip(v);

        assertThat(VconForm.isGzip(compressed)).isTrue();
        assertThat(CODEC.parse(compressed)).isEqualTo(v);
        assertThat(compressed.length).isLessThan(CODEC.write(v).length);
    }

    @Test
    void writesTheCurrentForm() throws IOException {
        String legacy = """
                {"vcon": "0.0.1", "uuid": "019b0a4e-2c1a-8e3f-9dd8-dd37220d739c", "created_at": "2024-01-01T00:00:00Z",
                 "appended": {"uuid": "019b0a4e-0000-8e3f-9dd8-dd37220d739c"}, "must_support": [],
                 "dialog": [{"type": "text", "start": "2024-01-01T00:00:00Z", "mimetype": "text/plain",
                             "body": "hi", "encoding": "none"}]}
                """;
        JsonNode out = tree(CODEC.write(CODEC.parse(legacy)));

        assertThat(out.get("vcon").textValue()).isEqualTo("0.4.0");
        assertThat(out.fieldNames()).toIterable().first().isEqualTo("vcon");
        assertThat(out.has("amended")).isTrue();
        assertThat(out.has("appended") || out.has("must_support")).isFalse();
        assertThat(out.get("dialog").get(0).get("mediatype").textValue()).isEqualTo("text/plain");
        assertThat(out.get("dialog").get(0).has("mimetype")).isFalse();
        assertThat(tree(CODEC.write(CODEC.parse(Files.readAllBytes(SAMPLE)))).get("vcon").textValue())
                .isEqualTo(Vcon.VERSION);
    }

    @Test
    void writtenVconsValidateClean() throws IOException {
        Vcon v = CODEC.parse(Files.readAllBytes(SAMPLE));

        assertThat(CODEC.validate(v)).isEmpty();
        assertThat(CODEC.toTree(v)).isEqualTo(tree(CODEC.write(v)));
        assertThat(CODEC.writeString(v)).isEqualTo(new String(CODEC.write(v), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"payload\": \"eyJ1dWlkIjoiMSJ9\", \"signatures\": [{\"protected\": \"e30\", \"signature\": \"AA\"}]}",
        "{\"protected\": \"e30\", \"unprotected\": {\"cty\": \"application/vcon\"}, \"iv\": \"AA\","
                + " \"ciphertext\": \"AA\", \"tag\": \"AA\", \"recipients\": [{\"encrypted_key\": \"AA\"}]}"})
    void signedAndEncryptedFormsPointToTheOpener(String json) {
        for (VconCodec codec : List.of(VconCodec.lenient(), VconCodec.strict())) {
            assertThatThrownBy(() -> codec.read(json))
                    .isInstanceOfSatisfying(InvalidVconException.class, e -> {
                        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_INPUT);
                        assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.path()).isEqualTo("$");
                            assertThat(p.message()).contains("VconOpener");
                        });
                    });
        }
    }

    @Test
    void checkReportsInsteadOfThrowing() throws IOException {
        assertThat(CODEC.check(Files.readAllBytes(SAMPLE))).isEmpty();
        assertThat(CODEC.check("{\"parties\": []}".getBytes(StandardCharsets.UTF_8)))
                .anySatisfy(p -> assertThat(p.path()).isEqualTo("uuid"));
        assertThat(CODEC.check(new byte[0])).singleElement().satisfies(p -> assertThat(p.isError()).isTrue());
    }

    @Test
    void aTreeIsReadWithoutBeingChanged() {
        ObjectNode tree = (ObjectNode) tree("""
                {"uuid": "019b0a4e-2c1a-8e3f-9dd8-dd37220d739c", "created_at": "2024-01-01T00:00:00Z",
                 "appended": {"uuid": "019b0a4e-0000-8e3f-9dd8-dd37220d739c"}, "parties": [{}]}"""
                .getBytes(StandardCharsets.UTF_8));
        JsonNode before = tree.deepCopy();

        assertThat(CODEC.read(tree).vcon().amended().uuid()).isEqualTo("019b0a4e-0000-8e3f-9dd8-dd37220d739c");
        assertThat(tree).isEqualTo(before);
    }

    @Test
    void nullInputIsInvalidNotACrash() {
        assertThatThrownBy(() -> CODEC.read((byte[]) null)).isInstanceOf(InvalidVconException.class);
        assertThatThrownBy(() -> CODEC.read((String) null)).isInstanceOf(InvalidVconException.class);
        assertThatThrownBy(() -> CODEC.read((java.io.InputStream) null)).isInstanceOf(InvalidVconException.class);
        assertThatThrownBy(() -> CODEC.read((JsonNode) null)).isInstanceOf(InvalidVconException.class);
    }

    /** Names of the fields in {@code node} that the model does not know, in document order. */
    static List<String> unknownNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(n -> {
            if (n.startsWith("x_") || List.of("meta", "tags", "campaign", "skill", "role").contains(n)) {
                names.add(n);
            }
        });
        return names;
    }

    /** Parsed from chars: jackson-core 2.21.0's byte parser refuses escaped surrogate pairs in names (#1541). */
    static JsonNode tree(byte[] json) {
        try {
            return new JsonSupport(ValidationOptions.DEFAULT_MAX_BYTES).mapper()
                    .readTree(new String(json, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
