package io.conserver.domain.vcon.jose;

import com.fasterxml.jackson.databind.JsonNode;
import io.conserver.domain.vcon.Problem;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads an {@code x5c} array and checks the chain it carries. */
final class CertificateChains {
    private CertificateChains() {}

    /** The certificates of {@code x5c}, leaf first; empty (with problems added) if any is unreadable. */
    static Optional<List<X509Certificate>> parse(JsonNode x5c, String path, List<Problem> problems) {
        if (!x5c.isArray() || x5c.isEmpty()) {
            problems.add(Problem.error(path, "x5c must be a non-empty array of base64 DER certificates"));
            return Optional.empty();
        }
        List<X509Certificate> chain = new ArrayList<>();
        int before = problems.size();
        for (int i = 0; i < x5c.size(); i++) {
            readCertificate(x5c.get(i), path + "[" + i + "]", problems).ifPresent(chain::add);
        }
        return problems.size() == before ? Optional.of(List.copyOf(chain)) : Optional.empty();
    }

    private static Optional<X509Certificate> readCertificate(JsonNode entry, String path, List<Problem> problems) {
        // RFC 7515 §4.1.6: x5c holds standard base64, not base64url.
        byte[] der;
        try {
            der = entry.isTextual() ? Base64.getDecoder().decode(entry.textValue()) : null;
        } catch (IllegalArgumentException e) {
            der = null;
        }
        if (der == null || der.length == 0) {
            problems.add(Problem.error(path, "must be a base64 (not base64url) DER certificate"));
            return Optional.empty();
        }
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)));
        } catch (GeneralSecurityException | RuntimeException e) {
            problems.add(Problem.error(path, "is not an X.509 certificate: " + JoseSupport.reason(e)));
            return Optional.empty();
        }
    }

    /**
     * Checks that each certificate is valid at the clock's time and is signed by the next one, then,
     * when trust anchors are configured, that the chain leads to one of them (PKIX, revocation off:
     * vCons are verified long after signing and offline, where CRL and OCSP answers are unavailable).
     */
    static void check(List<X509Certificate> chain, TrustOptions trust, String path, List<Problem> problems) {
        Date now = Date.from(trust.clock().instant());
        int before = problems.size();
        for (int i = 0; i < chain.size(); i++) {
            checkValidity(chain.get(i), now, path + "[" + i + "]", problems);
            if (i + 1 < chain.size()) {
                checkIssuedBy(chain.get(i), chain.get(i + 1), i, path, problems);
            }
        }
        checkLeafUsage(chain.get(0), path + "[0]", problems);
        if (problems.size() == before && !trust.trustAnchors().isEmpty()) {
            checkAnchored(chain, trust, now, path, problems);
        }
    }

    private static void checkValidity(X509Certificate certificate, Date now, String path, List<Problem> problems) {
        try {
            certificate.checkValidity(now);
        } catch (CertificateExpiredException e) {
            problems.add(Problem.error(path, "the certificate " + subject(certificate) + " expired at "
                    + certificate.getNotAfter().toInstant() + " (checked at " + now.toInstant() + ")"));
        } catch (CertificateNotYetValidException e) {
            problems.add(Problem.error(path, "the certificate " + subject(certificate) + " is not valid before "
                    + certificate.getNotBefore().toInstant() + " (checked at " + now.toInstant() + ")"));
        }
    }

    private static void checkIssuedBy(X509Certificate child, X509Certificate issuer, int i, String path,
            List<Problem> problems) {
        String childPath = path + "[" + i + "]";
        if (!child.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            problems.add(Problem.error(childPath, "issued by " + child.getIssuerX500Principal().getName()
                    + ", but the next certificate is " + subject(issuer)
                    + "; x5c must list the leaf first, each certificate followed by its issuer"));
            return;
        }
        try {
            child.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            problems.add(Problem.error(childPath, "its signature does not verify with the key of "
                    + path + "[" + (i + 1) + "]: " + JoseSupport.reason(e)));
            return;
        }
        if (issuer.getBasicConstraints() < 0) {
            problems.add(Problem.error(path + "[" + (i + 1) + "]", "issues " + childPath
                    + " but is not a CA certificate (basicConstraints)"));
        }
    }

    private static void checkLeafUsage(X509Certificate leaf, String path, List<Problem> problems) {
        boolean[] usage = leaf.getKeyUsage();
        if (usage != null && !usage[0] && !usage[1]) {
            problems.add(Problem.error(path, "the key usage of " + subject(leaf)
                    + " allows neither digitalSignature nor nonRepudiation"));
        }
    }

    private static void checkAnchored(List<X509Certificate> chain, TrustOptions trust, Date now, String path,
            List<Problem> problems) {
        // PKIX wants the path without its anchor, so drop any trailing certificates that are anchors.
        int end = chain.size();
        while (end > 0 && trust.trustAnchors().contains(chain.get(end - 1))) {
            end--;
        }
        if (end == 0) {
            return;
        }
        try {
            PKIXParameters parameters = new PKIXParameters(trust.trustAnchors().stream()
                    .map(anchor -> new TrustAnchor(anchor, null)).collect(Collectors.toSet()));
            parameters.setRevocationEnabled(false);
            parameters.setDate(now);
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(chain.subList(0, end)), parameters);
        } catch (CertPathValidatorException e) {
            String where = e.getIndex() >= 0 && e.getIndex() < end ? path + "[" + e.getIndex() + "]" : path;
            problems.add(Problem.error(where, "the chain does not lead to a trusted root: " + JoseSupport.reason(e)));
        } catch (GeneralSecurityException | RuntimeException e) {
            problems.add(Problem.error(path, "the chain could not be checked: " + JoseSupport.reason(e)));
        }
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
