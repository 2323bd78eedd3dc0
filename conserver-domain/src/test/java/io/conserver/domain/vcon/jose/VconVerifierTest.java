package io.conserver.domain.vcon.jose;

import static io.conserver.domain.vcon.jose.VconSignerTest.UUID;
import static io.conserver.domain.vcon.jose.VconSignerTest.VCON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObjectJSON;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import io.conserver.domain.vcon.InvalidVconException;
import io.conserver.domain.vcon.Problem;
import io.conserver.domain.vcon.Severity;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class VconVerifierTest {
    private final TestPki pki = TestPki.shared();
    private final VconVerifier anyRoot = new VconVerifier(TrustOptions.anyRoot());

    @Test
    void signThenVerifyReturnsThePayloadAndSigner() {
        VerifiedVcon verified = anyRoot.verify(sign(VCON));

        assertThat(verified.payload()).isEqualTo(VCON);
        assertThat(verified.uuid()).contains(UUID);
        assertThat(verified.signerChain()).containsExactlyElementsOf(pki.chain());
        assertThat(verified.layers()).singleElement().satisfies(layer -> assertThat(layer.alg()).isEqualTo("RS256"));
        assertThat(verified.warnings()).isEmpty();
    }

    @Test
    void aChainLeadingToTheTrustedRootPasses() {
        VconVerifier anchored = new VconVerifier(TestTrust.anchored(pki.root));

        assertThat(anchored.verify(sign(VCON)).payload()).isEqualTo(VCON);
        assertThat(anchored.verify(VconSigner.sign(VCON, UUID, pki.leaf.privateKey(), pki.fullChain())).payload())
                .isEqualTo(VCON);
    }

    @Test
    void aChainNotLeadingToATrustedRootFails() {
        InvalidVconException e = failure(new VconVerifier(TestTrust.anchored(pki.lone)), sign(VCON));

        assertThat(e.errors()).singleElement().satisfies(p -> {
            assertThat(p.path()).startsWith("signatures[0].header.x5c");
            assertThat(p.message()).contains("trusted root");
        });
    }

    @Test
    void aLoneSelfSignedCertificateVerifiesWhenAnyRootIsAcceptedOrItIsTheAnchor() {
        ObjectNode jws = VconSigner.sign(VCON, UUID, pki.lone.privateKey(), List.of(pki.lone.certificate()));

        assertThat(anyRoot.verify(jws).payload()).isEqualTo(VCON);
        assertThat(new VconVerifier(TestTrust.anchored(pki.lone)).verify(jws).payload()).isEqualTo(VCON);
        assertThat(failure(new VconVerifier(TestTrust.anchored(pki.root)), jws).errors()).isNotEmpty();
    }

    @Test
    void aTamperedPayloadBreaksTheSignature() {
        ObjectNode jws = sign(VCON);
        String payload = jws.get("payload").textValue();
        char swapped = payload.charAt(10) == 'A' ? 'B' : 'A';
        jws.put("payload", payload.substring(0, 10) + swapped + payload.substring(11));

        assertThat(paths(failure(anyRoot, jws))).containsExactly("signatures[0].signature");
    }

    @Test
    void aTamperedSignatureFails() {
        ObjectNode jws = sign(VCON);
        ObjectNode entry = (ObjectNode) jws.get("signatures").get(0);
        String signature = entry.get("signature").textValue();
        entry.put("signature", (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1));

        assertThat(paths(failure(anyRoot, jws))).containsExactly("signatures[0].signature");
    }

    @Test
    void anExpiredLeafFails() {
        VconVerifier later = new VconVerifier(
                TestTrust.anyRootAt(pki.leaf.certificate().getNotAfter().toInstant().plusSeconds(86_400)));

        InvalidVconException e = failure(later, sign(VCON));

        assertThat(paths(e)).containsExactly("signatures[0].header.x5c[0]");
        assertThat(e.errors().get(0).message()).contains("expired");
    }

    @Test
    void aChainInTheWrongOrderFails() {
        ObjectNode jws = VconSigner.sign(VCON, UUID, pki.leaf.privateKey(), pki.chain());
        ArrayNode x5c = (ArrayNode) jws.at("/signatures/0/header/x5c");
        x5c.insert(1, java.util.Base64.getEncoder().encodeToString(encoded(pki.root.certificate())));
        ((ObjectNode) jws.at("/signatures/0")).put("protected", JoseSupport.encodeJson(
                JoseSupport.MAPPER.createObjectNode().put("alg", "RS256")));

        assertThat(paths(failure(anyRoot, jws))).contains("signatures[0].header.x5c[0]");
    }

    @Test
    void x5cAndX5uMissingIsAnError() {
        ObjectNode jws = nimbusSigned(new JWSHeader.Builder(JWSAlgorithm.RS256).build());

        assertThat(paths(failure(anyRoot, jws))).containsExactly("signatures[0].header");
    }

    @Test
    void x5uMustBeHttpsAndIsNotFetched() {
        ObjectNode http = nimbusSigned(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .x509CertURL(java.net.URI.create("http://example.com/chain.pem")).build());
        ObjectNode https = nimbusSigned(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .x509CertURL(java.net.URI.create("https://example.com/chain.pem")).build());

        assertThat(failure(anyRoot, http).errors()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("signatures[0].protected.x5u");
            assertThat(p.message()).contains("https");
        });
        assertThat(failure(anyRoot, https).errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not supported"));
    }

    @Test
    void aStandardJwsWithEverythingInTheProtectedHeaderVerifies() {
        ObjectNode jws = nimbusSigned(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .x509CertChain(pki.chain().stream().map(c -> Base64.encode(encoded(c))).toList()).build());

        assertThat(new VconVerifier(TestTrust.anchored(pki.root)).verify(jws).payload()).isEqualTo(VCON);
    }

    @Test
    void jwsInJwsUnwrapsToTheInnermostPayload() {
        ObjectNode inner = sign(VCON);
        ObjectNode outer = VconSigner.sign(bytes(inner), UUID, pki.lone.privateKey(), List.of(pki.lone.certificate()));

        VerifiedVcon verified = anyRoot.verify(outer);

        assertThat(verified.payload()).isEqualTo(VCON);
        assertThat(verified.layers()).hasSize(2);
        assertThat(verified.signerChain()).containsExactly(pki.lone.certificate());
        assertThat(verified.layers().get(1).chain()).containsExactlyElementsOf(pki.chain());
        assertThat(verified.warnings()).isEmpty();
    }

    @Test
    void aTamperedInnerLayerIsReportedUnderPayload() {
        ObjectNode inner = sign(VCON);
        ((ObjectNode) inner.at("/signatures/0")).put("signature", sign("{}".getBytes(StandardCharsets.UTF_8))
                .at("/signatures/0/signature").textValue());
        ObjectNode outer = VconSigner.sign(bytes(inner), UUID, pki.lone.privateKey(), List.of(pki.lone.certificate()));

        assertThat(paths(failure(anyRoot, outer))).containsExactly("payload.signatures[0].signature");
    }

    @Test
    void moreThanEightLayersAreRefused() {
        ObjectNode jws = sign(VCON);
        for (int i = 1; i < VconVerifier.MAX_LAYERS; i++) {
            jws = sign(bytes(jws));
        }
        assertThat(anyRoot.verify(jws).layers()).hasSize(VconVerifier.MAX_LAYERS);

        InvalidVconException e = failure(anyRoot, sign(bytes(jws)));

        assertThat(e.errors().get(0).message()).contains("nested");
    }

    @Test
    void aHeaderUuidThatDiffersFromThePayloadIsAWarning() {
        VerifiedVcon verified = anyRoot.verify(VconSigner.sign(VCON, "other-uuid", pki.leaf.privateKey(), pki.chain()));

        assertThat(verified.warnings()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.path()).isEqualTo("signatures[0].header.uuid");
        });
    }

    @Test
    void aGzipPayloadIsReturnedAsSignedAndItsUuidChecked() throws Exception {
        byte[] gzip = gzip(VCON);

        VerifiedVcon verified = anyRoot.verify(sign(gzip));
        VerifiedVcon mismatched = anyRoot.verify(VconSigner.sign(gzip, "x", pki.leaf.privateKey(), pki.chain()));

        assertThat(verified.payload()).isEqualTo(gzip);
        assertThat(verified.warnings()).isEmpty();
        assertThat(mismatched.warnings()).hasSize(1);
    }

    @Test
    void everySignatureIsCheckedAndABadOneIsAnError() {
        ObjectNode jws = sign(VCON);
        ObjectNode second = jws.at("/signatures/0").deepCopy();
        second.put("signature", sign("{}".getBytes(StandardCharsets.UTF_8)).at("/signatures/0/signature").textValue());
        ((ArrayNode) jws.get("signatures")).add(second);

        assertThat(paths(failure(anyRoot, jws))).containsExactly("signatures[1].signature");
    }

    @Test
    void differingAlgValuesAcrossHeadersAreRefused() {
        ObjectNode jws = sign(VCON);
        ((ObjectNode) jws.at("/signatures/0/header")).put("alg", "RS512");

        assertThat(paths(failure(anyRoot, jws))).containsExactly("signatures[0].protected.alg");
    }

    private ObjectNode sign(byte[] payload) {
        return VconSigner.sign(payload, UUID, pki.leaf.privateKey(), pki.chain());
    }

    private ObjectNode nimbusSigned(JWSHeader header) {
        try {
            JWSObjectJSON jws = new JWSObjectJSON(new Payload(VCON));
            jws.sign(header, new RSASSASigner(pki.leaf.privateKey()));
            return (ObjectNode) JoseSupport.MAPPER.readTree(jws.serializeGeneral());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static InvalidVconException failure(VconVerifier verifier, ObjectNode jws) {
        return catchThrowableOfType(InvalidVconException.class, () -> verifier.verify(jws));
    }

    static List<String> paths(InvalidVconException e) {
        assertThat(e).as("an InvalidVconException").isNotNull();
        return e.errors().stream().map(Problem::path).toList();
    }

    static byte[] bytes(ObjectNode node) {
        try {
            return JoseSupport.MAPPER.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
