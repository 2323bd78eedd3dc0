package io.conserver.domain.vcon;

import java.util.List;

/**
 * Marks a vCon as a redacted copy of a less-redacted parent (draft §4.2).
 *
 * @param uuid        the parent's uuid; {@code null} when no parent is available
 * @param type        what was redacted, e.g. {@code "PII Redaction"}
 * @param url         where the (encrypted, access-restricted) parent lives
 * @param contentHash the parent's hash, required when {@code url} is given
 */
public record Redacted(String uuid, String type, String url, List<String> contentHash, Extras extras) {
    public Redacted {
        contentHash = contentHash == null ? List.of() : List.copyOf(contentHash);
        extras = extras == null ? Extras.EMPTY : extras;
    }

    public static Redacted of(String parentUuid, String type) {
        return new Redacted(parentUuid, type, null, List.of(), Extras.EMPTY);
    }
}
