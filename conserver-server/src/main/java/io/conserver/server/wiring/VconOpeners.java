package io.conserver.server.wiring;

import io.conserver.domain.vcon.VconCodec;
import io.conserver.domain.vcon.jose.TrustOptions;
import io.conserver.domain.vcon.jose.VconKeys;
import io.conserver.domain.vcon.jose.VconOpener;
import io.conserver.domain.vcon.jose.VconVerifier;
import io.conserver.server.config.ApiSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Optional;

/**
 * Builds the opener the API reads vCons with: signed vCons need trust anchors, encrypted ones a
 * decryption key; without them those forms are refused with a message saying what is missing.
 */
final class VconOpeners {
    private VconOpeners() {
    }

    static VconOpener from(ApiSettings api, VconCodec codec) {
        Optional<VconVerifier> verifier = Optional.ofNullable(api.getTrustAnchors()).filter(s -> !s.isBlank())
                .map(file -> new VconVerifier(TrustOptions.anchoredAt(VconKeys.readCertificateChain(read(file, "api.trust_anchors")))));
        Optional<PrivateKey> key = Optional.ofNullable(api.getDecryptionKey()).filter(s -> !s.isBlank())
                .map(file -> VconKeys.readPrivateKey(read(file, "api.decryption_key")));
        return new VconOpener(codec, verifier, key);
    }

    private static String read(String file, String setting) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(setting + ": cannot read " + file, e);
        }
    }
}
