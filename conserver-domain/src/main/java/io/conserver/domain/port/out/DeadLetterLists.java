package io.conserver.domain.port.out;

import java.util.List;
import java.util.Map;

/**
 * The dead-letter lists a {@link WorkQueue} keeps beside its lists: the ids that failed, each with
 * the reason, oldest first, until they are replayed or removed. A queue's adapter implements this
 * once, and the queue's dead-letter methods reach it through {@link WorkQueue#deadLetterStore()}.
 */
public interface DeadLetterLists {

    /** Appends an entry to the tail of a dead-letter list. */
    void append(String deadLetterList, DeadLetter entry);

    /** Up to {@code count} entries from position {@code start} (0 = oldest). */
    List<DeadLetter> range(String deadLetterList, int start, int count);

    /** How many entries the list holds. */
    long count(String deadLetterList);

    /** Removes up to {@code count} of the oldest entries; returns how many. */
    int removeOldest(String deadLetterList, int count);

    /** Every dead-letter list that holds entries, with its size. */
    Map<String, Long> lists();
}
