package io.conserver.domain.vcon.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.Base64URL;
import io.conserver.domain.error.ErrorCategory;
import io.conserver.domain.vcon.InvalidVconException;
import io.conserver.domain.vcon.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies one JWS (General JSON Serialization) layer: its shape, and every signature in it with the
 * certificate chain that signature carries. Problems are collected so that all are reported at once.
 */
final class JwsLayer {
    /** A signature that held: its algorithm, chain and header uuid (with the uuid's path). */
    record Signer(String alg, List<X509Certificate> chain, Optional<JoseHeaders.Found> uuid) {}

    /** The layer's decoded payload and its signers, in signature order. */
    record Result(byte[] payload, List<Signer> signers) {}

    private final TrustOptions trust;
    private final String prefix;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Problem> warnings;
    private Throwable cause;

    /** {@code prefix} is prepended to every path: empty for the outer layer, {@code payload.} per level in. */
    JwsLayer(TrustOptions trust, String prefix, List<Problem> warnings) {
        this.trust = trust;
        this.prefix = prefix;
        this.warnings = warnings;
    }

    Result verify(JsonNode jws) {
        if (jws == null || !jws.isObject()) {
            String root = prefix.isEmpty() ? "$" : prefix.substring(0, prefix.length() - 1);
            throw JoseSupport.failure(root, "a signed vCon must be a JSON object with payload and signatures", null);
        }
        String payloadText = text(jws, "payload", prefix + "payload");
        Optional<byte[]> payload = payloadText == null ? Optional.empty() : JoseSupport.decode(payloadText);
        if (payloadText != null && payload.isEmpty()) {
            problems.add(Problem.error(prefix + "payload", "must be unpadded base64url"));
        }
        List<Signer> signers = new ArrayList<>();
        JsonNode signatures = jws.get("signatures");
        if (signatures == null || !signatures.isArray() || signatures.isEmpty()) {
            problems.add(Problem.error(prefix + "signatures", "must be a non-empty array of signature objects"));
        } else {
            for (int i = 0; i < signatures.size(); i++) {
                verifySignature(signatures.get(i), prefix + "signatures[" + i + "]", payloadText)
                        .ifPresent(signers::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidVconException(ErrorCategory.INVALID_INPUT, problems, cause);
        }
        return new Result(payload.orElseThrow(), signers);
    }

    private Optional<Signer> verifySignature(JsonNode entry, String path, String payloadText) {
        if (!entry.isObject()) {
            problems.add(Problem.error(path, "must be an object with protected, header and signature"));
            return Optional.empty();
        }
        int before = problems.size();
        String protectedText = text(entry, "protected", path + ".protected");
        JsonNode protectedHeader = protectedText == null ? null : protectedHeader(protectedText, path + ".protected");
        JsonNode header = entry.get("header");
        if (header != null && !header.isObject()) {
            problems.add(Problem.error(path + ".header", "must be an object"));
            header = null;
        }
        String signature = text(entry, "signature", path + ".signature");
        if (signature != null && JoseSupport.decode(signature).isEmpty()) {
            problems.add(Problem.error(path + ".signature", "must be unpadded base64url"));
        }
        JoseHeaders headers = new JoseHeaders(List.of(new JoseHeaders.Source(path + ".header", header),
                new JoseHeaders.Source(path + ".protected", protectedHeader)), problems);
        headers.rejectCritical();
        Optional<JWSAlgorithm> alg = algorithm(headers);
        Optional<List<X509Certificate>> chain = chain(headers, path);
        Optional<JoseHeaders.Found> uuid = uuid(headers);
        if (problems.size() > before || payloadText == null) {
            return Optional.empty();
        }
        byte[] signingInput = JoseSupport.ascii(protectedText + "." + payloadText);
        String algPath = headers.find("alg").orElseThrow().path();
        if (!holds(alg.orElseThrow(), chain.orElseThrow().get(0), signingInput, signature, path, algPath)) {
            return Optional.empty();
        }
        return Optional.of(new Signer(alg.orElseThrow().getName(), chain.orElseThrow(), uuid));
    }

    private boolean holds(JWSAlgorithm alg, X509Certificate leaf, byte[] input, String signature, String path,
            String algPath) {
        if (!JwsCrypto.suits(alg, leaf.getPublicKey())) {
            problems.add(Problem.error(algPath, "alg " + alg + " cannot be used with the leaf certificate's "
                    + leaf.getPublicKey().getAlgorithm() + " key"));
            return false;
        }
        try {
            if (JwsCrypto.verify(alg, leaf.getPublicKey(), input, new Base64URL(signature))) {
                return true;
            }
            problems.add(Problem.error(path + ".signature", "the signature does not verify with the leaf certificate's"
                    + " key: the payload or protected header was altered, or another key signed it"));
        } catch (JOSEException | RuntimeException e) {
            cause = cause == null ? e : cause;
            problems.add(Problem.error(path + ".signature", "the signature could not be checked: " + JoseSupport.reason(e)));
        }
        return false;
    }

    private JsonNode protectedHeader(String text, String path) {
        Optional<JsonNode> parsed = JoseSupport.decode(text).flatMap(JoseSupport::parse);
        if (parsed.isEmpty() || !parsed.get().isObject()) {
            problems.add(Problem.error(path, "must be the base64url of a JSON object"));
            return null;
        }
        return parsed.get();
    }

    private Optional<JWSAlgorithm> algorithm(JoseHeaders headers) {
        Optional<JoseHeaders.Found> found = headers.find("alg");
        if (found.isEmpty()) {
            problems.add(Problem.error(headers.expectedPath("alg"), "alg is missing from both headers; use RS256"));
            return Optional.empty();
        }
        JsonNode value = found.get().value();
        Optional<JWSAlgorithm> alg = value.isTextual() ? JwsCrypto.accepted(value.textValue()) : Optional.empty();
        if (alg.isEmpty()) {
            problems.add(Problem.error(found.get().path(), "alg " + value + " is not supported; use RS256 "
                    + "(also accepted: RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512)"));
        }
        return alg;
    }

    private Optional<List<X509Certificate>> chain(JoseHeaders headers, String path) {
        Optional<JoseHeaders.Found> x5u = headers.find("x5u");
        boolean httpsX5u = x5u.isPresent() && isHttps(x5u.get().value());
        if (x5u.isPresent() && !httpsX5u) {
            problems.add(Problem.error(x5u.get().path(), "x5u must be an https URL"));
        }
        Optional<JoseHeaders.Found> x5c = headers.find("x5c");
        if (x5c.isEmpty()) {
            if (httpsX5u) {
                problems.add(Problem.error(x5u.get().path(), "fetching the certificate chain from x5u is not"
                        + " supported; carry the chain in x5c instead"));
            } else if (x5u.isEmpty()) {
                problems.add(Problem.error(path + ".header", "neither x5c nor x5u is present; the header must carry"
                        + " the signer's certificate chain in x5c"));
            }
            return Optional.empty();
        }
        Optional<List<X509Certificate>> chain = CertificateChains.parse(x5c.get().value(), x5c.get().path(), problems);
        chain.ifPresent(c -> CertificateChains.check(c, trust, x5c.get().path(), problems));
        return chain;
    }

    private Optional<JoseHeaders.Found> uuid(JoseHeaders headers) {
        Optional<JoseHeaders.Found> uuid = headers.find("uuid");
        if (uuid.isPresent() && !uuid.get().value().isTextual()) {
            warnings.add(Problem.warning(uuid.get().path(), "uuid should be a string"));
            return Optional.empty();
        }
        return uuid;
    }

    private String text(JsonNode object, String name, String path) {
        JsonNode value = object.get(name);
        if (value == null || !value.isTextual()) {
            problems.add(Problem.error(path, value == null ? "is missing" : "must be a string"));
            return null;
        }
        return value.textValue();
    }

    private static boolean isHttps(JsonNode value) {
        if (!value.isTextual()) {
            return false;
        }
        try {
            URI uri = new URI(value.textValue());
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
