package io.conserver.domain.vcon;

import java.util.List;

/**
 * Marks a vCon as an amended copy of a prior version (draft §4.3): the prior content plus new data.
 *
 * @param uuid        the prior version's uuid
 * @param url         where the prior version lives
 * @param contentHash the prior version's hash, required when {@code url} is given
 */
public record Amended(String uuid, String url, List<String> contentHash, Extras extras) {
    public Amended {
        contentHash = contentHash == null ? List.of() : List.copyOf(contentHash);
        extras = extras == null ? Extras.EMPTY : extras;
    }

    public static Amended of(String priorUuid) {
        return new Amended(priorUuid, null, List.of(), Extras.EMPTY);
    }
}
