package io.conserver.domain.vcon.jose;

import io.conserver.domain.vcon.Problem;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link VconVerifier#verify}: every layer's signatures held.
 *
 * @param payload     the innermost payload, exactly as signed: the unsigned vCon's JSON, or its gzip
 * @param signerChain the certificate chain of the outermost layer's first signature, leaf first
 * @param layers      the layers unwrapped, outermost first; one unless the vCon was re-signed for archiving
 * @param uuid        the outermost header's {@code uuid}, when present
 * @param warnings    problems that do not reject the vCon, such as a header uuid that differs from the payload's
 */
public record VerifiedVcon(byte[] payload, List<X509Certificate> signerChain, List<Layer> layers,
        Optional<String> uuid, List<Problem> warnings) {

    /**
     * One JWS layer, described by its first signature; any further signatures in the layer were
     * verified as well.
     *
     * @param alg   the signature algorithm, e.g. {@code RS256}
     * @param chain the signer's certificates, leaf first
     * @param uuid  the header's {@code uuid}, when present
     */
    public record Layer(String alg, List<X509Certificate> chain, Optional<String> uuid) {
        public Layer {
            Objects.requireNonNull(alg, "alg");
            chain = List.copyOf(chain);
            Objects.requireNonNull(uuid, "uuid");
        }
    }

    public VerifiedVcon {
        payload = payload.clone();
        signerChain = List.copyOf(signerChain);
        layers = List.copyOf(layers);
        Objects.requireNonNull(uuid, "uuid");
        warnings = List.copyOf(warnings);
    }

    /** A copy of the payload bytes; the record stays immutable. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
