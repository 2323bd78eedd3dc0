package io.conserver.domain.vcon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class VconFormTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void detectsTheThreeFormsByTheirKeys() throws Exception {
        assertThat(VconForm.detect(json.readTree("{\"uuid\":\"u\",\"parties\":[]}"))).isEqualTo(VconForm.UNSIGNED);
        assertThat(VconForm.detect(json.readTree("{\"payload\":\"e30\",\"signatures\":[]}"))).isEqualTo(VconForm.SIGNED);
        assertThat(VconForm.detect(json.readTree("{\"ciphertext\":\"x\",\"recipients\":[],\"iv\":\"y\"}")))
                .isEqualTo(VconForm.ENCRYPTED);
    }

    @Test
    void aJwsWhosePayloadIsAJwsIsSignedAtEveryLayer() throws Exception {
        String inner = "{\"payload\":\"" + base64Url("{\"uuid\":\"u\",\"parties\":[]}")
                + "\",\"signatures\":[{\"protected\":\"e30\",\"header\":{\"alg\":\"RS256\"},\"signature\":\"AA\"}]}";
        String outer = "{\"payload\":\"" + base64Url(inner)
                + "\",\"signatures\":[{\"protected\":\"e30\",\"header\":{\"alg\":\"RS256\"},\"signature\":\"AA\"}]}";
        JsonNode jws = json.readTree(outer);
        assertThat(VconForm.detect(jws)).isEqualTo(VconForm.SIGNED);
        JsonNode payload = json.readTree(Base64.getUrlDecoder().decode(jws.get("payload").textValue()));
        assertThat(VconForm.detect(payload)).isEqualTo(VconForm.SIGNED);
    }

    @Test
    void theDraftsJweExampleShapeIsEncrypted() throws Exception {
        assertThat(VconForm.detect(json.readTree("{\"unprotected\":{\"cty\":\"application/vcon+json\","
                + "\"enc\":\"A256CBC-HS512\",\"uuid\":\"u\"},\"recipients\":[{\"header\":{\"alg\":\"RSA-OAEP\"},"
                + "\"encrypted_key\":\"AA\"}],\"iv\":\"AA\",\"ciphertext\":\"AA\",\"tag\":\"AA\","
                + "\"protected\":\"e30\"}"))).isEqualTo(VconForm.ENCRYPTED);
    }

    /**
     * vcon-lib's sign() adds payload and signatures to the unsigned vCon itself. That is not the draft's
     * JWS (it has no certificate to verify), and the spec's table calls any object with a content array
     * unsigned: it must read as the vCon it is, not be sent to the verifier and refused.
     */
    @Test
    void aVconWithVconLibsInlineSignatureIsUnsigned() throws Exception {
        String vconLibSigned = "{\"uuid\":\"019b0a4e-2c1a-8e3f-9dd8-dd37220d739c\","
                + "\"created_at\":\"2026-11-20T15:04:05Z\",\"parties\":[{\"tel\":\"+15551234567\"}],"
                + "\"payload\":\"eyJ1dWlkIjoiMSJ9\","
                + "\"signatures\":[{\"protected\":\"eyJhbGciOiJSUzI1NiJ9\",\"signature\":\"AA\"}]}";
        assertThat(VconForm.detect(json.readTree(vconLibSigned))).isEqualTo(VconForm.UNSIGNED);

        VconCodec codec = VconCodec.lenient();
        ReadResult read = codec.read(vconLibSigned);
        assertThat(read.warnings()).extracting(Problem::path).containsExactly("payload", "signatures");
        assertThat(json.readTree(codec.write(read.vcon())).get("signatures"))
                .isEqualTo(json.readTree(vconLibSigned).get("signatures"));
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void halfAFormAndNonObjectsCountAsUnsigned() throws Exception {
        assertThat(VconForm.detect(json.readTree("{\"payload\":\"e30\"}"))).isEqualTo(VconForm.UNSIGNED);
        assertThat(VconForm.detect(json.readTree("{\"ciphertext\":\"x\"}"))).isEqualTo(VconForm.UNSIGNED);
        assertThat(VconForm.detect(json.readTree("[\"payload\",\"signatures\"]"))).isEqualTo(VconForm.UNSIGNED);
        assertThat(VconForm.detect(null)).isEqualTo(VconForm.UNSIGNED);
    }

    @Test
    void recognisesTheGzipMagicNumber() {
        assertThat(VconForm.isGzip(new byte[] {0x1f, (byte) 0x8b, 8})).isTrue();
        assertThat(VconForm.isGzip("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isFalse();
        assertThat(VconForm.isGzip(new byte[] {0x1f})).isFalse();
        assertThat(VconForm.isGzip(null)).isFalse();
    }
}
