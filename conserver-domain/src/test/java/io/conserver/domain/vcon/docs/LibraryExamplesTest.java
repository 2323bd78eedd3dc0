package io.conserver.domain.vcon.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.conserver.domain.error.ErrorCategory;
import io.conserver.domain.vcon.Analysis;
import io.conserver.domain.vcon.Content;
import io.conserver.domain.vcon.ContentHashes;
import io.conserver.domain.vcon.Dialog;
import io.conserver.domain.vcon.InvalidVconException;
import io.conserver.domain.vcon.Party;
import io.conserver.domain.vcon.Problem;
import io.conserver.domain.vcon.ReadResult;
import io.conserver.domain.vcon.RedactionPlan;
import io.conserver.domain.vcon.ValidationOptions;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconCodec;
import io.conserver.domain.vcon.VconEditor;
import io.conserver.domain.vcon.VconFinder;
import io.conserver.domain.vcon.VconForm;
import io.conserver.domain.vcon.VconRedactor;
import io.conserver.domain.vcon.VconTags;
import io.conserver.domain.vcon.VconUuid;
import io.conserver.domain.vcon.jose.DecryptedVcon;
import io.conserver.domain.vcon.jose.TestPki;
import io.conserver.domain.vcon.jose.TrustOptions;
import io.conserver.domain.vcon.jose.VconDecryptor;
import io.conserver.domain.vcon.jose.VconEncryptor;
import io.conserver.domain.vcon.jose.VconKeys;
import io.conserver.domain.vcon.jose.VconOpener;
import io.conserver.domain.vcon.jose.VconSigner;
import io.conserver.domain.vcon.jose.VconVerifier;
import io.conserver.domain.vcon.jose.VerifiedVcon;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs every Java example of {@code docs/vcon-library.md} and checks what it claims.
 *
 * <p>Each example is the code between a start marker naming it and an end marker, inside the test
 * that runs it; the guide carries the same code under an HTML comment with the same name.
 * {@link #docsMatchTheExamples()} fails when the two differ, so the guide cannot drift from code
 * that compiles and works.
 */
class LibraryExamplesTest {
    private static final Path GUIDE = Path.of("../docs/vcon-library.md");
    private static final Path SOURCE =
            Path.of("src/test/java/io/conserver/domain/vcon/docs/LibraryExamplesTest.java");
    private static final Pattern REGION_START = Pattern.compile("^\\s*// example: ([a-z0-9-]+)\\s*$");
    private static final Pattern REGION_END = Pattern.compile("^\\s*// end example\\s*$");
    private static final Pattern DOC_MARKER = Pattern.compile("^<!-- example: ([a-z0-9-]+) -->\\s*$");

    private static final String UUID = "019b0a4e-2c1a-8e3f-9dd8-dd37220d739c";
    private static final String CALL = """
            {
              "vcon": "0.4.0",
              "uuid": "019b0a4e-2c1a-8e3f-9dd8-dd37220d739c",
              "created_at": "2026-11-20T15:04:05Z",
              "subject": "Billing question",
              "parties": [{"tel": "+15551234567", "name": "Alice", "validation": "none"},
                          {"mailto": "bob@example.com", "name": "Bob", "validation": "employee-id"}],
              "dialog": [{"type": "text", "start": "2026-11-20T15:06:00Z", "parties": [1, 0],
                          "mimetype": "text/plain", "body": "Your refund is on its way.", "encoding": "none"}]
            }
            """;
    private static final byte[] AUDIO = "RIFF....WAVEfmt fake audio".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PDF = "%PDF-1.7 fake invoice".getBytes(StandardCharsets.UTF_8);
    private static final byte[] REMOTE_AUDIO = "RIFF....WAVEfmt remote audio".getBytes(StandardCharsets.UTF_8);

    @Test
    void reading(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("call.vcon");
        Files.writeString(path, CALL);

        // example: reading
        VconCodec codec = VconCodec.lenient();                    // thread-safe: build once and share
        ReadResult result = codec.read(Files.readAllBytes(path)); // plain JSON or gzip, any generation
        Vcon vcon = result.vcon();
        List<Problem> warnings = result.warnings();               // accepted, but worth telling the producer

        Vcon fromStream;
        try (InputStream in = Files.newInputStream(path)) {        // reads at most the size limit;
            fromStream = codec.read(in).vcon();                   // closing the stream is yours
        }
        Vcon quiet = codec.parse(Files.readString(path));         // read(...).vcon(): warnings dropped
        // end example

        assertThat(vcon.uuid()).isEqualTo(UUID);
        assertThat(vcon.subject()).isEqualTo("Billing question");
        assertThat(vcon.dialog().get(0).mediatype()).isEqualTo("text/plain");
        assertThat(warnings).extracting(Problem::path).containsExactly("dialog[0].mimetype");
        assertThat(fromStream).isEqualTo(vcon);
        assertThat(quiet).isEqualTo(vcon);
        assertThat(codec.read(gzip(Files.readAllBytes(path))).vcon()).isEqualTo(vcon);
    }

    @Test
    void invalidInput() {
        byte[] bytes = """
                {"uuid": "019b0a4e-2c1a-8e3f-9dd8-dd37220d739c",
                 "parties": [{"tel": "+15551234567"}],
                 "dialog": [{"type": "text", "start": "2026-11-20T15:06:00Z", "parties": [0, 3],
                             "mediatype": "text/plain", "body": "hi", "encoding": "none"}]}
                """.getBytes(StandardCharsets.UTF_8);

        // example: invalid-input
        VconCodec strict = VconCodec.strict();
        try {
            Vcon vcon = strict.parse(bytes);
        } catch (InvalidVconException e) {
            ErrorCategory category = e.category();   // INVALID_INPUT, or TOO_LARGE past the size limit
            for (Problem problem : e.errors()) {     // problems() has the warnings seen with them too
                System.err.println(problem);         // dialog[0].parties[1]: error: ... refers to party 3 but ...
            }
        }
        List<Problem> problems = strict.check(bytes); // the same problems, without the exception
        // end example

        assertThatThrownBy(() -> strict.parse(bytes)).isInstanceOfSatisfying(InvalidVconException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_INPUT);
            assertThat(e.errors()).extracting(Problem::path).containsExactly("created_at", "dialog[0].parties[1]");
            assertThat(e.getMessage()).contains("dialog[0].parties[1]");
        });
        assertThat(problems).filteredOn(Problem::isError).extracting(Problem::path)
                .containsExactly("created_at", "dialog[0].parties[1]");
        assertThat(VconCodec.lenient().check(bytes)).filteredOn(Problem::isError).extracting(Problem::path)
                .containsExactly("dialog[0].parties[1]");
        assertThat(strict.check("[1, 2]".getBytes(StandardCharsets.UTF_8))).extracting(Problem::toString)
                .containsExactly("$: error: the top level must be a JSON object, found an array");
        assertThat(strict.check("{\"uuid\": ".getBytes(StandardCharsets.UTF_8))).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("the input is not valid JSON"));
    }

    /** Each row of the guide's lenient-versus-strict table: a warning in lenient mode, an error in strict. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            created_at           | "parties": [{"tel": "+15551234567"}]
            uuid                 | "uuid": "call-42", "created_at": "2026-11-20T15:04:05Z", "parties": [{"tel": "+15551234567"}]
            dialog               | "created_at": "2026-11-20T15:04:05Z", "parties": [{"tel": "+15551234567"}], "dialog": null
            extensions           | "created_at": "2026-11-20T15:04:05Z", "parties": [{"tel": "+15551234567"}], "extensions": null
            created_at           | "created_at": "2026-11-20T15:04:05", "parties": [{"tel": "+15551234567"}]
            attachments[0].party | "created_at": "2026-11-20T15:04:05Z", "parties": [{}], "attachments": [{"purpose": "note", "mediatype": "text/plain", "body": "hi", "encoding": "none"}]
            analysis[0].vendor   | "created_at": "2026-11-20T15:04:05Z", "parties": [{}], "analysis": [{"type": "summary", "mediatype": "text/plain", "body": "hi", "encoding": "none"}]
            dialog[0].encoding   | "created_at": "2026-11-20T15:04:05Z", "parties": [{}], "dialog": [{"type": "text", "start": "2026-11-20T15:04:05Z", "parties": [0], "mediatype": "text/plain", "body": "hi"}]
            dialog[0].session_id | "created_at": "2026-11-20T15:04:05Z", "parties": [{}], "dialog": [{"type": "text", "start": "2026-11-20T15:04:05Z", "parties": [0], "mediatype": "text/plain", "body": "hi", "encoding": "none", "session_id": "abc"}]
            dialog[0].type       | "created_at": "2026-11-20T15:04:05Z", "parties": [{}], "dialog": [{"type": "audio", "start": "2026-11-20T15:04:05Z", "parties": [0], "mediatype": "audio/x-wav", "url": "https://example.com/a.wav", "content_hash": "sha512-AAAA"}]
            """)
    void lenientModeWarnsWhereStrictModeRefuses(String path, String fields) {
        String json = fields.contains("\"uuid\"") ? "{" + fields + "}" : "{\"uuid\": \"" + UUID + "\", " + fields + "}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        List<Problem> lenient = VconCodec.lenient().check(bytes);
        List<Problem> strict = VconCodec.strict().check(bytes);

        assertThat(lenient).as("lenient").noneMatch(Problem::isError)
                .anySatisfy(p -> assertThat(p.path()).isEqualTo(path));
        assertThat(strict).as("strict").filteredOn(Problem::isError).extracting(Problem::path).contains(path);
    }

    @Test
    void readingOptions() throws IOException {
        // example: reading-options
        ValidationOptions options = ValidationOptions.strict()
                .withMaxBytes(8 * 1024 * 1024)                     // larger input fails with TOO_LARGE
                .withSupportedExtensions(Set.of("lawful_basis"));  // may then be listed in critical
        VconCodec codec = new VconCodec(options);
        // end example

        byte[] huge = new byte[9 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        for (byte[] input : List.of(huge, gzip(huge))) {
            assertThatThrownBy(() -> codec.read(input)).isInstanceOfSatisfying(InvalidVconException.class,
                    e -> assertThat(e.category()).isEqualTo(ErrorCategory.TOO_LARGE));
        }
        Vcon critical = VconTags.addCritical(Vcon.create("example.com").withParty(Party.ofTel("+15551234567")),
                "lawful_basis");
        byte[] json = codec.write(critical);
        assertThat(codec.read(json).vcon().critical()).containsExactly("lawful_basis");
        assertThat(VconCodec.strict().check(json)).filteredOn(Problem::isError).extracting(Problem::path)
                .containsExactly("critical[0]");
    }

    @Test
    void writing() {
        Vcon vcon = conversation();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // example: writing
        VconCodec codec = VconCodec.lenient();
        byte[] json = codec.write(vcon);         // compact UTF-8 JSON, the current form ("vcon": "0.4.0")
        String text = codec.writeString(vcon);
        byte[] gzip = codec.writeGzip(vcon);     // application/vcon+gzip
        codec.write(vcon, out);                  // streamed; closing out is yours
        ObjectNode tree = codec.toTree(vcon);    // a Jackson tree, to embed or inspect
        // end example

        assertThat(text).startsWith("{\"vcon\":\"0.4.0\",\"uuid\":\"" + vcon.uuid() + "\"");
        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(out.toByteArray()).isEqualTo(json);
        assertThat(VconForm.isGzip(gzip)).isTrue();
        assertThat(codec.read(gzip).vcon()).isEqualTo(codec.read(json).vcon());
        assertThat(tree.get("uuid").textValue()).isEqualTo(vcon.uuid());
        assertThat(codec.read(json).vcon().toBuilder().updatedAt(null).build())
                .isEqualTo(vcon.toBuilder().updatedAt(null).build());
    }

    @Test
    void creating() {
        // example: creating
        Vcon vcon = Vcon.create("example.com");                 // UUIDv8 for the domain, created_at now
        String uuid = vcon.uuid();                              // time first: uuids sort by creation
        Clock clock = Clock.fixed(Instant.parse("2026-11-20T15:04:05Z"), ZoneOffset.UTC);
        Vcon pinned = VconEditor.create("example.com", clock);  // every operation has a Clock overload
        String strolid = VconUuid.forDomain("strolid.com");     // always ends in 9dd8-dd37220d739c
        // end example

        assertThat(VconUuid.isValid(uuid)).isTrue();
        assertThat(VconUuid.version(uuid)).isEqualTo(8);
        assertThat(uuid.substring(19)).isEqualTo(pinned.uuid().substring(19));
        assertThat(strolid).endsWith("-9dd8-dd37220d739c");
        assertThat(pinned.createdAt()).isEqualTo(OffsetDateTime.parse("2026-11-20T15:04:05Z"));
        assertThat(vcon.parties()).isEmpty();
        assertThat(vcon.dialog()).isEmpty();
        assertThat(vcon.extras().isEmpty()).isTrue();
        assertThat(Vcon.create("example.com").uuid()).isGreaterThan(uuid);
    }

    @Test
    void changing() {
        Vcon vcon = conversation().toBuilder().updatedAt(null).build();

        // example: changing
        Vcon renamed = vcon.withSubject("Refund request");      // a new vCon with updated_at now
        Vcon edited = vcon.edit(b -> b.subject("Refund").extensions(List.of("CC")));  // one bump for all
        Vcon exact = vcon.toBuilder().subject("Refund").build(); // the builder leaves updated_at alone
        // end example

        assertThat(vcon.subject()).isNull();
        assertThat(vcon.updatedAt()).isNull();
        assertThat(renamed.subject()).isEqualTo("Refund request");
        assertThat(renamed.updatedAt()).isNotNull();
        assertThat(edited.extensions()).containsExactly("CC");
        assertThat(edited.updatedAt()).isNotNull();
        assertThat(exact.updatedAt()).isNull();
        assertThat(exact.subject()).isEqualTo("Refund");
    }

    @Test
    void building() {
        byte[] audio = AUDIO;
        byte[] pdf = PDF;
        byte[] fetched = REMOTE_AUDIO;

        // example: building
        Vcon vcon = Vcon.create("example.com");
        VconEditor.Added<Party> alice = VconEditor.addParty(vcon, Party.ofTel("+15551234567"));
        VconEditor.Added<Party> bob = VconEditor.addParty(alice.vcon(),
                Party.builder().mailto("bob@example.com").name("Bob").type(Party.PERSON).build());
        vcon = bob.vcon();

        OffsetDateTime start = OffsetDateTime.parse("2026-11-20T15:04:05Z");
        VconEditor.Added<Dialog> call = VconEditor.addInlineRecording(vcon, start, 125.5,
                new int[] {alice.index(), bob.index()}, audio, "audio/x-wav", "call.wav");
        vcon = call.vcon();
        vcon = VconEditor.addTextDialog(vcon, start.plusMinutes(3), bob.index(), List.of(alice.index()),
                "Your refund is on its way.", "text/plain").vcon();
        vcon = VconEditor.addAttachment(vcon, "invoice", bob.index(), call.index(), "application/pdf",
                Content.bytes(pdf)).vcon();
        VconEditor.Added<Analysis> transcript = VconEditor.addAnalysis(vcon, "transcript",
                List.of(call.index()), "ExampleASR", "text/plain", Content.text("Hi, I am calling about my bill."));
        vcon = transcript.vcon();
        // end example

        assertThat(List.of(alice.index(), bob.index(), call.index(), transcript.index())).containsExactly(0, 1, 0, 0);
        assertThat(vcon.dialog()).extracting(Dialog::type).containsExactly(Dialog.RECORDING, Dialog.TEXT);
        assertThat(vcon.dialog().get(0).content().contentHash()).containsExactly(ContentHashes.sha512(audio));
        assertThat(vcon.dialog().get(0).content().decodeBody()).isEqualTo(audio);
        assertThat(vcon.attachments().get(0).dialog()).isEqualTo(0);
        assertThat(VconCodec.strict().validate(vcon)).noneMatch(Problem::isError);
        Vcon built = vcon;
        assertThatThrownBy(() -> VconEditor.addTextDialog(built, start, 7, List.of(0), "hi", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fromParty");

        // example: more-dialogs
        vcon = VconEditor.addIncompleteDialog(vcon, start.plusMinutes(4),
                new int[] {bob.index(), alice.index()}, "no-answer").vcon();      // a call attempt that failed
        VconEditor.Added<Party> carol = VconEditor.addParty(vcon, Party.ofMailto("carol@example.com"));
        VconEditor.Added<Dialog> consult = VconEditor.addExternalRecording(carol.vcon(), start.plusMinutes(5),
                30, new int[] {carol.index(), alice.index()}, "https://media.example.com/rec/2.wav", fetched,
                "audio/x-wav", "2.wav");                                     // sha512 of the fetched bytes
        vcon = VconEditor.addTransferDialog(consult.vcon(), start.plusMinutes(6),
                alice.index(), bob.index(), carol.index(),   // transferee, transferor, transfer target
                call.index(), consult.index()).vcon();       // original dialog, target dialog
        // end example

        assertThat(vcon.dialog()).extracting(Dialog::type)
                .containsExactly(Dialog.RECORDING, Dialog.TEXT, Dialog.INCOMPLETE, Dialog.RECORDING, Dialog.TRANSFER);
        assertThat(vcon.dialog().get(3).content().isExternal()).isTrue();
        assertThat(vcon.dialog().get(4).targetDialog()).containsExactly(3);
        assertThat(vcon.dialog().get(4).transferTarget()).containsExactly(2);
        assertThat(VconCodec.strict().validate(vcon)).noneMatch(Problem::isError);
        Vcon withTransfer = vcon;
        assertThatThrownBy(() -> VconEditor.addTransferDialog(withTransfer, start, 0, 1, 1, 2, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("original");
    }

    @Test
    void validating() {
        // example: validating
        Vcon handMade = Vcon.builder()
                .uuid(VconUuid.forDomain("example.com"))
                .createdAt(OffsetDateTime.now(ZoneOffset.UTC))
                .dialog(List.of(Dialog.builder(Dialog.TEXT).parties(0, 1).mediatype("text/plain")
                        .content(Content.text("hi")).build()))
                .build();                                                // builders check nothing
        List<Problem> problems = VconCodec.strict().validate(handMade);  // as if its JSON had arrived
        boolean valid = problems.stream().noneMatch(Problem::isError);   // false: no parties 0 and 1
        // end example

        assertThat(valid).isFalse();
        assertThat(problems).filteredOn(Problem::isError).extracting(Problem::path)
                .containsExactly("dialog[0].parties[0]", "dialog[0].parties[1]");
    }

    @Test
    void extras() {
        // example: extras
        Vcon vcon = VconCodec.lenient().parse("""
                {"uuid": "019b0a4e-2c1a-8e3f-9dd8-dd37220d739c", "created_at": "2026-11-20T15:04:05Z",
                 "meta": {"crm_id": "C-1001"},
                 "parties": [{"tel": "+15551234567", "role": "customer", "x_score": 7}]}
                """);
        JsonNode meta = vcon.extras().get("meta");                          // a copy: extras are immutable
        Set<String> names = vcon.parties().get(0).extras().names();         // [role, x_score], in order
        Party agent = Party.builder().name("Bob").extra("role", TextNode.valueOf("agent")).build();
        String json = VconCodec.lenient().writeString(vcon.withParty(agent)); // all written back in place
        // end example

        assertThat(meta.get("crm_id").textValue()).isEqualTo("C-1001");
        assertThat(names).containsExactly("role", "x_score");
        assertThat(json).contains("{\"tel\":\"+15551234567\",\"role\":\"customer\",\"x_score\":7}")
                .contains("{\"name\":\"Bob\",\"role\":\"agent\"}")
                .contains("\"meta\":{\"crm_id\":\"C-1001\"}");
        assertThat(json.indexOf("\"meta\"")).isGreaterThan(json.indexOf("\"attachments\""));
    }

    @Test
    void content() {
        byte[] wav = AUDIO;

        // example: content
        Content text = Content.text("Your refund is on its way.");  // encoding none: the text as is
        Content audio = Content.bytes(wav);                          // base64url, plus its sha512 hash
        Content json = Content.json(JsonNodeFactory.instance.objectNode().put("score", 0.9));  // any JSON
        Content remote = Content.external("https://media.example.com/rec/2.wav", ContentHashes.sha512(wav));
        // end example

        assertThat(text.encoding()).isEqualTo(Content.NONE);
        assertThat(audio.encoding()).isEqualTo(Content.BASE64URL);
        assertThat(audio.decodeBody()).isEqualTo(wav);
        assertThat(ContentHashes.matches(audio.contentHash(), wav)).isTrue();
        assertThat(json.encoding()).isEqualTo(Content.JSON);
        assertThat(json.body().get("score").doubleValue()).isEqualTo(0.9);
        assertThat(remote.isExternal()).isTrue();
        assertThat(remote.isInline()).isFalse();
    }

    @Test
    void externalContent() {
        Vcon vcon = conversation();

        // example: external-content
        Content content = vcon.dialog().get(1).content();
        if (content.isInline()) {
            byte[] bytes = content.decodeBody();        // base64url decoded, text as UTF-8, json as text
        } else if (content.isExternal()) {
            byte[] bytes = httpGet(content.url());      // with your HTTP client
            VconEditor.verifyExternal(content, bytes);  // InvalidVconException unless content_hash matches
        }
        // end example

        assertThat(content.isExternal()).isTrue();
        assertThatThrownBy(() -> VconEditor.verifyExternal(content, "tampered".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidVconException.class,
                        e -> assertThat(e.errors()).extracting(Problem::path).containsExactly("content_hash"));
        assertThat(vcon.dialog().get(0).content().decodeBody()).isEqualTo(AUDIO);
    }

    @Test
    void contentHashes() {
        byte[] bytes = AUDIO;
        byte[] other = PDF;

        // example: content-hashes
        String sha512 = ContentHashes.sha512(bytes);                   // "sha512-" + base64url digest
        String sha256 = ContentHashes.compute("sha256", bytes);
        ContentHashes.verify(List.of(sha512, sha256), bytes);          // throws InvalidVconException
        boolean same = ContentHashes.matches(List.of(sha512), other);  // the same check, as a boolean
        // end example

        assertThat(sha512).startsWith("sha512-").doesNotContain("=");
        assertThat(sha256).startsWith("sha256-");
        assertThat(same).isFalse();
        assertThatThrownBy(() -> ContentHashes.verify(List.of(sha512), other))
                .isInstanceOf(InvalidVconException.class);
        assertThat(ContentHashes.isWellFormed(sha512)).isTrue();
    }

    @Test
    void tagsAndExtensions() {
        Vcon vcon = conversation();

        // example: tags
        vcon = VconTags.addTag(vcon, "priority", "high");          // adding a name again replaces its value
        vcon = VconTags.addTag(vcon, "queue", "billing:tier-2");   // values may contain ':', names may not
        Optional<String> priority = VconTags.getTag(vcon, "priority");
        Map<String, String> tags = VconTags.tags(vcon);            // in stored order
        vcon = VconTags.removeTag(vcon, "queue");
        // end example

        assertThat(priority).contains("high");
        assertThat(tags).containsExactly(Map.entry("priority", "high"), Map.entry("queue", "billing:tier-2"));
        assertThat(VconTags.tags(vcon)).containsOnlyKeys("priority");
        assertThat(vcon.attachments().get(VconFinder.attachmentsOfPurpose(vcon, VconTags.PURPOSE).get(0))
                .content().body().toString()).isEqualTo("[\"priority:high\"]");

        // example: extensions
        vcon = VconTags.addExtension(vcon, "CC");             // compatible: receivers may ignore it
        vcon = VconTags.addCritical(vcon, "lawful_basis");    // incompatible: in critical and extensions
        vcon = VconTags.removeExtension(vcon, "CC");          // from both lists
        // end example

        assertThat(vcon.extensions()).containsExactly("lawful_basis");
        assertThat(vcon.critical()).containsExactly("lawful_basis");
        byte[] json = VconCodec.lenient().write(vcon);
        assertThat(VconCodec.lenient().check(json)).filteredOn(Problem::isError).extracting(Problem::path)
                .containsExactly("critical[0]");
        VconCodec supporting = new VconCodec(ValidationOptions.lenient().withSupportedExtensions(Set.of("lawful_basis")));
        assertThat(supporting.read(json).vcon()).isEqualTo(vcon);
    }

    @Test
    void finding() {
        Vcon vcon = conversation();

        // example: finding
        OptionalInt alice = VconFinder.findPartyByTel(vcon, "+1 (555) 123-4567");      // separators ignored
        OptionalInt bob = VconFinder.findPartyByMailto(vcon, "mailto:Bob@Example.com"); // case ignored
        OptionalInt bot = VconFinder.findPartyIndex(vcon, p -> Party.BOT.equals(p.type()));
        List<Integer> recordings = VconFinder.dialogsOfType(vcon, Dialog.RECORDING);
        List<Integer> transcripts = VconFinder.analysisOfType(vcon, "transcript");
        List<Integer> invoices = VconFinder.attachmentsOfPurpose(vcon, "invoice");
        // end example

        assertThat(alice).hasValue(0);
        assertThat(bob).hasValue(1);
        assertThat(bot).hasValue(2);
        assertThat(recordings).containsExactly(0, 1);
        assertThat(transcripts).containsExactly(0);
        assertThat(invoices).containsExactly(0);
        assertThat(VconFinder.findPartyByName(vcon, "BOB")).hasValue(1);
        assertThat(VconFinder.findPartyByTel(vcon, "+15550000000")).isEmpty();
    }

    @Test
    void redacting() {
        Vcon vcon = conversation().withSubject("Alice's refund");

        // example: redacting
        RedactionPlan plan = RedactionPlan.builder()
                .maskPartyFields("tel", "name")    // present values become "[REDACTED]"
                .removePartyFields("mailto")
                .stripDialogContent(0)             // the body goes; type, mediatype and content_hash stay
                .dropAnalysis("transcript")        // leaves a placeholder holding only the type
                .dropSubject()
                .build();
        Vcon redacted = VconRedactor.redact(vcon, "PII Redaction", plan, "example.com", Clock.systemUTC());
        // end example

        assertThat(redacted.uuid()).isNotEqualTo(vcon.uuid());
        assertThat(redacted.redacted().uuid()).isEqualTo(vcon.uuid());
        assertThat(redacted.redacted().type()).isEqualTo("PII Redaction");
        assertThat(redacted.subject()).isNull();
        assertThat(redacted.parties()).hasSameSizeAs(vcon.parties());
        assertThat(redacted.parties().get(0).tel()).isEqualTo(RedactionPlan.DEFAULT_MASK);
        assertThat(redacted.parties().get(1).mailto()).isNull();
        assertThat(redacted.parties().get(2).tel()).isNull();
        assertThat(redacted.dialog()).hasSameSizeAs(vcon.dialog());
        assertThat(redacted.dialog().get(0).content().isInline()).isFalse();
        assertThat(redacted.dialog().get(0).content().contentHash()).containsExactly(ContentHashes.sha512(AUDIO));
        assertThat(redacted.dialog().get(0).mediatype()).isEqualTo("audio/x-wav");
        assertThat(redacted.analysis()).hasSize(1);
        assertThat(redacted.analysis().get(0).type()).isEqualTo("transcript");
        assertThat(redacted.analysis().get(0).content().isEmpty()).isTrue();
        assertThat(VconFinder.attachmentsOfPurpose(redacted, "invoice")).containsExactly(0);
        assertThat(vcon.parties().get(0).tel()).isEqualTo("tel:+15551234567");
        assertThat(VconCodec.lenient().validate(redacted)).noneMatch(Problem::isError);
    }

    @Test
    void amending() {
        Vcon vcon = conversation();

        // example: amending
        Vcon amended = VconRedactor.amend(vcon, v -> VconEditor.addAnalysis(v, "summary", List.of(0),
                "ExampleLLM", "text/plain", Content.text("Refund issued.")).vcon(), "example.com", Clock.systemUTC());
        // end example

        assertThat(amended.uuid()).isNotEqualTo(vcon.uuid());
        assertThat(amended.amended().uuid()).isEqualTo(vcon.uuid());
        assertThat(amended.analysis()).hasSize(vcon.analysis().size() + 1);
        assertThat(vcon.analysis()).hasSize(1);
        assertThat(VconCodec.strict().validate(amended)).noneMatch(Problem::isError);
    }

    @Test
    void signingVerifyingEncryptingOpening() {
        TestPki pki = TestPki.shared();
        Vcon vcon = conversation();
        String keyPem = TestPki.pem(pki.leaf.privateKey());
        String chainPem = TestPki.pem(pki.chain());
        String rootPem = TestPki.pem(List.of(pki.root.certificate()));
        String recipientPem = TestPki.pem(List.of(pki.lone.certificate()));
        String recipientKeyPem = TestPki.pem(pki.lone.privateKey());
        PrivateKey archiveKey = pki.ecLeaf.privateKey();
        List<X509Certificate> archiveChain = List.of(pki.ecLeaf.certificate(), pki.intermediate.certificate());

        // example: signing
        PrivateKey key = VconKeys.readPrivateKey(keyPem);                       // PKCS#8 or PKCS#1 PEM
        List<X509Certificate> chain = VconKeys.readCertificateChain(chainPem);  // leaf first
        byte[] unsigned = VconCodec.lenient().write(vcon);
        ObjectNode signed = VconSigner.sign(unsigned, vcon.uuid(), key, chain); // RS256, or ES256.. for EC
        byte[] signedBytes = signed.toString().getBytes(StandardCharsets.UTF_8);
        // end example

        assertThat(VconForm.detect(signed)).isEqualTo(VconForm.SIGNED);
        assertThat(signed.at("/signatures/0/header/uuid").textValue()).isEqualTo(vcon.uuid());
        assertThat(signed.at("/signatures/0/header/alg").textValue()).isEqualTo("RS256");

        // example: verifying
        X509Certificate root = VconKeys.readCertificateChain(rootPem).get(0);
        VconVerifier verifier = new VconVerifier(TrustOptions.anchoredAt(List.of(root)));  // share it
        VerifiedVcon verified = verifier.verify(signed);          // InvalidVconException if anything fails
        Vcon received = VconCodec.lenient().read(verified.payload()).vcon();
        X509Certificate signer = verified.signerChain().get(0);
        // end example

        assertThat(received).isEqualTo(vcon);
        assertThat(signer).isEqualTo(pki.leaf.certificate());
        assertThat(verified.warnings()).isEmpty();
        VconVerifier strangers = new VconVerifier(TrustOptions.anchoredAt(List.of(pki.lone.certificate())));
        assertThatThrownBy(() -> strangers.verify(signed)).isInstanceOf(InvalidVconException.class);
        ObjectNode tampered = signed.deepCopy();
        tampered.put("payload", Base64.getUrlEncoder().withoutPadding()
                .encodeToString(VconCodec.lenient().write(vcon.withSubject("forged"))));
        assertThatThrownBy(() -> verifier.verify(tampered)).isInstanceOf(InvalidVconException.class);

        // example: archiving
        ObjectNode archive = VconSigner.sign(signedBytes, vcon.uuid(), archiveKey, archiveChain);  // JWS in JWS
        VerifiedVcon unwrapped = verifier.verify(archive);   // every layer is checked, outermost first
        int layers = unwrapped.layers().size();              // 2; payload() is still the unsigned vCon
        // end example

        assertThat(layers).isEqualTo(2);
        assertThat(unwrapped.layers().get(0).alg()).isEqualTo("ES256");
        assertThat(unwrapped.payload()).isEqualTo(unsigned);

        // example: encrypting
        X509Certificate recipient = VconKeys.readCertificateChain(recipientPem).get(0);  // RSA, 2048+ bits
        ObjectNode encrypted = VconEncryptor.encrypt(signedBytes, vcon.uuid(), List.of(recipient));
        // end example

        assertThat(VconForm.detect(encrypted)).isEqualTo(VconForm.ENCRYPTED);
        assertThat(encrypted.toString()).doesNotContain("Your refund");

        // example: decrypting
        PrivateKey recipientKey = VconKeys.readPrivateKey(recipientKeyPem);
        DecryptedVcon decrypted = VconDecryptor.open(encrypted, recipientKey);  // tries every recipient
        JsonNode signedAgain = VconCodec.lenient().readJson(decrypted.plaintext());  // the signed form
        VerifiedVcon checked = verifier.verify(signedAgain);
        // end example

        assertThat(decrypted.plaintext()).isEqualTo(signedBytes);
        assertThat(decrypted.uuid()).contains(vcon.uuid());
        assertThat(decrypted.warnings()).isEmpty();
        assertThat(checked.payload()).isEqualTo(unsigned);
        assertThatThrownBy(() -> VconDecryptor.open(encrypted, key)).isInstanceOfSatisfying(
                InvalidVconException.class, e -> assertThat(e.errors()).extracting(Problem::path)
                        .containsExactly("recipients"));

        // example: opening
        VconOpener opener = new VconOpener(VconCodec.lenient(), Optional.of(verifier), Optional.of(recipientKey));
        VconOpener.Opened opened = opener.open(encrypted.toString().getBytes(StandardCharsets.UTF_8));
        Vcon inside = opened.vcon();                  // validated, whatever form it came in
        VconForm form = opened.form();                // ENCRYPTED here; SIGNED and UNSIGNED open alike
        List<Problem> warnings = opened.warnings();   // from decryption, verification and validation
        // end example

        assertThat(inside).isEqualTo(vcon);
        assertThat(form).isEqualTo(VconForm.ENCRYPTED);
        assertThat(warnings).isEmpty();
        assertThat(opened.signerChain()).first().isEqualTo(pki.leaf.certificate());
        assertThat(opener.open(signedBytes).form()).isEqualTo(VconForm.SIGNED);
        assertThat(opener.open(gzip(signedBytes)).vcon()).isEqualTo(vcon);
        assertThat(opener.open(unsigned).form()).isEqualTo(VconForm.UNSIGNED);
        assertThat(opener.open(archive.toString().getBytes(StandardCharsets.UTF_8)).vcon()).isEqualTo(vcon);
        VconOpener plain = VconOpener.unsignedOnly(VconCodec.lenient());
        assertThatThrownBy(() -> plain.open(signedBytes)).isInstanceOfSatisfying(InvalidVconException.class,
                e -> assertThat(e.getMessage()).contains("signed"));
        assertThatThrownBy(() -> VconCodec.lenient().read(signedBytes)).isInstanceOfSatisfying(
                InvalidVconException.class, e -> assertThat(e.getMessage()).contains("VconOpener"));
    }

    @Test
    void legacy() {
        // example: legacy
        String old = """
                {
                  "vcon": "0.0.2",
                  "uuid": "018f7e6a-3b2c-4d4e-a1b2-6c0f5e9d7a11",
                  "created_at": "2024-05-14T09:30:00Z",
                  "appended": {"uuid": "018f7e6a-0000-4d4e-a1b2-6c0f5e9d7a11"},
                  "parties": [{"tel": "+14155550100"}, {"tel": "+14155550199"}],
                  "dialog": [{"type": "text", "start": "2024-05-14T09:30:02Z", "parties": [0, 1],
                              "mimetype": "text/plain", "body": "Hello", "encoding": "none"}],
                  "attachments": [{"type": "tags", "party": 0, "encoding": "json",
                                   "body": "[\\"customer:vip\\"]"}]
                }
                """;
        ReadResult result = VconCodec.lenient().read(old);                // a warning for each rewrite
        String current = VconCodec.lenient().writeString(result.vcon());  // what `vcon migrate` prints
        // end example

        assertThat(result.warnings()).extracting(Problem::path).contains("appended", "dialog[0].mimetype",
                "attachments[0].type", "attachments[0].body");
        assertThat(result.vcon().amended().uuid()).isEqualTo("018f7e6a-0000-4d4e-a1b2-6c0f5e9d7a11");
        assertThat(VconTags.getTag(result.vcon(), "customer")).contains("vip");
        assertThat(current).startsWith("{\"vcon\":\"0.4.0\",")
                .contains("\"amended\":{", "\"mediatype\":\"text/plain\"", "\"purpose\":\"tags\"",
                        "\"body\":[\"customer:vip\"]")
                .doesNotContain("appended", "mimetype");
        assertThat(VconCodec.strict().check(current.getBytes(StandardCharsets.UTF_8))).noneMatch(Problem::isError);
    }

    /** Every row of the guide's legacy table, in one 0.0.1/0.3.0 mix read leniently and written back. */
    @Test
    void everyLegacyRewriteInTheGuide() {
        String old = """
                {"vcon": "0.3.0", "uuid": "%s", "created_at": "2024-05-14T09:30:00Z",
                 "extensions": ["lawful_basis"], "must_support": ["lawful_basis"],
                 "appended": {"uuid": "018f7e6a-0000-4d4e-a1b2-6c0f5e9d7a11"},
                 "parties": [{"tel": "+14155550100"}, {"tel": "+14155550199"}],
                 "dialog": [
                   {"type": "audio", "start": "2024-05-14T09:30:02Z", "parties": [0, 1], "mimetype": "audio/x-wav",
                    "url": "https://example.com/a.wav", "alg": "SHA-512",
                    "signature": "GBSDgj74H4w5hqoLg33xWd-rsL9I8lQXMTpbEhUrSaw6B_FPzYP3y6A4SpAOqm2WaCUqpzRBNeBucbgWeQKZSA"},
                   {"type": "recording", "start": "2024-05-14T09:31:10Z", "parties": [0, 1], "mimetype": "audio/ogg",
                    "body": "T2dnUwAC+/+//j4/b3B1cy1oZWFkLWZha2U=", "encoding": "base64"},
                   {"type": "text", "start": "2024-05-14T09:33:00Z", "parties": [1, 0], "mediatype": "text/plain",
                    "body": "Your order ships tomorrow.", "encoding": "none"},
                   {"type": "transfer", "start": "2024-05-14T09:34:00Z", "transferee": 0, "transferor": 1,
                    "transfer-target": 1, "original": 0, "target-dialog": 2}],
                 "analysis": [{"type": "transcript", "dialog": 0, "vendor": "deepgram", "mimetype": "application/json",
                               "body": "{\\"transcript\\": \\"Hi\\"}", "encoding": "json"}],
                 "attachments": [{"type": "tags", "party": 0, "body": "[\\"customer:vip\\"]", "encoding": "json"}]}
                """.formatted(UUID);
        VconCodec codec = new VconCodec(ValidationOptions.lenient().withSupportedExtensions(Set.of("lawful_basis")));

        ReadResult result = codec.read(old);
        String current = codec.writeString(result.vcon());

        assertThat(result.warnings()).extracting(Problem::path).contains("appended", "must_support",
                "dialog[0].mimetype", "dialog[0].alg", "dialog[0].type", "dialog[1].encoding",
                "dialog[3].transfer-target", "dialog[3].target-dialog", "analysis[0].body", "attachments[0].type");
        assertThat(current).contains("\"critical\":[\"lawful_basis\"]", "\"amended\":{",
                "\"type\":\"recording\"", "\"content_hash\":\"sha512-GBSDgj74H4w5hqoLg33xWd-rsL9I8lQXMTpbEhUrSaw6B_",
                "\"encoding\":\"base64url\"", "\"transfer_target\":1", "\"target_dialog\":2",
                "\"body\":{\"transcript\":\"Hi\"}", "\"purpose\":\"tags\"")
                .doesNotContain("mimetype", "appended", "must_support", "transfer-target", "target-dialog",
                        "\"alg\"", "\"signature\"", "\"audio\"", "\"base64\"");
        VconCodec strict = new VconCodec(ValidationOptions.strict().withSupportedExtensions(Set.of("lawful_basis")));
        assertThat(strict.check(old.getBytes(StandardCharsets.UTF_8))).filteredOn(Problem::isError)
                .extracting(Problem::path).containsExactly("dialog[0].type");  // audio is read as recording leniently only
    }

    /** The example in the guide and the region here must be the same text, region for region. */
    @Test
    void docsMatchTheExamples() throws IOException {
        Map<String, String> guide = guideExamples(Files.readString(GUIDE));
        Map<String, String> source = sourceRegions(Files.readString(SOURCE));

        assertThat(guide.keySet()).as("examples in %s without a region in %s", GUIDE, SOURCE)
                .isSubsetOf(source.keySet());
        assertThat(source.keySet()).as("regions in %s that %s does not use", SOURCE, GUIDE)
                .isSubsetOf(guide.keySet());
        guide.forEach((name, code) -> assertThat(code).as("example '%s' in %s", name, GUIDE)
                .isEqualTo(source.get(name)));
        assertThat(guide).hasSizeGreaterThanOrEqualTo(20);
    }

    /** Every ```java block, keyed by the {@code <!-- example: name -->} comment just before it. */
    private static Map<String, String> guideExamples(String markdown) {
        Map<String, String> examples = new LinkedHashMap<>();
        List<String> lines = markdown.lines().toList();
        String pending = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher marker = DOC_MARKER.matcher(line);
            if (marker.matches()) {
                pending = marker.group(1);
            } else if (line.strip().startsWith("```java")) {
                if (pending == null) {
                    fail("%s line %d: a ```java block without an <!-- example: name --> comment before it", GUIDE, i + 1);
                }
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                    end++;
                }
                if (end == lines.size()) {
                    fail("%s line %d: the ```java block is never closed", GUIDE, i + 1);
                }
                put(examples, pending, normalize(lines.subList(i + 1, end)), GUIDE);
                pending = null;
                i = end;
            } else if (pending != null && !line.isBlank()) {
                fail("%s line %d: <!-- example: %s --> is not followed by a ```java block", GUIDE, i + 1, pending);
            }
        }
        if (pending != null) {
            fail("%s: <!-- example: %s --> at the end is not followed by a ```java block", GUIDE, pending);
        }
        return examples;
    }

    /** Every region of this file, keyed by its name. */
    private static Map<String, String> sourceRegions(String java) {
        Map<String, String> regions = new LinkedHashMap<>();
        List<String> lines = java.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher start = REGION_START.matcher(lines.get(i));
            if (REGION_END.matcher(lines.get(i)).matches()) {
                fail("%s line %d: an end marker without a start", SOURCE, i + 1);
            }
            if (!start.matches()) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !REGION_END.matcher(lines.get(end)).matches()) {
                if (REGION_START.matcher(lines.get(end)).matches()) {
                    fail("%s line %d: region %s is not closed before the next one", SOURCE, i + 1, start.group(1));
                }
                end++;
            }
            if (end == lines.size()) {
                fail("%s line %d: region %s is never closed", SOURCE, i + 1, start.group(1));
            }
            put(regions, start.group(1), normalize(lines.subList(i + 1, end)), SOURCE);
            i = end;
        }
        return regions;
    }

    private static void put(Map<String, String> map, String name, String code, Path where) {
        if (map.put(name, code) != null) {
            fail("%s: the example name '%s' is used twice", where, name);
        }
    }

    /** Trailing whitespace and blank edge lines removed, then the indentation all lines share. */
    static String normalize(List<String> lines) {
        List<String> trimmed = new ArrayList<>(lines.stream().map(String::stripTrailing).toList());
        while (!trimmed.isEmpty() && trimmed.get(0).isEmpty()) {
            trimmed.remove(0);
        }
        while (!trimmed.isEmpty() && trimmed.get(trimmed.size() - 1).isEmpty()) {
            trimmed.remove(trimmed.size() - 1);
        }
        int indent = trimmed.stream().filter(l -> !l.isEmpty())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", trimmed.stream().map(l -> l.isEmpty() ? l : l.substring(indent)).toList());
    }

    /** Two parties and a bot, an inline and an external recording, an invoice and a transcript. */
    private static Vcon conversation() {
        OffsetDateTime start = OffsetDateTime.parse("2026-11-20T15:04:05Z");
        Vcon vcon = Vcon.create("example.com");
        vcon = VconEditor.addParty(vcon, Party.builder().tel("tel:+15551234567").name("Alice").validation("none").build()).vcon();
        vcon = VconEditor.addParty(vcon, Party.builder().tel("+15557654321").mailto("bob@example.com")
                .name("Bob").validation("employee-id").build()).vcon();
        vcon = VconEditor.addParty(vcon, Party.builder().name("Helper").type(Party.BOT).validation("none").build()).vcon();
        vcon = VconEditor.addInlineRecording(vcon, start, 125.5, new int[] {0, 1}, AUDIO, "audio/x-wav", "call.wav")
                .vcon();
        vcon = VconEditor.addExternalRecording(vcon, start.plusMinutes(3), 30, new int[] {1, 0},
                "https://media.example.com/rec/2.wav", REMOTE_AUDIO, "audio/x-wav", "2.wav").vcon();
        vcon = VconEditor.addAttachment(vcon, "invoice", 1, 0, "application/pdf", Content.bytes(PDF)).vcon();
        return VconEditor.addAnalysis(vcon, "transcript", List.of(0), "ExampleASR", "text/plain",
                Content.text("Hi, I am calling about my bill.")).vcon();
    }

    /** Stands in for the caller's HTTP client in the external-content example. */
    private static byte[] httpGet(String url) {
        assertThat(url).isEqualTo("https://media.example.com/rec/2.wav");
        return REMOTE_AUDIO;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
