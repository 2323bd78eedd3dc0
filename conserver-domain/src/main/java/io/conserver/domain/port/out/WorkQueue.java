package io.conserver.domain.port.out;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Named FIFO lists of vCon uuids (ingress, egress, hand-off and resume lists) plus dead-letter lists.
 * Only ids travel here; the vCons stay in the {@link VconStore}.
 *
 * <p>Taking is reliable: {@link #take} moves the head item into an in-flight set under a lease. The
 * taker {@link #ack acks} it when done, or {@link #release releases} it to put it back at the head.
 * When a lease runs out because its worker died, {@link #requeueExpired} (which any instance may
 * call, and adapters may also run on their own) puts the item back at the head of its list, so
 * delivery is at-least-once and order is kept as far as a crash allows.
 *
 * <p>Implementations are thread-safe; a push that returned is durable.
 */
public interface WorkQueue {

    /** Appends the id to the tail of the list. */
    void push(String list, String id);

    /** Appends the ids, in order, to the tail of the list in one step. */
    void pushAll(String list, List<String> ids);

    /**
     * Takes the head of the list under a lease of {@code lease}, waiting up to {@code wait} for an item
     * to arrive. A waiting taker blocks on a signal or a blocking command; it never spins.
     *
     * @return the lease, or empty when nothing arrived in time
     */
    Optional<Lease> take(String list, Duration lease, Duration wait) throws InterruptedException;

    /** Finishes a lease: the item leaves the in-flight set for good. False if the lease had already expired. */
    boolean ack(Lease lease);

    /** Gives a lease back: the item returns to the head of its list at once. False if it had already expired. */
    boolean release(Lease lease);

    /** Extends a lease still held to {@code extension} from now; false if it had already expired. */
    boolean renew(Lease lease, Duration extension);

    /**
     * Puts every item whose lease has run out back at the head of its list, ahead of the waiting items
     * and in the order they were taken; returns how many.
     */
    int requeueExpired();

    /** How many items wait in the list (in-flight items are not counted). */
    long length(String list);

    /** How many items of the list are in flight under a lease (an expired lease counts until it is requeued). */
    long inFlight(String list);

    /** Up to {@code count} ids from position {@code start} (0 = head) without taking them. */
    List<String> peek(String list, int start, int count);

    /** Removes and returns up to {@code count} ids from the head, unreliably: for egress readers. */
    List<String> pop(String list, int count);

    /** Moves up to {@code count} ids from the head of one list to the tail of another; returns how many. */
    int move(String from, String to, int count);

    /** Every list that holds items or in-flight items, with its waiting depth. */
    Map<String, Long> lists();

    /** The dead-letter lists kept beside this queue's lists; the methods below are its shorthands. */
    DeadLetterLists deadLetterStore();

    /** Appends an entry to the tail of a dead-letter list. */
    default void deadLetter(String deadLetterList, DeadLetter entry) {
        deadLetterStore().append(deadLetterList, entry);
    }

    /** Up to {@code count} entries from position {@code start} (0 = oldest) of a dead-letter list. */
    default List<DeadLetter> deadLetters(String deadLetterList, int start, int count) {
        return deadLetterStore().range(deadLetterList, start, count);
    }

    /** How many entries a dead-letter list holds. */
    default long deadLetterCount(String deadLetterList) {
        return deadLetterStore().count(deadLetterList);
    }

    /** Removes up to {@code count} of the oldest entries of a dead-letter list; returns how many. */
    default int removeDeadLetters(String deadLetterList, int count) {
        return deadLetterStore().removeOldest(deadLetterList, count);
    }

    /** Every dead-letter list that holds entries, with its size. */
    default Map<String, Long> deadLetterLists() {
        return deadLetterStore().lists();
    }
}
