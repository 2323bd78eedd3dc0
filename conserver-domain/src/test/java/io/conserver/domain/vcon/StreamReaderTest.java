package io.conserver.domain.vcon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The codec's fast path ({@link StreamReader}): it reads the clean, current-form vCon into the same
 * model as the full read, and gives way to the full read on everything else, so callers see the same
 * vCon, warnings and errors either way.
 */
class StreamReaderTest {
    private static final VconCodec LENIENT = new VconCodec(ValidationOptions.lenient().withSupportedExtensions(
            java.util.Set.of("CC")));
    private static final VconCodec STRICT = new VconCodec(ValidationOptions.strict().withSupportedExtensions(
            java.util.Set.of("CC")));
    private static final String CALL_HASH = "sha512-Od7MQmOTBQ6_z-AZE1uYd1kEMaZfkrqiH6ktuxLhfayd5j4YTTe4jNJG4g6QQqpd2HOD"
            + "nVPQrfW2GiSPmfwk7g";
    private static final String PDF_HASH = "sha512-AvXDuY5RS7uMr9eC1I5NiDImRBdPh3xw14Z3ACKMCJTtpFcNQsl2yyfKwNrRQYdJzcv7"
            + "RYus6X5RywPOhGOTSw";

    /** Every field and shape the fast path reads, in one vCon that has nothing to report. */
    private static final String EVERYTHING = """
            {"vcon":"0.4.0","uuid":"019b0a4e-2c1a-8e3f-9dd8-dd37220d739c",
             "created_at":"2026-11-20T15:04:05.123Z","updated_at":"2026-11-20T16:00:00+01:00","subject":"Billing",
             "extensions":["CC"],"critical":["CC"],
             "parties":[
               {"tel":"+15551234567","name":"Alice Caller","validation":"none","role":"customer"},
               {"mailto":"bob@example.com","sip":"sip:bob@example.com","stir":"eyJ0","did":"did:web:example.com",
                "gmlpos":"51.5 -0.1","uuid":"019b0a4e-2c1a-8e3f-9dd8-dd37220d7300","type":"person","org":"Acme",
                "dept":"Billing","contact_list":["sales",{"id":7}]},
               {}],
             "dialog":[
               {"type":"recording","start":"2026-11-20T15:04:05Z","duration":125.5,"parties":[0,[1,2],null],
                "originator":0,"mediatype":"audio/x-wav","filename":"call.wav",
                "url":"https://example.com/call.wav","content_hash":"%s"},
               {"type":"text","start":"2026-11-20T15:05:00.250Z","duration":3,"parties":1,"mediatype":"text/plain",
                "body":"Hello","encoding":"none","application":"chat","message_id":"<m1@example.com>",
                "campaign":"spring","interaction_type":"chat","interaction_id":"i-1","skill":"billing"},
               {"type":"incomplete","start":"2026-11-20T15:06:00Z","parties":[0,1],"disposition":"no-answer"},
               {"type":"recording","start":"2026-11-20T15:07:00Z","parties":[0,1],"mediatype":"audio/wav",
                "body":"AAEC","encoding":"base64url",
                "content_hash":["%s","sha256-LXEWQrcmsEQBYnyp-6wy9chTD7GQPMTbAiWHF5IaSIE"]}],
             "analysis":[
               {"type":"sentiment","dialog":[0,1],"vendor":"example-ai","product":"p1","schema":"s1",
                "mediatype":"application/json","encoding":"json","body":{"score":0.75,"label":"positive","n":[1,2.50]}},
               {"type":"summary","dialog":1,"attachment":0,"vendor":"example-ai","encoding":"none","body":"Short."}],
             "attachments":[
               {"purpose":"tags","start":"2026-11-20T15:04:05Z","mediatype":"application/json","encoding":"json",
                "body":["lang:en","queue:billing"]},
               {"purpose":"invoice","party":1,"dialog":2,"filename":"invoice.pdf","mediatype":"application/pdf",
                "url":"https://example.com/invoice.pdf","content_hash":"%s"}]}
            """.formatted(CALL_HASH, CALL_HASH, PDF_HASH);

    /** The smallest clean vCon, which the cases below change in one place each. */
    private static final String BASE = """
            {"uuid":"019b0a4e-2c1a-8e3f-9dd8-dd37220d739c","created_at":"2026-01-01T00:00:00Z",\
            "parties":[{"tel":"+1555"}],\
            "dialog":[{"type":"text","start":"2026-01-01T00:00:00Z","parties":[0],"mediatype":"text/plain",\
            "body":"hi","encoding":"none"}]}""";

