package io.conserver.domain.vcon.jose;

import io.conserver.domain.vcon.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link VconDecryptor#open}.
 *
 * @param plaintext the decrypted bytes: normally the signed vCon's JSON (or its gzip), still to be verified
 * @param uuid      {@code unprotected.uuid}, when present
 * @param warnings  problems that do not reject the vCon, such as a uuid that differs from the signed header's
 */
public record DecryptedVcon(byte[] plaintext, Optional<String> uuid, List<Problem> warnings) {
    public DecryptedVcon {
        plaintext = plaintext.clone();
        Objects.requireNonNull(uuid, "uuid");
        warnings = List.copyOf(warnings);
    }

    /** A copy of the plaintext; the record stays immutable. */
    @Override
    public byte[] plaintext() {
        return plaintext.clone();
    }
}
