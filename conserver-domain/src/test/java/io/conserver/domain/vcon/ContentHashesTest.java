package io.conserver.domain.vcon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentHashesTest {
    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

    private static String independently(String jcaName, String alg, byte[] data) throws Exception {
        byte[] digest = MessageDigest.getInstance(jcaName).digest(data);
        return alg + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String pathOf(InvalidVconException e) {
        return e.problems().get(0).path();
    }

    @Test
    void sha512OfAbcIsTheKnownBase64urlDigest() throws Exception {
        assertThat(ContentHashes.sha512(ABC))
                .isEqualTo(independently("SHA-512", "sha512", ABC))
                .isEqualTo("sha512-3a81oZNherrMQXNJriBBMRLm-k6JqX6iCp7u5ktV05ohkpkqJ0_BqDa6PCOj_uu9RU1EI2Q86A4qmslPpUyknw");
        assertThat(ContentHashes.compute("sha256", ABC)).isEqualTo(independently("SHA-256", "sha256", ABC));
    }

    @Test
    void verifyAcceptsMatchingBytes() {
        ContentHashes.verify(List.of(ContentHashes.sha512(ABC)), ABC);
        assertThat(ContentHashes.matches(List.of(ContentHashes.sha512(ABC)), ABC)).isTrue();
    }

    @Test
    void verifyAcceptsAPaddedDigest() {
        String padded = ContentHashes.sha512(ABC) + "==";
        assertThat(ContentHashes.matches(List.of(padded), ABC)).isTrue();
    }

    @Test
    void verifyRejectsOtherBytesNamingContentHash() {
        List<String> hash = List.of(ContentHashes.sha512(ABC));
        byte[] other = "abd".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> ContentHashes.verify(hash, other))
                .isInstanceOfSatisfying(InvalidVconException.class, e -> assertThat(pathOf(e)).isEqualTo("content_hash"))
                .hasMessageContaining("content_hash");
        assertThat(ContentHashes.matches(hash, other)).isFalse();
    }

    @Test
    void everyHashOfAnArrayIsChecked() {
        String sha256 = ContentHashes.compute("sha256", ABC);
        String sha512 = ContentHashes.sha512(ABC);
        String wrong512 = ContentHashes.sha512("x".getBytes(StandardCharsets.US_ASCII));
        String wrong256 = ContentHashes.compute("sha256", "x".getBytes(StandardCharsets.US_ASCII));

        ContentHashes.verify(List.of(sha256, sha512), ABC);
        assertThatThrownBy(() -> ContentHashes.verify(List.of(sha256, wrong512), ABC))
                .isInstanceOfSatisfying(InvalidVconException.class, e -> assertThat(pathOf(e)).isEqualTo("content_hash[1]"));
        assertThatThrownBy(() -> ContentHashes.verify(List.of(wrong256, sha512), ABC))
                .isInstanceOfSatisfying(InvalidVconException.class, e -> assertThat(pathOf(e)).isEqualTo("content_hash[0]"));
    }

    @Test
    void anUnsupportedAlgorithmAloneCannotVerify() {
        assertThatThrownBy(() -> ContentHashes.verify(List.of("md5-kAFQmDzST7DWlj99KOF_cg"), ABC))
                .isInstanceOf(InvalidVconException.class)
                .hasMessageContaining("sha512");
        assertThat(ContentHashes.isSupported("md5")).isFalse();
    }

    @Test
    void anUnsupportedAlgorithmBesideASupportedOneIsSkipped() {
        ContentHashes.verify(List.of("blake3-AAAA", ContentHashes.sha512(ABC)), ABC);
    }

    @Test
    void noHashAtAllCannotVerify() {
        assertThat(ContentHashes.matches(List.of(), ABC)).isFalse();
    }

    @Test
    void aMalformedTokenFailsVerification() {
        assertThatThrownBy(() -> ContentHashes.verify(List.of("sha512:abc"), ABC))
                .isInstanceOf(InvalidVconException.class)
                .hasMessageContaining("alg-base64url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha512-GLy6IPaIUM1G", "sha256-abc_-DEF", "sha512-abc=", "sha3x256-AAAA"})
    void wellFormedTokens(String token) {
        assertThat(ContentHashes.isWellFormed(token)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"sha512", "-abc", "sha512-", "SHA512-abc", "sha512-ab+c", "sha512-ab/c", "sha512-a=bc",
            "sha 512-abc", "sha512-abc def"})
    void malformedTokens(String token) {
        assertThat(ContentHashes.isWellFormed(token)).isFalse();
    }
}
