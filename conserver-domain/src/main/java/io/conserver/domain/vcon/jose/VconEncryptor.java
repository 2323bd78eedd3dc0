package io.conserver.domain.vcon.jose;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWECryptoParts;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.crypto.impl.ContentCryptoProvider;
import com.nimbusds.jose.crypto.impl.RSA_OAEP;
import com.nimbusds.jose.crypto.opts.CipherMode;
import com.nimbusds.jose.jca.JWEJCAContext;
import io.conserver.domain.vcon.VconForm;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * Produces the encrypted form of a vCon (draft §1.2): a JWE in General JSON Serialization with
 * RSA-OAEP key wrapping and A256CBC-HS512 content encryption.
 *
 * <p>The structure is built here rather than with nimbus's {@code JWEObjectJSON} because the draft
 * repeats {@code enc} in the protected and unprotected headers and {@code alg} in the protected and
 * recipient headers, which that class (following RFC 7516) refuses.
 */
public final class VconEncryptor {
    private static final JWEAlgorithm ALG = JWEAlgorithm.RSA_OAEP;
    private static final EncryptionMethod ENC = EncryptionMethod.A256CBC_HS512;
    private static final int MIN_RSA_BITS = 2048;
    private static final SecureRandom RANDOM = new SecureRandom();

    private VconEncryptor() {}

    /**
     * Encrypts a signed vCon for one or more recipients, all sharing one ciphertext.
     *
     * @param signedVconJson the signed form (sign first, then encrypt), as JSON or gzip bytes; it is
     *                       not parsed, so any bytes are encrypted as given
     * @param uuid           the inner vCon's uuid for {@code unprotected.uuid}; {@code null} leaves it out
     * @param recipients     each an {@link X509Certificate} or a {@link PublicKey}, with an RSA key of at
     *                       least 2048 bits
     * @throws IllegalArgumentException when a recipient is of another type or its key is unsuitable
     */
    public static ObjectNode encrypt(byte[] signedVconJson, String uuid, List<?> recipients) {
        Objects.requireNonNull(signedVconJson, "signedVconJson");
        if (recipients == null || recipients.isEmpty()) {
            throw new IllegalArgumentException("at least one recipient is required to encrypt a vCon");
        }
        List<RSAPublicKey> keys = recipients.stream().map(VconEncryptor::rsaKey).toList();
        String protectedB64 = JoseSupport.encodeJson(JoseSupport.MAPPER.createObjectNode()
                .put("alg", ALG.getName()).put("enc", ENC.getName()));
        try {
            SecretKey cek = ContentCryptoProvider.generateCEK(ENC, RANDOM);
            JWECryptoParts parts = ContentCryptoProvider.encrypt(new JWEHeader(ALG, ENC), signedVconJson,
                    JoseSupport.ascii(protectedB64), cek, null, new JWEJCAContext());
            ObjectNode jwe = JoseSupport.MAPPER.createObjectNode();
            ObjectNode unprotected = jwe.putObject("unprotected")
                    .put("cty", VconForm.isGzip(signedVconJson) ? "application/vcon+gzip" : "application/vcon")
                    .put("enc", ENC.getName());
            if (uuid != null) {
                unprotected.put("uuid", uuid);
            }
            jwe.put("protected", protectedB64);
            ArrayNode entries = jwe.putArray("recipients");
            for (RSAPublicKey key : keys) {
                ObjectNode entry = entries.addObject();
                entry.putObject("header").put("alg", ALG.getName());
                entry.put("encrypted_key", JoseSupport.encode(
                        RSA_OAEP.encryptCEK(key, cek, CipherMode.ENCRYPT_DECRYPT, null)));
            }
            jwe.put("iv", parts.getInitializationVector().toString());
            jwe.put("ciphertext", parts.getCipherText().toString());
            jwe.put("tag", parts.getAuthenticationTag().toString());
            return jwe;
        } catch (JOSEException e) {
            throw new IllegalStateException("the JCA provider cannot encrypt with " + ALG + " and " + ENC, e);
        }
    }

    private static RSAPublicKey rsaKey(Object recipient) {
        PublicKey key = recipient instanceof X509Certificate certificate ? certificate.getPublicKey()
                : recipient instanceof PublicKey publicKey ? publicKey : null;
        if (!(key instanceof RSAPublicKey rsa)) {
            throw new IllegalArgumentException("a recipient must be an X509Certificate or PublicKey with an RSA key, not "
                    + (key == null ? String.valueOf(recipient == null ? null : recipient.getClass().getName())
                    : key.getAlgorithm() + " key"));
        }
        if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new IllegalArgumentException("a recipient's RSA key must have at least " + MIN_RSA_BITS + " bits");
        }
        return rsa;
    }
}
