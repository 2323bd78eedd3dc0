package io.conserver.domain.vcon.jose;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.Base64URL;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Produces the signed form of a vCon (draft §1.1): a JWS in General JSON Serialization whose
 * unprotected header carries {@code alg}, {@code x5c} (leaf first) and {@code uuid}.
 */
public final class VconSigner {
    private VconSigner() {}

    /**
     * Signs {@code payload} with RS256 (RSA keys) or ES256/384/512 (EC keys).
     *
     * @param payload the unsigned vCon as UTF-8 JSON, its gzip, or a whole signed vCon to wrap for
     *                long-term archiving (JWS-in-JWS)
     * @param uuid    the inner vCon's uuid, copied into the header so it can be found without verifying;
     *                {@code null} leaves it out
     * @param key     the private key of {@code chain.get(0)}
     * @param chain   the signer's certificates, leaf first; the root may be left out
     * @throws IllegalArgumentException when the key cannot sign or does not match the leaf certificate
     */
    public static ObjectNode sign(byte[] payload, String uuid, PrivateKey key, List<X509Certificate> chain) {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(key, "key");
        if (chain == null || chain.isEmpty() || chain.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("a certificate chain, leaf first, is required to sign a vCon");
        }
        JWSAlgorithm alg = JwsCrypto.algorithmFor(key);
        ArrayNode x5c = x5c(chain);

        // The protected header copies the draft's example, typ included, so other vCon tools accept it.
        ObjectNode protectedHeader = JoseSupport.MAPPER.createObjectNode().put("alg", alg.getName()).put("typ", "JWT");
        protectedHeader.set("x5c", x5c.deepCopy());
        String protectedB64 = JoseSupport.encodeJson(protectedHeader);
        String payloadB64 = JoseSupport.encode(payload);
        byte[] signingInput = JoseSupport.ascii(protectedB64 + "." + payloadB64);
        Base64URL signature = JwsCrypto.sign(alg, key, signingInput);
        requireMatchingLeaf(alg, chain.get(0), signingInput, signature);

        ObjectNode header = JoseSupport.MAPPER.createObjectNode().put("alg", alg.getName());
        header.set("x5c", x5c);
        if (uuid != null) {
            header.put("uuid", uuid);
        }
        ObjectNode entry = JoseSupport.MAPPER.createObjectNode().put("protected", protectedB64);
        entry.set("header", header);
        entry.put("signature", signature.toString());
        ObjectNode jws = JoseSupport.MAPPER.createObjectNode().put("payload", payloadB64);
        jws.putArray("signatures").add(entry);
        return jws;
    }

    private static ArrayNode x5c(List<X509Certificate> chain) {
        ArrayNode x5c = JoseSupport.MAPPER.createArrayNode();
        for (X509Certificate certificate : chain) {
            try {
                x5c.add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("a certificate of the chain cannot be encoded", e);
            }
        }
        return x5c;
    }

    // A vCon signed with a key that is not the leaf's would fail every verification; fail here instead.
    private static void requireMatchingLeaf(JWSAlgorithm alg, X509Certificate leaf, byte[] input, Base64URL signature) {
        boolean matches;
        try {
            matches = JwsCrypto.verify(alg, leaf.getPublicKey(), input, signature);
        } catch (JOSEException e) {
            matches = false;
        }
        if (!matches) {
            throw new IllegalArgumentException("the private key does not belong to the leaf certificate "
                    + leaf.getSubjectX500Principal().getName() + " (chain.get(0))");
        }
    }
}
