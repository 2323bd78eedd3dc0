package io.conserver.domain.vcon.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.PrivateKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.Test;

class VconKeysTest {
    private final TestPki pki = TestPki.shared();

    @Test
    void readsPkcs8RsaAndEcKeys() {
        assertThat(VconKeys.readPrivateKey(TestPki.pem(pki.leaf.privateKey()))).isEqualTo(pki.leaf.privateKey());
        assertThat(VconKeys.readPrivateKey(TestPki.pem(pki.ecLeaf.privateKey())).getEncoded())
                .isEqualTo(pki.ecLeaf.privateKey().getEncoded());
    }

    @Test
    void readsPkcs1RsaKeys() throws Exception {
        PrivateKey key = pki.leaf.privateKey();
        byte[] pkcs1 = PrivateKeyInfo.getInstance(key.getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded();

        assertThat(VconKeys.readPrivateKey(TestPki.pem("RSA PRIVATE KEY", pkcs1))).isEqualTo(key);
    }

    @Test
    void readsAChainInFileOrderAndSkipsOtherBlocks() {
        String pem = "subject=CN=Test\n" + TestPki.pem(pki.fullChain()) + TestPki.pem(pki.leaf.privateKey());

        assertThat(VconKeys.readCertificateChain(pem)).containsExactlyElementsOf(pki.fullChain());
        assertThat(VconKeys.readPrivateKey(pem)).isEqualTo(pki.leaf.privateKey());
    }

    @Test
    void theKeyAndChainReadFromPemCanSign() {
        PrivateKey key = VconKeys.readPrivateKey(TestPki.pem(pki.leaf.privateKey()));

        assertThat(VconSigner.sign(VconSignerTest.VCON, VconSignerTest.UUID, key,
                VconKeys.readCertificateChain(TestPki.pem(pki.chain())))).isNotNull();
    }

    @Test
    void unusablePemIsAnIllegalArgument() {
        assertThatThrownBy(() -> VconKeys.readPrivateKey("nothing here")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VconKeys.readPrivateKey(TestPki.pem("ENCRYPTED PRIVATE KEY", new byte[] {1})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("encrypted");
        assertThatThrownBy(() -> VconKeys.readPrivateKey(TestPki.pem("PRIVATE KEY", new byte[] {1, 2, 3})))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VconKeys.readCertificateChain(TestPki.pem(pki.leaf.privateKey())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VconKeys.readCertificateChain(TestPki.pem("CERTIFICATE", new byte[] {1, 2})))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
