package io.conserver.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conserver.domain.fixtures.VconFixtures;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconCodec;
import io.conserver.domain.vcon.jose.TestPki;
import io.conserver.domain.vcon.jose.VconEncryptor;
import io.conserver.domain.vcon.jose.VconSigner;
import io.conserver.server.ServerFixture;
import io.conserver.server.config.ConserverConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With {@code api.trust_anchors} and {@code api.decryption_key} set, signed and encrypted vCons are
 * opened, verified against the anchors and stored unsigned; a signature from elsewhere is refused.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SignedVconIntakeTest {
    private static final TestPki PKI = TestPki.shared();
    private static final Path KEYS = writeKeys();
    static final DropwizardAppExtension<ConserverConfiguration> APP = ServerFixture.app(
            "api.trust_anchors", KEYS.resolve("root.pem").toString(),
            "api.decryption_key", KEYS.resolve("recipient-key.pem").toString());

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aVconSignedUnderTheTrustedRootIsStoredUnsigned() throws Exception {
        Vcon vcon = VconFixtures.vcon(VconFixtures.tel(VconFixtures.uniqueTel()));
        byte[] signed = json.writeValueAsBytes(VconSigner.sign(VconCodec.lenient().write(vcon), vcon.uuid(),
                PKI.leaf.privateKey(), PKI.chain()));

        Response response = post(signed);

        assertThat(response.getStatus()).isEqualTo(201);
        JsonNode stored = ServerFixture.api(APP).path("vcon").path(vcon.uuid()).request().get(JsonNode.class);
        assertThat(stored.path("uuid").asText()).isEqualTo(vcon.uuid());
        assertThat(stored.has("signatures")).isFalse();
    }

    @Test
    void aVconSignedByAnUntrustedKeyIsRefusedAndNotStored() throws Exception {
        Vcon vcon = VconFixtures.vcon(VconFixtures.tel(VconFixtures.uniqueTel()));
        byte[] signed = json.writeValueAsBytes(VconSigner.sign(VconCodec.lenient().write(vcon), vcon.uuid(),
                PKI.lone.privateKey(), List.of(PKI.lone.certificate())));

        Response response = post(signed);

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(ServerFixture.api(APP).path("vcon").path(vcon.uuid()).request().get().getStatus()).isEqualTo(404);
    }

    @Test
    void anEncryptedSignedVconIsDecryptedVerifiedAndStored() throws Exception {
        Vcon vcon = VconFixtures.vcon(VconFixtures.tel(VconFixtures.uniqueTel()));
        byte[] signed = json.writeValueAsBytes(VconSigner.sign(VconCodec.lenient().write(vcon), vcon.uuid(),
                PKI.leaf.privateKey(), PKI.chain()));
        byte[] encrypted = json.writeValueAsBytes(VconEncryptor.encrypt(signed, vcon.uuid(), List.of(PKI.lone.certificate())));

        Response response = post(encrypted);

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.readEntity(JsonNode.class).path("uuid").asText()).isEqualTo(vcon.uuid());
    }

    private Response post(byte[] body) {
        return ServerFixture.api(APP).path("vcon").request().post(Entity.entity(body, "application/vcon+json"));
    }

    private static Path writeKeys() {
        try {
            Path dir = Files.createTempDirectory("conserver-keys");
            Files.writeString(dir.resolve("root.pem"), TestPki.pem(List.of(PKI.root.certificate())));
            Files.writeString(dir.resolve("recipient-key.pem"), TestPki.pem(PKI.lone.privateKey()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
