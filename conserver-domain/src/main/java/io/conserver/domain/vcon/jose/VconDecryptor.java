package io.conserver.domain.vcon.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.crypto.impl.ContentCryptoProvider;
import com.nimbusds.jose.crypto.impl.RSA_OAEP;
import com.nimbusds.jose.crypto.impl.RSA_OAEP_SHA2;
import com.nimbusds.jose.crypto.opts.CipherMode;
import com.nimbusds.jose.jca.JWEJCAContext;
import io.conserver.domain.vcon.InvalidVconException;
import io.conserver.domain.vcon.Problem;
import io.conserver.domain.vcon.VconForm;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Opens the encrypted form of a vCon (draft §1.2): RSA-OAEP or RSA-OAEP-256 key unwrapping, AES-CBC-HMAC
 * or AES-GCM content decryption. The plaintext is the signed vCon, which the caller then verifies.
 */
public final class VconDecryptor {
    private VconDecryptor() {}

    /**
     * The plaintext of {@code jwe}, discarding warnings; see {@link #open} to keep them.
     *
     * @throws InvalidVconException for a malformed JWE, a key that opens no recipient, or altered content
     * @throws IllegalArgumentException when {@code key} is not an RSA key
     */
    public static byte[] decrypt(JsonNode jwe, PrivateKey key) {
        return open(jwe, key).plaintext();
    }

    /**
     * Decrypts {@code jwe}, trying {@code key} on each recipient in turn, and warns when
     * {@code unprotected.uuid} is missing or differs from the uuid in the signed plaintext's header.
     *
     * @throws InvalidVconException for a malformed JWE ({@code iv}, {@code recipients[1].encrypted_key}, ...),
     *                              a key that opens no recipient ({@code recipients}) or altered content
     *                              ({@code ciphertext}); never any other exception for bad input
     * @throws IllegalArgumentException when {@code key} is not an RSA key
     */
    public static DecryptedVcon open(JsonNode jwe, PrivateKey key) {
        Objects.requireNonNull(key, "key");
        if (!"RSA".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("vCons are encrypted with RSA-OAEP; an RSA private key is required, not "
                    + key.getAlgorithm());
        }
        try {
            JweMessage message = JweMessage.parse(jwe);
            byte[] plaintext = decrypt(message, key);
            List<Problem> warnings = new ArrayList<>(message.warnings);
            checkUuid(message.uuid, plaintext, warnings);
            return new DecryptedVcon(plaintext, message.uuid, warnings);
        } catch (InvalidVconException e) {
            throw e;
        } catch (RuntimeException e) {
            throw JoseSupport.failure("$", "the encrypted vCon could not be decrypted: " + JoseSupport.reason(e), e);
        }
    }

    private static byte[] decrypt(JweMessage message, PrivateKey key) {
        for (JweMessage.Recipient recipient : message.recipients) {
            Optional<SecretKey> cek = unwrap(recipient, key);
            if (cek.isEmpty()) {
                continue;
            }
            try {
                return ContentCryptoProvider.decrypt(new JWEHeader(recipient.alg(), message.enc), message.aad,
                        recipient.encryptedKey(), message.iv, message.ciphertext, message.tag, cek.get(),
                        new JWEJCAContext());
            } catch (JOSEException | RuntimeException e) {
                throw JoseSupport.failure("ciphertext", "decryption failed (" + JoseSupport.reason(e) + "): the"
                        + " protected header, iv, ciphertext or tag was altered", e);
            }
        }
        throw JoseSupport.failure("recipients", "none of the " + message.recipientCount + " recipients can be"
                + " opened with this key; the vCon was encrypted for someone else (or with an unsupported alg)", null);
    }

    // A failed unwrap means "not this recipient"; OAEP makes a false success vanishingly unlikely.
    private static Optional<SecretKey> unwrap(JweMessage.Recipient recipient, PrivateKey key) {
        byte[] wrapped = recipient.encryptedKey().decode();
        try {
            return Optional.of(JWEAlgorithm.RSA_OAEP_256.equals(recipient.alg())
                    ? RSA_OAEP_SHA2.decryptCEK(key, wrapped, 256, CipherMode.ENCRYPT_DECRYPT, null)
                    : RSA_OAEP.decryptCEK(key, wrapped, CipherMode.ENCRYPT_DECRYPT, null));
        } catch (JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void checkUuid(Optional<String> uuid, byte[] plaintext, List<Problem> warnings) {
        if (uuid.isEmpty()) {
            warnings.add(Problem.warning("unprotected.uuid", "uuid is missing; it should carry the vCon's uuid"));
            return;
        }
        Optional<String> signedUuid = JoseSupport.parseMaybeGzip(plaintext, "ciphertext")
                .filter(node -> VconForm.detect(node) == VconForm.SIGNED)
                .map(node -> node.path("signatures").path(0).path("header"))
                .flatMap(header -> JoseSupport.textField(header, "uuid"));
        if (signedUuid.isPresent() && !signedUuid.get().equals(uuid.get())) {
            warnings.add(Problem.warning("unprotected.uuid", "uuid " + uuid.get()
                    + " differs from the signed vCon's header uuid " + signedUuid.get()));
        }
    }
}
