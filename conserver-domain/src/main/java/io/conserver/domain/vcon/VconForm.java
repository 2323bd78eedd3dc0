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
     *
     * <p>A document with any of the content arrays is the vCon itself, whatever else it carries: a JWS
     * or JWE object never has them, while vcon-lib's {@code sign()} writes {@code payload} and
     * {@code signatures} into the unsigned vCon (not the draft's JWS, and with no certificate to verify).
     * Such a vCon is read as unsigned, its inline signature kept as unknown fields.
     */
    public static VconForm detect(JsonNode root) {
        if (root == null || !root.isObject() || hasContent(root)) {
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

    private static boolean hasContent(JsonNode root) {
        return root.has("parties") || root.has("dialog") || root.has("analysis") || root.has("attachments");
    }

    /** True when the bytes start with the gzip magic number (0x1f 0x8b); check this before parsing. */
    public static boolean isGzip(byte[] bytes) {
        return bytes != null && bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }
}