    @Test
    void aCleanCurrentVconIsReadStraightIntoTheModelAsTheFullReadWouldReadIt() {
        for (VconCodec codec : List.of(LENIENT, STRICT)) {
            for (String json : List.of(EVERYTHING, BASE)) {
                byte[] bytes = bytes(json);
                ReadResult full = codec.read(codec.readJson(bytes));

                assertThat(full.warnings()).as("the sample must be clean for the full read too").isEmpty();
                assertThat(codec.readFast(bytes)).isNotNull().isEqualTo(full);
                assertThat(codec.read(bytes)).isEqualTo(full);
            }
        }
    }

    @Test
    void gzipAndStreamInputTakeTheFastPathToo() {
        Vcon expected = LENIENT.read(LENIENT.readJson(bytes(EVERYTHING))).vcon();
        byte[] gzip = LENIENT.writeGzip(expected);

        assertThat(LENIENT.read(gzip).vcon()).isEqualTo(expected);
        assertThat(LENIENT.read(new java.io.ByteArrayInputStream(bytes(EVERYTHING))).vcon()).isEqualTo(expected);
    }

    /**
     * Each case changes {@link #BASE} in one place: {@code from} replaced by {@code to}. The fast path
     * must give way, and the codec must then answer exactly as the full read does.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            legacy name mimetype        | "mediatype"                    | "mimetype"
            unknown root field          | "created_at"                   | "meta":{},"created_at"
            null value                  | "created_at"                   | "subject":null,"created_at"
            duplicate key               | "created_at"                   | "uuid":"019b0a4e-2c1a-8e3f-9dd8-dd37220d739c","created_at"
            older version               | {"uuid"                        | {"vcon":"0.3.0","uuid"
            uuid of version 4           | 8e3f-9dd8                      | 4e3f-9dd8
            created_at missing          | "created_at":"2026-01-01T00:00:00Z",  |
            date without zone           | "start":"2026-01-01T00:00:00Z" | "start":"2026-01-01T00:00:00"
            impossible date             | "start":"2026-01-01T00:00:00Z" | "start":"2026-02-30T00:00:00Z"
            unknown party type          | {"tel":"+1555"}                | {"tel":"+1555","type":"alien"}
            civic address               | {"tel":"+1555"}                | {"tel":"+1555","civicaddress":{"country":"US"}}
            transfer dialog             | "type":"text"                  | "type":"transfer"
            unknown dialog type         | "type":"text"                  | "type":"video"
            disposition on text         | "encoding":"none"              | "encoding":"none","disposition":"busy"
            text without content        | ,"body":"hi","encoding":"none" |
            string body no encoding     | ,"encoding":"none"             |
            stringified json body       | "body":"hi","encoding":"none"  | "body":"{\\"a\\":1}","encoding":"json"
            base64 encoding             | "body":"hi","encoding":"none"  | "body":"aGk=","encoding":"base64"
            unknown encoding            | "encoding":"none"              | "encoding":"rot13"
            json body under none        | "body":"hi"                    | "body":{"a":1}
            bad base64url               | "body":"hi","encoding":"none"  | "body":"a*b","encoding":"base64url"
            http url                    | "body":"hi","encoding":"none"  | "url":"http://example.com/a","content_hash":"sha512-AAAA"
            url without content_hash    | "body":"hi","encoding":"none"  | "url":"https://example.com/a"
            body and url                | "encoding":"none"              | "encoding":"none","url":"https://example.com/a","content_hash":"sha512-AAAA"
            bad content hash            | "encoding":"none"              | "encoding":"none","content_hash":"SHA512:abc"
            empty content hash array    | "encoding":"none"              | "encoding":"none","content_hash":[]
            bad media type              | "text/plain"                   | "text"
            party out of range          | "parties":[0]                  | "parties":[5]
            negative party index        | "parties":[0]                  | "parties":[-1]
            float party index           | "parties":[0]                  | "parties":[0e0]
            duration without fraction   | "parties":[0]                  | "parties":[0],"duration":1.0e1
            negative duration           | "parties":[0]                  | "parties":[0],"duration":-1
            originator out of range     | "parties":[0]                  | "parties":[0],"originator":3
            transfer field on text      | "parties":[0]                  | "parties":[0],"transferee":0
            analysis without vendor     | }]}                            | }],"analysis":[{"type":"x","dialog":0}]}
            analysis dialog range       | }]}                            | }],"analysis":[{"type":"x","vendor":"v","dialog":[0,4]}]}
            attachment without party    | }]}                            | }],"attachments":[{"purpose":"invoice"}]}
            attachment legacy type      | }]}                            | }],"attachments":[{"type":"tags","party":0}]}
            unsupported critical        | "created_at"                   | "critical":["XYZ"],"created_at"
            redacted                    | "created_at"                   | "redacted":{"uuid":"019b0a4e-2c1a-8e3f-9dd8-dd37220d7300"},"created_at"
            group                       | "created_at"                   | "group":[],"created_at"
            no content                  | "parties":[{"tel":"+1555"}],   | "parties":[],
            empty dialog                | {"type":"text","start"         | {},{"type":"text","start"
            trailing tokens             | "none"}]}                      | "none"}]} {}
            lone surrogate escape       | "+1555"                        | "+1555\\ud800"
            signed form                 | "created_at"                   | "payload":"e30","signatures":[],"created_at"
            """)
    void anythingUnusualIsLeftToTheFullRead(String name, String from, String to) {
        String json = BASE.replace(from, to == null ? "" : to);
        assertThat(json).as("the case must change the vCon").isNotEqualTo(BASE);
        for (VconCodec codec : List.of(LENIENT, STRICT)) {
            byte[] bytes = bytes(json);

            assertThat(codec.readFast(bytes)).as(name).isNull();
            assertThat(outcome(() -> codec.read(bytes))).as(name).isEqualTo(outcome(() -> codec.readFully(bytes)));
        }
    }

    /** Jackson writes a character beyond U+FFFF as an escaped surrogate pair, so chats are full of them. */
    @Test
    void emojiWrittenAsEscapedPairsAreReadFast() {
        Vcon read = LENIENT.readFully(bytes(BASE)).vcon();
        Vcon withEmoji = read.toBuilder().subject("Refund \uD83D\uDE00")
                .parties(List.of(Party.builder().tel("+1555").name("Ana \uD83D\uDC69\u200D\uD83D\uDCBB")
                        .validation("none").build()))
                .build();
        byte[] written = LENIENT.write(withEmoji);

        assertThat(new String(written, StandardCharsets.UTF_8)).contains("\\uD83D\\uDE00");
        assertThat(LENIENT.readFast(written)).isNotNull().isEqualTo(LENIENT.readFully(written));
        assertThat(LENIENT.readFast(written).vcon()).isEqualTo(withEmoji);
    }

