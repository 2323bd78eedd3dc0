package io.conserver.domain.vcon.jose;

import com.fasterxml.jackson.databind.JsonNode;
import io.conserver.domain.vcon.InvalidVconException;
import io.conserver.domain.vcon.Problem;
import io.conserver.domain.vcon.VconForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies the signed form of a vCon (draft §1.1) and unwraps JWS-in-JWS archives down to the
 * unsigned vCon. Thread-safe; build one per trust configuration.
 */
public final class VconVerifier {
    /** The deepest archive accepted: re-signing every few years, eight layers last decades. */
    public static final int MAX_LAYERS = 8;

    private final TrustOptions trust;

    public VconVerifier(TrustOptions trust) {
        this.trust = Objects.requireNonNull(trust, "trust");
    }

    /**
     * Checks every signature of every layer (shape, {@code alg}, {@code x5c} chain, signature) and
     * returns the innermost payload.
     *
     * @throws InvalidVconException for any failure, with paths such as {@code signatures[0].header.x5c[1]}
     *                              ({@code payload.} is prepended per nested layer); never anything else
     */
    public VerifiedVcon verify(JsonNode jws) {
        try {
            return unwrap(jws);
        } catch (InvalidVconException e) {
            throw e;
        } catch (RuntimeException e) {
            // The contract is "InvalidVconException or a result"; a library surprise must not escape as a 500.
            throw JoseSupport.failure("$", "the signed vCon could not be verified: " + JoseSupport.reason(e), e);
        }
    }

    private VerifiedVcon unwrap(JsonNode outer) {
        List<Problem> warnings = new ArrayList<>();
        List<VerifiedVcon.Layer> layers = new ArrayList<>();
        List<JoseHeaders.Found> headerUuids = new ArrayList<>();
        JsonNode node = outer;
        String prefix = "";
        while (true) {
            if (layers.size() == MAX_LAYERS) {
                throw JoseSupport.failure(prefix.substring(0, prefix.length() - 1),
                        "more than " + MAX_LAYERS + " nested signature layers", null);
            }
            JwsLayer.Result result = new JwsLayer(trust, prefix, warnings).verify(node);
            JwsLayer.Signer first = result.signers().get(0);
            layers.add(new VerifiedVcon.Layer(first.alg(), first.chain(),
                    first.uuid().map(found -> found.value().textValue())));
            result.signers().forEach(signer -> signer.uuid().ifPresent(headerUuids::add));
            Optional<JsonNode> inner = JoseSupport.parseMaybeGzip(result.payload(), prefix + "payload");
            if (inner.isEmpty() || VconForm.detect(inner.get()) != VconForm.SIGNED) {
                checkUuids(headerUuids, inner, warnings);
                return new VerifiedVcon(result.payload(), layers.get(0).chain(), layers,
                        layers.get(0).uuid(), warnings);
            }
            node = inner.get();
            prefix = prefix + "payload.";
        }
    }

    // The header uuid lets a vCon be filed before it is verified; a mismatch means it was filed wrongly.
    private static void checkUuids(List<JoseHeaders.Found> headerUuids, Optional<JsonNode> vcon, List<Problem> warnings) {
        Optional<String> payloadUuid = vcon.flatMap(node -> JoseSupport.textField(node, "uuid"));
        for (JoseHeaders.Found found : headerUuids) {
            String headerUuid = found.value().textValue();
            if (payloadUuid.isPresent() && !payloadUuid.get().equals(headerUuid)) {
                warnings.add(Problem.warning(found.path(), "the header uuid " + headerUuid
                        + " differs from the vCon's uuid " + payloadUuid.get()));
            }
        }
    }
}
