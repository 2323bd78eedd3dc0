package io.conserver.domain.vcon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
