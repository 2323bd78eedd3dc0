package io.conserver.domain.vcon.jose;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads PEM keys and certificate chains (for {@code sign --key key.pem --cert chain.pem}) with the JDK alone. */
public final class VconKeys {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    // DER of AlgorithmIdentifier { rsaEncryption, NULL }, to wrap a PKCS#1 key as PKCS#8.
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private VconKeys() {}

    /**
     * The first private key in {@code pem}: PKCS#8 ({@code BEGIN PRIVATE KEY}) RSA or EC, or PKCS#1
     * ({@code BEGIN RSA PRIVATE KEY}).
     *
     * @throws IllegalArgumentException when there is no such key, or it is encrypted or unreadable
     */
    public static PrivateKey readPrivateKey(String pem) {
        Matcher matcher = BLOCK.matcher(Objects.requireNonNull(pem, "pem"));
        while (matcher.find()) {
            byte[] der = body(matcher);
            switch (matcher.group(1)) {
                case "PRIVATE KEY":
                    return pkcs8(der);
                case "RSA PRIVATE KEY":
                    return pkcs8(wrapPkcs1(der));
                case "ENCRYPTED PRIVATE KEY":
                    throw new IllegalArgumentException("the private key is encrypted; decrypt it first"
                            + " (openssl pkcs8 -in key.pem -nocrypt -out plain.pem)");
                case "EC PRIVATE KEY":
                    throw new IllegalArgumentException("SEC1 EC keys are not supported; convert to PKCS#8"
                            + " (openssl pkcs8 -topk8 -nocrypt -in key.pem -out pkcs8.pem)");
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("no PEM private key found (expected -----BEGIN PRIVATE KEY-----)");
    }

    /**
     * The certificates in {@code pem}, in file order (which should be leaf first).
     *
     * @throws IllegalArgumentException when there is none or one is unreadable
     */
    public static List<X509Certificate> readCertificateChain(String pem) {
        Matcher matcher = BLOCK.matcher(Objects.requireNonNull(pem, "pem"));
        List<X509Certificate> chain = new ArrayList<>();
        while (matcher.find()) {
            if (matcher.group(1).equals("CERTIFICATE")) {
                chain.add(certificate(body(matcher), chain.size()));
            }
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("no PEM certificate found (expected -----BEGIN CERTIFICATE-----)");
        }
        return List.copyOf(chain);
    }

    private static byte[] body(Matcher matcher) {
        try {
            return Base64.getMimeDecoder().decode(matcher.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM block " + matcher.group(1) + " is not valid base64", e);
        }
    }

    private static PrivateKey pkcs8(byte[] der) {
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this algorithm; try the next one
            }
        }
        throw new IllegalArgumentException("the PKCS#8 private key is neither a readable RSA nor EC key");
    }

    private static X509Certificate certificate(byte[] der, int index) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("certificate " + index + " of the PEM chain is unreadable: "
                    + e.getMessage(), e);
        }
    }

    /** PrivateKeyInfo ::= SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING pkcs1 }. */
    private static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(new byte[] {0x02, 0x01, 0x00});
        content.writeBytes(RSA_ALGORITHM);
        content.writeBytes(tagged(0x04, pkcs1));
        return tagged(0x30, content.toByteArray());
    }

    private static byte[] tagged(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
                out.write(length >>> shift);
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
