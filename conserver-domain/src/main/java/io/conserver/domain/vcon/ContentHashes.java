package io.conserver.domain.vcon;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Computes and checks the draft's {@code content_hash} values: {@code <alg>-<base64url digest>},
 * one token or several (one per algorithm). {@code sha512} is mandatory; {@code sha256} and
 * {@code sha384} are accepted too.
 */
public final class ContentHashes {
    private ContentHashes() {
    }

    /** {@code sha512-<base64url>} of the bytes: what the library writes. */
    public static String sha512(byte[] data) {
        return compute("sha512", data);
    }

    /** The hash token of {@code data} with the named algorithm ({@code sha256}, {@code sha384}, {@code sha512}). */
    public static String compute(String alg, byte[] data) {
        return alg + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest(alg, data));
    }

    /** True when the token has the {@code alg-base64url} shape, whatever the algorithm. */
    public static boolean isWellFormed(String token) {
        if (token == null) {
            return false;
        }
        int dash = token.indexOf('-');
        if (dash <= 0 || dash == token.length() - 1) {
            return false;
        }
        for (int i = 0; i < dash; i++) {
            char c = token.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        for (int i = dash + 1; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean b64 = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
            if (!b64 && !(c == '=' && i >= token.length() - 2)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks {@code data} against every token whose algorithm this library knows. At least one
     * token must be checkable, and every checkable token must match.
     *
     * @throws InvalidVconException naming the token that failed, or saying none could be checked
     */
    public static void verify(List<String> tokens, byte[] data) {
        if (tokens.isEmpty()) {
            throw InvalidVconException.of("content_hash", "there is no content_hash to check the content against");
        }
        int checked = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String path = tokens.size() == 1 ? "content_hash" : "content_hash[" + i + "]";
            if (!isWellFormed(token)) {
                throw InvalidVconException.of(path, "content_hash is not of the form alg-base64url");
            }
            String alg = token.substring(0, token.indexOf('-')).toLowerCase(Locale.ROOT);
            if (!isSupported(alg)) {
                continue;
            }
            checked++;
            String expected = token.substring(token.indexOf('-') + 1).replace("=", "");
            String actual = Base64.getUrlEncoder().withoutPadding().encodeToString(digest(alg, data));
            if (!MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    actual.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                throw InvalidVconException.of(path, "the content does not match its " + alg + " content_hash");
            }
        }
        if (checked == 0) {
            throw InvalidVconException.of("content_hash",
                    "no content_hash uses an algorithm this library supports (sha256, sha384, sha512)");
        }
    }

    /** {@link #verify(List, byte[])} as a boolean, for callers that only need a yes or no. */
    public static boolean matches(List<String> tokens, byte[] data) {
        try {
            verify(tokens, data);
            return true;
        } catch (InvalidVconException e) {
            return false;
        }
    }

    public static boolean isSupported(String alg) {
        return "sha512".equals(alg) || "sha256".equals(alg) || "sha384".equals(alg);
    }

    private static byte[] digest(String alg, byte[] data) {
        String jca = switch (alg) {
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            default -> throw new IllegalArgumentException("unsupported hash algorithm " + alg);
        };
        try {
            return MessageDigest.getInstance(jca).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + jca, e);
        }
    }
}
