package io.conserver.domain.vcon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.conserver.domain.error.ErrorCategory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One hand-written vCon per generation (draft §12), in {@code src/test/resources/vcons/}: each reads
 * in lenient mode with a warning at every legacy shape, and writes only current names.
 */
class LegacyGenerationsTest {
    private static final VconCodec LENIENT = VconCodec.lenient();
    private static final VconCodec STRICT = VconCodec.strict();
    private static final Set<String> LEGACY_NAMES = Set.of("mimetype", "alg", "signature", "appended", "must_support",
            "transfer-target", "target-dialog");

    @Test
    void generation001() {
        ReadResult read = LENIENT.read(fixture("legacy-0.0.1"));

        assertThat(paths(read.warnings())).containsExactlyInAnyOrder(
                "vcon", "uuid", "appended",
                "parties[0].meta", "parties[1].jCard", "parties[1].timezone",
                "dialog[0].mimetype", "dialog[0].alg", "dialog[0].meta",
                "dialog[1].mimetype", "dialog[1].encoding", "dialog[1].type",
                "dialog[2].mimetype",
                "dialog[3].transfer-target", "dialog[3].target-dialog",
                "analysis[0].mimetype", "analysis[0].body",
                // attachments[0] is vcon-lib's tags attachment, which belongs to no party.
                "attachments[0].type", "attachments[0].body");
        Vcon v = read.vcon();
        Dialog external = v.dialog().get(0);
        assertThat(external.mediatype()).isEqualTo("audio/x-wav");
        assertThat(external.content().contentHash()).containsExactly(
                "sha512-GBSDgj74H4w5hqoLg33xWd-rsL9I8lQXMTpbEhUrSaw6B_FPzYP3y6A4SpAOqm2WaCUqpzRBNeBucbgWeQKZSA");
        assertThat(ContentHashes.matches(external.content().contentHash(),
                "RIFF call-20240514-0930.wav".getBytes(StandardCharsets.UTF_8))).isTrue();
        Dialog audio = v.dialog().get(1);
        assertThat(audio.type()).isEqualTo(Dialog.RECORDING);
        assertThat(audio.content().encoding()).isEqualTo(Content.BASE64URL);
        assertThat(audio.content().decodeBody())
                .isEqualTo(Base64.getDecoder().decode("T2dnUwAC+/+//j4/b3B1cy1oZWFkLWZha2U="));
        assertThat(v.dialog().get(3).transferTarget()).containsExactly(1);
        assertThat(v.dialog().get(3).targetDialog()).containsExactly(2);
        assertThat(v.analysis().get(0).content().body().get("confidence").decimalValue())
                .isEqualByComparingTo("0.98");
        assertThat(v.attachments().get(0).purpose()).isEqualTo("tags");
        assertThat(v.attachments().get(0).content().body().isArray()).isTrue();
        // vcon-lib's "redacted": {} and "appended": {} mean "neither": kept verbatim, not mapped.
        assertThat(v.redacted()).isNull();
        assertThat(v.amended()).isNull();
        assertThat(v.extras().names()).containsExactly("redacted", "amended", "group");
        assertCurrentForm(LENIENT.write(v));
    }

