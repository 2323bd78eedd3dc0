package io.conserver.domain.vcon.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;
import java.util.Set;

/**
 * The signature algorithms a vCon may use: RSA and ECDSA only. {@code none} and the HMAC family are
 * absent on purpose, since a certificate chain names a public key and an HMAC key would be public too.
 */
final class JwsCrypto {
    private static final Set<JWSAlgorithm> RSA = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);
    private static final Set<JWSAlgorithm> EC = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);

    private JwsCrypto() {}

    /** The algorithm named by {@code alg}, if it is one we accept. */
    static Optional<JWSAlgorithm> accepted(String alg) {
        JWSAlgorithm parsed = JWSAlgorithm.parse(alg);
        return RSA.contains(parsed) || EC.contains(parsed) ? Optional.of(parsed) : Optional.empty();
    }

    /** RS256 for RSA (what the draft asks for); ES256/384/512 by curve size for EC. */
    static JWSAlgorithm algorithmFor(PrivateKey key) {
        if ("RSA".equals(key.getAlgorithm())) {
            return JWSAlgorithm.RS256;
        }
        if (key instanceof ECPrivateKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return switch (bits) {
                case 256 -> JWSAlgorithm.ES256;
                case 384 -> JWSAlgorithm.ES384;
                case 521 -> JWSAlgorithm.ES512;
                default -> throw new IllegalArgumentException("EC keys on a " + bits + "-bit curve are not supported");
            };
        }
        throw new IllegalArgumentException("only RSA and EC private keys can sign a vCon, not " + key.getAlgorithm());
    }

    static Base64URL sign(JWSAlgorithm alg, PrivateKey key, byte[] signingInput) {
        try {
            JWSSigner signer = EC.contains(alg) ? new ECDSASigner((ECPrivateKey) key) : new RSASSASigner(key);
            return signer.sign(new JWSHeader(alg), signingInput);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the key cannot sign with " + alg + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code key} is of the kind {@code alg} needs; checked first so alg confusion is impossible. */
    static boolean suits(JWSAlgorithm alg, PublicKey key) {
        return RSA.contains(alg) && key instanceof RSAPublicKey || EC.contains(alg) && key instanceof ECPublicKey;
    }

    /** Checks a signature; throws {@link JOSEException} when the key does not suit {@code alg}. */
    static boolean verify(JWSAlgorithm alg, PublicKey key, byte[] signingInput, Base64URL signature)
            throws JOSEException {
        JWSVerifier verifier;
        if (RSA.contains(alg) && key instanceof RSAPublicKey rsa) {
            verifier = new RSASSAVerifier(rsa);
        } else if (EC.contains(alg) && key instanceof ECPublicKey ec) {
            verifier = new ECDSAVerifier(ec);
        } else {
            throw new JOSEException("alg " + alg + " does not suit the certificate's " + key.getAlgorithm() + " key");
        }
        return verifier.verify(new JWSHeader(alg), signingInput, signature);
    }
}
