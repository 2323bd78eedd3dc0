package io.conserver.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conserver.domain.vcon.jose.TestPki;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code vcon} command line, run in-process on files the tests write. */
class VconCommandTest {
    private static final Path SAMPLE = Path.of("../docs/examples/sample.vcon");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void resetOutput() {
        out = new StringWriter();
        err = new StringWriter();
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = VconCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void validateAcceptsTheSample() {
        assertThat(run("validate", SAMPLE.toString())).isZero();
        assertThat(out.toString()).contains("sample.vcon: valid (0 errors, 0 warnings)");
    }

    @Test
    void validatePrintsEveryProblemWithItsPathAndExitsOne() throws IOException {
        Path bad = write("bad.vcon", """
                {"uuid": "019b0a4e-2c1a-8e3f-9dd8-dd37220d739c", "created_at": "2026-11-20T15:04:05Z",
                 "parties": [{"tel": "+1555"}],
                 "dialog": [{"type": "chat", "parties": [0, 5]}]}
                """);
        assertThat(run("validate", SAMPLE.toString(), bad.toString())).isEqualTo(1);
        assertThat(out.toString())
                .contains("bad.vcon: dialog[0].type: error:")
                .contains("bad.vcon: dialog[0].parties[1]: error:")
                .contains("bad.vcon: invalid (2 errors")
                .contains("sample.vcon: valid");
    }

    @Test
    void validateReportsUnreadableInput() throws IOException {
        Path notJson = write("x.vcon", "{nope");
        assertThat(run("validate", notJson.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("x.vcon: $: error: the input is not valid JSON");
        assertThat(run("validate", dir.resolve("missing.vcon").toString())).isEqualTo(1);
        assertThat(out.toString()).contains("cannot read");
    }

    @Test
    void strictModeTurnsToleratedGapsIntoErrors() throws IOException {
        Path noCreatedAt = write("old.vcon", """
                {"uuid": "019b0a4e-2c1a-8e3f-9dd8-dd37220d739c", "parties": [{"tel": "+15551234567"}]}
                """);
        assertThat(run("validate", noCreatedAt.toString())).isZero();
        assertThat(out.toString()).contains("created_at").contains("warning");
        assertThat(run("validate", "--strict", noCreatedAt.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("created_at: error");
    }

    @Test
    void migrateWritesTheCurrentForm() throws IOException {
        Path old = write("old.vcon", """
                {"vcon": "0.0.1", "uuid": "019b0a4e-2c1a-8e3f-9dd8-dd37220d739c", "created_at": "2022-01-01T00:00:00Z",
                 "parties": [{"tel": "+15551234567"}],
                 "dialog": [{"type": "text", "start": "2022-01-01T00:00:00Z", "parties": [0],
                             "mimetype": "text/plain", "body": "hi", "encoding": "none"}],
                 "appended": {"uuid": "019b0a4e-2c1a-8e3f-9dd8-dd37220d7300"}}
                """);
        assertThat(run("migrate", old.toString())).isZero();
        JsonNode migrated = readJson(out.toString());
        assertThat(migrated.path("vcon").asText()).isEqualTo("0.4.0");
        assertThat(migrated.path("dialog").get(0).path("mediatype").asText()).isEqualTo("text/plain");
        assertThat(migrated.path("dialog").get(0).has("mimetype")).isFalse();
        assertThat(migrated.path("amended").path("uuid").asText()).endsWith("7300");
        assertThat(err.toString()).contains("mimetype").contains("appended");
    }

    @Test
    void newBuildsAValidVconFromFlags() {
        assertThat(run("new", "--domain", "strolid.com", "--subject", "hello",
                "--party", "tel=+15551234567,name=Alice,validation=none", "--party", "mailto=bob@example.com",
                "--text", "0=Hi Bob", "--tag", "queue=billing")).isZero();
        JsonNode vcon = readJson(out.toString());
        assertThat(vcon.path("uuid").asText()).endsWith("9dd8-dd37220d739c");
        assertThat(vcon.path("parties")).hasSize(2);
        assertThat(vcon.path("dialog").get(0).path("body").asText()).isEqualTo("Hi Bob");
        assertThat(vcon.path("dialog").get(0).path("parties").toString()).isEqualTo("[0,1]");
        assertThat(vcon.toString()).contains("queue:billing");
    }

    @Test
    void newRefusesABadPartyField() {
        assertThat(run("new", "--domain", "example.com", "--party", "phone=1")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown field 'phone'");
    }

    @Test
    void signVerifyEncryptDecryptRoundTrip() throws IOException {
        TestPki pki = TestPki.shared();
        Path key = write("key.pem", TestPki.pem(pki.leaf.privateKey()));
        Path chain = write("chain.pem", TestPki.pem(pki.chain()));
        Path root = write("root.pem", TestPki.pem(List.of(pki.root.certificate())));

        assertThat(run("sign", "--signing-key", key.toString(), "--cert", chain.toString(), SAMPLE.toString()))
                .as(err.toString()).isZero();
        Path signed = write("signed.vcon", out.toString());
        assertThat(readJson(out.toString()).path("signatures").get(0).path("header").path("uuid").asText())
                .isEqualTo("019b0a4e-2c1a-8e3f-9dd8-dd37220d739c");

        assertThat(run("verify", "--trust", root.toString(), "--payload", signed.toString())).as(err.toString()).isZero();
        assertThat(err.toString()).contains("signature valid");
        assertThat(readJson(out.toString()).path("uuid").asText()).isEqualTo("019b0a4e-2c1a-8e3f-9dd8-dd37220d739c");

        assertThat(run("encrypt", "--recipient", chain.toString(), signed.toString())).as(err.toString()).isZero();
        Path encrypted = write("encrypted.vcon", out.toString());
        assertThat(readJson(out.toString()).has("ciphertext")).isTrue();

        assertThat(run("validate", "--key", key.toString(), encrypted.toString())).as(out.toString()).isZero();
        assertThat(run("decrypt", "--key", key.toString(), encrypted.toString())).as(err.toString()).isZero();
        assertThat(readJson(out.toString())).isEqualTo(readJson(Files.readString(signed)));
    }

    @Test
    void verifyFailsOnATamperedPayload() throws IOException {
        TestPki pki = TestPki.shared();
        Path key = write("key.pem", TestPki.pem(pki.leaf.privateKey()));
        Path chain = write("chain.pem", TestPki.pem(pki.chain()));
        assertThat(run("sign", "--signing-key", key.toString(), "--cert", chain.toString(), SAMPLE.toString())).isZero();
        ObjectNode jws = (ObjectNode) readJson(out.toString());
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jws.path("payload").asText()),
                StandardCharsets.UTF_8).replace("Billing question", "Billing answer!!");
        jws.put("payload", java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)));
        Path tampered = write("tampered.vcon", jws.toString());
        assertThat(run("verify", tampered.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("signature");
    }

    @Test
    void encryptRefusesAnUnsignedVcon() throws IOException {
        TestPki pki = TestPki.shared();
        Path chain = write("chain.pem", TestPki.pem(pki.chain()));
        assertThat(run("encrypt", "--recipient", chain.toString(), SAMPLE.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("is not signed");
    }

    @Test
    void theJarEntryPointDispatchesToVcon() {
        List<String> args = new ArrayList<>(List.of("vcon", "validate", SAMPLE.toString()));
        assertThat(io.conserver.server.ConserverMainAccess.run(args.toArray(String[]::new))).isZero();
        assertThat(io.conserver.server.ConserverMainAccess.run(new String[] {"bogus"})).isEqualTo(2);
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
