package io.conserver.domain.port.out;

import java.util.List;

/**
 * The per-vCon processing history: each chain run appends what its links did, and the API shows it.
 * Kept apart from the vCon itself so that recording a run never rewrites the document.
 */
public interface ProcessingHistory {

    /** Appends entries, in order, to the history of the vCon {@code uuid}, in one step. */
    void append(String uuid, List<HistoryEntry> entries);

    /** The whole history of the vCon, oldest first; empty when there is none. */
    List<HistoryEntry> read(String uuid);

    /** Forgets the history of a vCon (when the vCon is deleted). */
    void delete(String uuid);
}
