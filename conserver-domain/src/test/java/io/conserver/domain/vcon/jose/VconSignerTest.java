package io.conserver.domain.vcon.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class VconSignerTest {
    static final String UUID = "01928e10-193e-8231-b9a2-279e0d16bc46";
    static final byte[] VCON = ("{\"vcon\":\"0.4.0\",\"uuid\":\"" + UUID + "\",\"created_at\":\"2026-01-01T00:00:00Z\","
            + "\"parties\":[{\"name\":\"Zoë\"}],\"dialog\":[]}").getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestPki pki = TestPki.shared();

    @Test
    void producesTheDraftsGeneralJsonSerialization() throws Exception {
        ObjectNode jws = VconSigner.sign(VCON, UUID, pki.leaf.privateKey(), pki.chain());

        assertThat(Base64.getUrlDecoder().decode(jws.get("payload").textValue())).isEqualTo(VCON);
        assertThat(jws.get("payload").textValue()).doesNotContain("=");
        JsonNode signature = jws.get("signatures").get(0);
        JsonNode header = signature.get("header");
        assertThat(header.get("alg").textValue()).isEqualTo("RS256");
        assertThat(header.get("uuid").textValue()).isEqualTo(UUID);
        assertThat(header.get("x5c")).hasSize(2);
        assertThat(Base64.getDecoder().decode(header.get("x5c").get(0).textValue()))
                .isEqualTo(pki.leaf.certificate().getEncoded());
        JsonNode protectedHeader = JSON.readTree(Base64.getUrlDecoder().decode(signature.get("protected").textValue()));
        assertThat(protectedHeader.get("alg").textValue()).isEqualTo("RS256");
        assertThat(protectedHeader.get("typ").textValue()).isEqualTo("JWT");
        assertThat(protectedHeader.get("x5c")).isEqualTo(header.get("x5c"));
    }

    @Test
    void theSignatureIsStandardRs256OverProtectedDotPayload() throws Exception {
        ObjectNode jws = VconSigner.sign(VCON, UUID, pki.leaf.privateKey(), pki.chain());
        JsonNode signature = jws.get("signatures").get(0);

        JWSObject compact = new JWSObject(new Base64URL(signature.get("protected").textValue()),
                new Base64URL(jws.get("payload").textValue()), new Base64URL(signature.get("signature").textValue()));

        assertThat(compact.verify(new RSASSAVerifier((RSAPublicKey) pki.leaf.certificate().getPublicKey()))).isTrue();
    }

    @Test
    void ecKeysSignWithEs256() {
        ObjectNode jws = VconSigner.sign(VCON, UUID, pki.ecLeaf.privateKey(),
                List.of(pki.ecLeaf.certificate(), pki.intermediate.certificate()));

        assertThat(jws.at("/signatures/0/header/alg").textValue()).isEqualTo("ES256");
        assertThat(new VconVerifier(TestTrust.anchored(pki.root)).verify(jws).payload()).isEqualTo(VCON);
    }

    @Test
    void uuidIsOptional() {
        ObjectNode jws = VconSigner.sign(VCON, null, pki.leaf.privateKey(), pki.chain());

        assertThat(jws.at("/signatures/0/header").has("uuid")).isFalse();
    }

    @Test
    void aKeyThatIsNotTheLeafsIsRefused() {
        assertThatThrownBy(() -> VconSigner.sign(VCON, UUID, pki.lone.privateKey(), pki.chain()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong to the leaf certificate");
    }

    @Test
    void aChainIsRequired() {
        assertThatThrownBy(() -> VconSigner.sign(VCON, UUID, pki.leaf.privateKey(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