    @Test
    void generation001InStrictModeRefusesTheShapesOnlyLenientForgives() {
        assertThatThrownBy(() -> STRICT.read(fixture("legacy-0.0.1")))
                .isInstanceOfSatisfying(InvalidVconException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_INPUT);
                    assertThat(paths(e.errors())).containsExactly("dialog[1].type");
                    // The renames still happen and are still reported alongside.
                    assertThat(paths(e.problems())).contains("dialog[0].alg", "dialog[1].encoding", "appended");
                });
    }

    @Test
    void generation002() {
        for (VconCodec codec : List.of(LENIENT, STRICT)) {
            ReadResult read = codec.read(fixture("legacy-0.0.2"));

            assertThat(paths(read.warnings())).containsExactlyInAnyOrder("vcon",
                    "dialog[2].transfer-target", "dialog[2].target-dialog", "analysis[0].body",
                    "attachments[0].type");
            Vcon v = read.vcon();
            assertThat(v.redacted().type()).isEqualTo("PII Redaction");
            assertThat(v.redacted().contentHash()).hasSize(1);
            assertThat(v.dialog().get(0).extras().names())
                    .containsExactly("campaign", "interaction_type", "interaction_id", "skill");
            assertThat(v.parties().get(0).extras().names()).containsExactly("role", "contact_list");
            assertThat(v.dialog().get(2).targetDialog()).containsExactly(1);
            assertThat(v.analysis().get(1).dialog()).containsExactly(0);
            assertThat(v.attachments().get(0).purpose()).isEqualTo("contract");
            assertCurrentForm(codec.write(v));
        }
    }

    @Test
    void generation030() {
        VconCodec lawfulBasis = new VconCodec(ValidationOptions.lenient().withSupportedExtensions(Set.of("lawful_basis")));
        ReadResult read = lawfulBasis.read(fixture("legacy-0.3.0"));

        assertThat(paths(read.warnings())).containsExactlyInAnyOrder("vcon", "appended", "must_support",
                "dialog[0].session_id", "dialog[1].session_id");
        Vcon v = read.vcon();
        assertThat(v.critical()).containsExactly("lawful_basis");
        assertThat(v.amended().uuid()).isEqualTo("01982c4b-5000-8c21-8e4f-2f6a1b3c4d5e");
        assertThat(v.parties().get(0).sip()).isEqualTo("sip:anna.schmidt@example.de");
        assertThat(v.parties().get(1).did()).isEqualTo("did:web:callcenter.example.de");
        assertCurrentForm(lawfulBasis.write(v));
    }

    /**
     * A 0.3.0 string session_id has no current equivalent (RFC 7989 wants two UUIDs), so lenient
     * mode keeps it verbatim as opaque legacy data (draft §12's first option) instead of inventing a
     * {local, remote} pair: nothing is lost, the model's sessionId() stays empty, and the string is
     * written back as it came. The price: that output is still not current, and strict mode refuses it.
     */
    @Test
    void stringSessionIdIsKeptVerbatimInLenientAndRefusedInStrict() {
        VconCodec lawfulBasis = new VconCodec(ValidationOptions.lenient().withSupportedExtensions(Set.of("lawful_basis")));
        Vcon v = lawfulBasis.parse(fixture("legacy-0.3.0"));

        Dialog d = v.dialog().get(0);
        assertThat(d.sessionId()).isNull();
        assertThat(d.extras().get("session_id").textValue()).isEqualTo("c2a7f4d2-0b1e-4f7a-9c3d-5e6f7a8b9c0d");
        byte[] written = lawfulBasis.write(v);
        assertThat(tree(written).get("dialog").get(0).get("session_id").textValue())
                .isEqualTo("c2a7f4d2-0b1e-4f7a-9c3d-5e6f7a8b9c0d");
        assertThat(lawfulBasis.parse(written)).isEqualTo(v);
        assertThat(paths(lawfulBasis.read(written).warnings()))
                .containsExactlyInAnyOrder("dialog[0].session_id", "dialog[1].session_id");

        VconCodec strict = new VconCodec(ValidationOptions.strict().withSupportedExtensions(Set.of("lawful_basis")));
        for (byte[] input : List.of(fixture("legacy-0.3.0"), written)) {
            assertThatThrownBy(() -> strict.read(input)).isInstanceOfSatisfying(InvalidVconException.class,
                    e -> assertThat(paths(e.errors())).containsExactly("dialog[0].session_id", "dialog[1].session_id"));
        }
    }

    @Test
    void generation030WithAnUnsupportedCriticalExtensionIsRefusedInBothModes() {
        for (VconCodec codec : List.of(LENIENT, STRICT)) {
            assertThatThrownBy(() -> codec.read(fixture("legacy-0.3.0")))
                    .isInstanceOfSatisfying(InvalidVconException.class, e -> {
                        // Reported under the current name; the rename warning names the old one.
                        assertThat(paths(e.errors())).startsWith("critical[0]");
                        assertThat(paths(e.problems())).contains("must_support");
                    });
        }
    }

    @Test
    void generation040IsCleanInBothModesAndRoundTrips() {
        for (VconCodec codec : List.of(LENIENT, STRICT)) {
            ReadResult read = codec.read(fixture("current-0.4.0"));

            assertThat(read.warnings()).isEmpty();
            Vcon v = read.vcon();
            assertThat(v.dialog().get(0).recordings()).containsExactly(1, 2);
            assertThat(v.dialog().get(1).recordingSet()).isZero();
            assertThat(v.dialog().get(1).parties().channels().get(0).indexes()).containsExactly(0, 2);
            assertThat(v.dialog().get(2).parties().channels().get(0).isEmptyChannel()).isTrue();
            assertThat(v.dialog().get(0).sessionId().single().remote()).isEqualTo(SessionId.NIL);
            assertThat(v.dialog().get(1).partyHistory()).extracting(PartyHistory::event)
                    .containsExactly("join", "join", "keydown", "drop");
            assertThat(v.parties().get(0).name()).isEqualTo("李伟");
            assertThat(v.parties().get(0).civicaddress().a1()).isEqualTo("Shanghai");
            assertThat(v.analysis().get(0).attachment()).containsExactly(0);
            byte[] written = codec.write(v);
            assertThat(codec.parse(written)).isEqualTo(v);
            assertThat(codec.write(codec.parse(written))).isEqualTo(written);
            assertCurrentForm(written);
        }
    }

    @Test
    void unversionedReadsInLenientWithWarningsAndIsRefusedInStrict() {
        ReadResult read = LENIENT.read(fixture("unversioned"));

        assertThat(paths(read.warnings())).containsExactlyInAnyOrder("created_at", "dialog[0].start");
        assertThat(read.vcon().createdAt()).isNull();
        assertThat(read.vcon().dialog().get(0).start()).hasToString("2025-09-01T12:00Z");
        JsonNode out = tree(LENIENT.write(read.vcon()));
        assertThat(out.get("vcon").textValue()).isEqualTo("0.4.0");
        assertThat(out.has("created_at")).isFalse();
        assertThat(out.get("dialog").get(0).get("start").textValue()).isEqualTo("2025-09-01T12:00:00Z");

        assertThatThrownBy(() -> STRICT.read(fixture("unversioned"))).isInstanceOfSatisfying(
                InvalidVconException.class,
                e -> assertThat(paths(e.errors())).containsExactlyInAnyOrder("created_at", "dialog[0].start"));
    }

    @Test
    void aHexSignatureIsFlaggedAndKeptNotTurnedIntoABogusHash() {
        String hex = "a4abd4448c49562d828115d13a1fccea927f52b4d5459297f8b43e42da89238b"
                + "c13626e43dcb38ddb082488927ec904fb42057443983e88585179d50551afe62";
        ReadResult read = LENIENT.read(minimal("""
                {"type": "text", "start": "2024-01-01T00:00:00Z", "body": "x", "encoding": "none",
                 "alg": "SHA-512", "signature": "%s"}""".formatted(hex)));

        assertThat(read.warnings()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("dialog[0].alg");
            assertThat(p.message()).contains("cannot be read as a content_hash");
        });
        Dialog d = read.vcon().dialog().get(0);
        assertThat(d.content().contentHash()).isEmpty();
        assertThat(d.extras().get("signature").textValue()).isEqualTo(hex);
    }

    @Test
    void aStandardBase64SignatureBecomesAnUnpaddedBase64UrlHash() {
        byte[] digest = new byte[64];
        java.util.Arrays.fill(digest, (byte) 0xfb);
        String standard = Base64.getEncoder().encodeToString(digest);
        Dialog d = LENIENT.parse(minimal("""
                {"type": "text", "start": "2024-01-01T00:00:00Z", "body": "x", "encoding": "none",
                 "alg": "SHA-512", "signature": "%s"}""".formatted(standard))).dialog().get(0);

        assertThat(d.content().contentHash())
                .containsExactly("sha512-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"123\"", "\"true\"", "\"\\\"quoted\\\"\"", "\"plain words\"", "\"null\""})
    void aJsonStringBodyThatIsNotAStringifiedContainerStaysAString(String body) {
        Analysis a = LENIENT.parse(minimalAnalysis(body)).analysis().get(0);

        assertThat(a.content().body().isTextual()).isTrue();
        assertThat(a.content().body()).isEqualTo(tree(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aStringifiedObjectBodyBecomesStructured() {
        ReadResult read = LENIENT.read(minimalAnalysis("\" {\\\"a\\\": [1, 2.50]}\""));

        assertThat(read.vcon().analysis().get(0).content().body().get("a").get(1).decimalValue()).hasToString("2.50");
        assertThat(paths(read.warnings())).contains("analysis[0].body");
    }

    @Test
    void bothOldAndNewNamesPresentLeavesTheOldOneAsAnUnknownField() {
        ReadResult read = LENIENT.read(minimal("""
                {"type": "text", "start": "2024-01-01T00:00:00Z", "body": "x", "encoding": "none",
                 "mimetype": "text/html", "mediatype": "text/plain"}"""));

        Dialog d = read.vcon().dialog().get(0);
        assertThat(d.mediatype()).isEqualTo("text/plain");
        assertThat(d.extras().get("mimetype").textValue()).isEqualTo("text/html");
        assertThat(read.warnings()).anySatisfy(p -> assertThat(p.path()).isEqualTo("dialog[0].mimetype"));
    }

    private static byte[] minimal(String dialog) {
        return ("{\"uuid\": \"019b0a4e-2c1a-8e3f-9dd8-dd37220d739c\", \"created_at\": \"2024-01-01T00:00:00Z\","
                + " \"dialog\": [" + dialog + "]}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] minimalAnalysis(String body) {
        return ("{\"uuid\": \"019b0a4e-2c1a-8e3f-9dd8-dd37220d739c\", \"created_at\": \"2024-01-01T00:00:00Z\","
                + " \"analysis\": [{\"type\": \"summary\", \"vendor\": \"v\", \"encoding\": \"json\", \"body\": "
                + body + "}]}").getBytes(StandardCharsets.UTF_8);
    }

    /** No legacy name anywhere, attachments labelled by purpose, json bodies structured, vcon 0.4.0. */
    private static void assertCurrentForm(byte[] written) {
        JsonNode root = tree(written);
        assertThat(root.get("vcon").textValue()).isEqualTo("0.4.0");
        List<String> legacy = new ArrayList<>();
        walk(root, "$", (path, name) -> {
            if (LEGACY_NAMES.contains(name)) {
                legacy.add(path + "." + name);
            }
        });
        assertThat(legacy).isEmpty();
        for (JsonNode attachment : root.path("attachments")) {
            assertThat(attachment.has("type")).isFalse();
            assertThat(attachment.has("purpose")).isTrue();
        }
        for (String list : List.of("dialog", "attachments", "analysis")) {
            for (JsonNode item : root.path(list)) {
                if ("json".equals(item.path("encoding").asText())) {
                    assertThat(item.get("body").isContainerNode()).as(list + " json body").isTrue();
                }
                assertThat(item.path("encoding").asText()).isNotEqualTo("base64");
                assertThat(item.path("type").asText()).isNotIn("audio", "video");
            }
        }
    }

    private static void walk(JsonNode node, String path, BiConsumer<String, String> names) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                names.accept(path, field.getKey());
                walk(field.getValue(), path + "." + field.getKey(), names);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", names);
            }
        }
    }

    private static List<String> paths(List<Problem> problems) {
        return problems.stream().map(Problem::path).toList();
    }

    private static JsonNode tree(byte[] json) {
        return VconCodecTest.tree(json);
    }

    static byte[] fixture(String name) {
        try (InputStream in = LegacyGenerationsTest.class.getResourceAsStream("/vcons/" + name + ".vcon")) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
