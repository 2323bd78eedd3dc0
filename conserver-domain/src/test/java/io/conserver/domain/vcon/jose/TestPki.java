package io.conserver.domain.vcon.jose;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test certificates made on the fly with BouncyCastle: a root CA, an intermediate CA and a leaf
 * (RSA 2048), a lone self-signed RSA certificate, and an EC P-256 leaf under the same intermediate.
 * {@link #shared()} builds them once per JVM, since RSA key generation is slow.
 */
public final class TestPki {
    /** A certificate with its key pair. */
    public record Issued(KeyPair keys, X509Certificate certificate) {
        public PrivateKey privateKey() {
            return keys.getPrivate();
        }
    }

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static TestPki shared;

    public final Issued root;
    public final Issued intermediate;
    public final Issued leaf;
    public final Issued lone;
    public final Issued ecLeaf;

    private TestPki() {
        Instant now = Instant.now();
        Instant from = now.minus(Duration.ofDays(1));
        root = issue("CN=Test Root CA", null, rsa(), from, now.plus(Duration.ofDays(3650)), true);
        intermediate = issue("CN=Test Intermediate CA", root, rsa(), from, now.plus(Duration.ofDays(1825)), true);
        leaf = issue("CN=Test vCon Signer", intermediate, rsa(), from, now.plus(Duration.ofDays(365)), false);
        lone = issue("CN=Lone Self-Signed", null, rsa(), from, now.plus(Duration.ofDays(365)), false);
        ecLeaf = issue("CN=Test EC Signer", intermediate, ec(), from, now.plus(Duration.ofDays(365)), false);
    }

    public static synchronized TestPki shared() {
        if (shared == null) {
            shared = new TestPki();
        }
        return shared;
    }

    /** Leaf and intermediate, as usually sent in {@code x5c}: the root comes from the trust store. */
    public List<X509Certificate> chain() {
        return List.of(leaf.certificate(), intermediate.certificate());
    }

    /** Leaf, intermediate and root. */
    public List<X509Certificate> fullChain() {
        return List.of(leaf.certificate(), intermediate.certificate(), root.certificate());
    }

    /**
     * Issues a certificate for {@code subject}, signed by {@code issuer} or self-signed when it is null.
     * CA certificates get basicConstraints CA and keyCertSign; others get digitalSignature.
     */
    public static Issued issue(String subject, Issued issuer, KeyPair keys, Instant notBefore, Instant notAfter,
            boolean ca) {
        try {
            X500Name name = new X500Name(subject);
            X500Name issuerName = issuer == null ? name
                    : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                    name, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca
                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
            PrivateKey signingKey = issuer == null ? keys.getPrivate() : issuer.privateKey();
            String algorithm = "EC".equals(signingKey.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(signingKey)));
            return new Issued(keys, certificate);
        } catch (Exception e) {
            throw new IllegalStateException("could not issue a test certificate for " + subject, e);
        }
    }

    public static KeyPair rsa() {
        return generate("RSA", 2048);
    }

    public static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), as {@code openssl genpkey} writes it. */
    public static String pem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /** The certificates as concatenated PEM blocks, in list order. */
    public static String pem(List<X509Certificate> chain) {
        StringBuilder out = new StringBuilder();
        for (X509Certificate certificate : chain) {
            try {
                out.append(pem("CERTIFICATE", certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.toString();
    }

    public static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