    /** The one warning the fast path reports itself, because most producers draw it. */
    @Test
    void namedPartiesWithoutValidationAreReadFastWithTheFullReadsWarnings() {
        String json = BASE.replace("{\"tel\":\"+1555\"}",
                "{\"tel\":\"+1555\",\"name\":\"Alice\"},{\"name\":\"Bob\",\"validation\":\"badge\"},{\"name\":\"Carol\"}");
        for (VconCodec codec : List.of(LENIENT, STRICT)) {
            byte[] bytes = bytes(json);
            ReadResult full = codec.readFully(bytes);

            assertThat(full.warnings()).extracting(Problem::path)
                    .containsExactly("parties[0].validation", "parties[2].validation");
            assertThat(codec.readFast(bytes)).isEqualTo(full);
            assertThat(codec.readFastIfCurrent(bytes)).contains(full);
        }
    }

    @Test
    void theVerificationTheTestsRunWithFailsWhenTheFastReadDisagrees() {
        byte[] bytes = bytes(BASE);
        ReadResult fast = LENIENT.readFast(bytes);
        ReadResult other = new ReadResult(fast.vcon().toBuilder().subject("not in the document").build(), List.of());
        ReadResult warned = new ReadResult(fast.vcon(), List.of(Problem.warning("$", "not found by the full read")));

        assertThat(Boolean.getBoolean("conserver.vcon.verifyFastReads"))
                .as("the build runs every test with the fast reads verified").isTrue();
        assertThatThrownBy(() -> LENIENT.verifyFastRead(bytes, other)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("disagrees");
        assertThatThrownBy(() -> LENIENT.verifyFastRead(bytes, warned)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("disagrees");
        byte[] refused = bytes(BASE.replace("\"parties\":[0]", "\"parties\":[9]"));
        assertThatThrownBy(() -> LENIENT.verifyFastRead(refused, fast)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("refuses");
    }

    /** What a read ends in: the vCon and its warnings, or the problems it was refused with. */
    private static Object outcome(java.util.function.Supplier<ReadResult> read) {
        try {
            return read.get();
        } catch (InvalidVconException e) {
            return e.problems();
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
