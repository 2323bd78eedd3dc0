package io.conserver.domain.vcon.jose;

import static io.conserver.domain.vcon.jose.VconSignerTest.UUID;
import static io.conserver.domain.vcon.jose.VconSignerTest.VCON;
import static io.conserver.domain.vcon.jose.VconVerifierTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObjectJSON;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import io.conserver.domain.vcon.InvalidVconException;
import io.conserver.domain.vcon.Problem;
import io.conserver.domain.vcon.VconForm;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class VconEncryptionTest {
    private final TestPki pki = TestPki.shared();

    @Test
    void producesTheDraftsGeneralJsonSerialization() throws Exception {
        ObjectNode jwe = VconEncryptor.encrypt(signed(), UUID, List.of(pki.leaf.certificate()));

        assertThat(VconForm.detect(jwe)).isEqualTo(VconForm.ENCRYPTED);
        assertThat(jwe.get("unprotected").get("cty").textValue()).isEqualTo("application/vcon");
        assertThat(jwe.get("unprotected").get("enc").textValue()).isEqualTo("A256CBC-HS512");
        assertThat(jwe.get("unprotected").get("uuid").textValue()).isEqualTo(UUID);
        JsonNode protectedHeader = JoseSupport.MAPPER.readTree(
                Base64.getUrlDecoder().decode(jwe.get("protected").textValue()));
        assertThat(protectedHeader).isEqualTo(JoseSupport.MAPPER.readTree(
                "{\"alg\":\"RSA-OAEP\",\"enc\":\"A256CBC-HS512\"}"));
        assertThat(jwe.at("/recipients/0/header/alg").textValue()).isEqualTo("RSA-OAEP");
        assertThat(jwe.at("/recipients/0/encrypted_key").isTextual()).isTrue();
        assertThat(List.of("iv", "ciphertext", "tag")).allSatisfy(name -> assertThat(jwe.get(name).isTextual()).isTrue());
    }

    @Test
    void encryptThenDecryptRoundTrips() {
        byte[] signed = signed();
        ObjectNode jwe = VconEncryptor.encrypt(signed, UUID, List.of(pki.leaf.certificate()));

        DecryptedVcon decrypted = VconDecryptor.open(jwe, pki.leaf.privateKey());

        assertThat(decrypted.plaintext()).isEqualTo(signed);
        assertThat(decrypted.uuid()).contains(UUID);
        assertThat(decrypted.warnings()).isEmpty();
        assertThat(VconDecryptor.decrypt(jwe, pki.leaf.privateKey())).isEqualTo(signed);
    }

    @Test
    void everyRecipientCanDecrypt() {
        ObjectNode jwe = VconEncryptor.encrypt(signed(), UUID,
                List.of(pki.lone.certificate(), pki.leaf.certificate().getPublicKey()));

        assertThat(jwe.get("recipients")).hasSize(2);
        assertThat(VconDecryptor.decrypt(jwe, pki.lone.privateKey())).isEqualTo(signed());
        assertThat(VconDecryptor.decrypt(jwe, pki.leaf.privateKey())).isEqualTo(signed());
    }

    @Test
    void theWrongKeyFailsCleanly() {
        ObjectNode jwe = VconEncryptor.encrypt(signed(), UUID, List.of(pki.leaf.certificate()));

        assertThat(paths(() -> VconDecryptor.decrypt(jwe, pki.lone.privateKey()))).containsExactly("recipients");
    }

    @Test
    void tamperedCiphertextTagOrProtectedHeaderFail() {
        for (String member : List.of("ciphertext", "tag", "iv")) {
            ObjectNode jwe = VconEncryptor.encrypt(signed(), UUID, List.of(pki.leaf.certificate()));
            String value = jwe.get(member).textValue();
            jwe.put(member, (value.charAt(0) == 'A' ? 'B' : 'A') + value.substring(1));

            assertThat(paths(() -> VconDecryptor.decrypt(jwe, pki.leaf.privateKey()))).as(member)
                    .containsExactly("ciphertext");
        }
        ObjectNode jwe = VconEncryptor.encrypt(signed(), UUID, List.of(pki.leaf.certificate()));
        jwe.put("protected", JoseSupport.encodeJson(JoseSupport.MAPPER.createObjectNode()
                .put("enc", "A256CBC-HS512").put("alg", "RSA-OAEP")));
        assertThat(paths(() -> VconDecryptor.decrypt(jwe, pki.leaf.privateKey()))).containsExactly("ciphertext");
    }

    @Test
    void signEncryptDecryptVerify() {
        ObjectNode jws = VconSigner.sign(VCON, UUID, pki.leaf.privateKey(), pki.chain());
        ObjectNode jwe = VconEncryptor.encrypt(bytes(jws), UUID, List.of(pki.lone.certificate()));
        JsonNode wire = reparse(bytes(jwe));

        byte[] plaintext = VconDecryptor.decrypt(wire, pki.lone.privateKey());
        VerifiedVcon verified = new VconVerifier(TestTrust.anchored(pki.root)).verify(reparse(plaintext));

        assertThat(verified.payload()).isEqualTo(VCON);
        assertThat(verified.uuid()).contains(UUID);
    }

    @Test
    void aUuidThatDiffersFromTheSignedHeaderIsAWarning() {
        ObjectNode jwe = VconEncryptor.encrypt(signed(), "another-uuid", List.of(pki.leaf.certificate()));

        List<Problem> warnings = VconDecryptor.open(jwe, pki.leaf.privateKey()).warnings();

        assertThat(warnings).singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("unprotected.uuid"));
    }

    @Test
    void ctyMustBeAVconMediaType() {
        ObjectNode jwe = VconEncryptor.encrypt(signed(), UUID, List.of(pki.leaf.certificate()));
        ((ObjectNode) jwe.get("unprotected")).put("cty", "application/vcon+json");
        assertThat(VconDecryptor.decrypt(jwe, pki.leaf.privateKey())).isEqualTo(signed());

        ((ObjectNode) jwe.get("unprotected")).put("cty", "text/plain");
        assertThat(paths(() -> VconDecryptor.decrypt(jwe, pki.leaf.privateKey()))).containsExactly("unprotected.cty");
    }

    @Test
    void aJweWrittenByNimbusWithDisjointHeadersDecrypts() throws Exception {
        JWEObjectJSON nimbus = new JWEObjectJSON(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256,
                EncryptionMethod.A256GCM).contentType("application/vcon").build(), new Payload(signed()));
        nimbus.encrypt(new RSAEncrypter((RSAPublicKey) pki.leaf.certificate().getPublicKey()));

        DecryptedVcon decrypted = VconDecryptor.open(reparse(nimbus.serializeGeneral().getBytes()), pki.leaf.privateKey());

        assertThat(decrypted.plaintext()).isEqualTo(signed());
    }

    @Test
    void badRecipientsAndKeysAreProgrammingErrors() {
        assertThatThrownBy(() -> VconEncryptor.encrypt(signed(), UUID, List.of("not a key")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VconEncryptor.encrypt(signed(), UUID, List.of(pki.ecLeaf.certificate())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VconEncryptor.encrypt(signed(), UUID, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        ObjectNode jwe = VconEncryptor.encrypt(signed(), UUID, List.of(pki.leaf.certificate()));
        assertThatThrownBy(() -> VconDecryptor.decrypt(jwe, pki.ecLeaf.privateKey()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private byte[] signed() {
        return bytes(VconSigner.sign(VCON, UUID, pki.leaf.privateKey(), pki.chain()));
    }

    static JsonNode reparse(byte[] json) {
        try {
            return JoseSupport.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> paths(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        InvalidVconException e = catchThrowableOfType(InvalidVconException.class, call);
        assertThat(e).as("an InvalidVconException").isNotNull();
        return e.errors().stream().map(Problem::path).toList();
    }
}
