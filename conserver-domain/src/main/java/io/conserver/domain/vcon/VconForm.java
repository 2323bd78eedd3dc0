package io.conserver.domain.vcon;

import com.fasterxml.jackson.databind.JsonNode;

/** The three serialisations of a vCon (draft §1), told apart by their top-level keys. */
public enum VconForm {
    /** The vCon object itself. */
    UNSIGNED,
    /** A JWS in General JSON Serialization: {@code payload} and {@code signatures}. */
    SIGNED,
    /** A JWE in General JSON Serialization: {@code ciphertext} and {@code recipients}. */
    ENCRYPTED;

    /**
     * The form of a parsed document. Anything that is neither signed nor encrypted counts as unsigned,
     * so the unsigned reader is the one that rejects non-objects with a proper message.
     */
    public static VconForm detect(JsonNode root) {
        if (root == null || !root.isObject()) {
            return UNSIGNED;
        }
        if (root.has("payload") && root.has("signatures")) {
            return SIGNED;
        }
        if (root.has("ciphertext") && root.has("recipients")) {
            return ENCRYPTED;
        }
        return UNSIGNED;
    }

    /** True when the bytes start with the gzip magic number (0x1f 0x8b); check this before parsing. */
    public static boolean isGzip(byte[] bytes) {
        return bytes != null && bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }
}
