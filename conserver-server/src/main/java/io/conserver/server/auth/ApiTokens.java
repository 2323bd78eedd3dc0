package io.conserver.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.List;

/**
 * A set of tokens checked in constant time. Tokens are kept only as SHA-256 digests, and a
 * presented token is compared against every digest with {@link MessageDigest#isEqual}, never
 * stopping early, so neither the length nor the position of a match leaks through timing.
 */
public final class ApiTokens {
    private final List<byte[]> digests;

    public ApiTokens(Collection<String> tokens) {
        this.digests = tokens.stream().filter(t -> t != null && !t.isBlank()).map(ApiTokens::digest).toList();
    }

    public boolean isEmpty() {
        return digests.isEmpty();
    }

    public boolean matches(String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        byte[] candidate = digest(presented);
        boolean match = false;
        for (byte[] digest : digests) {
            match |= MessageDigest.isEqual(digest, candidate);
        }
        return match;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
