package io.conserver.adapters.embedded;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes takers waiting on a list when this process adds to it. Each list has a generation that
 * every signal bumps; a taker notes the generation before it looks at the list and, finding it
 * empty, sleeps until the generation moves or its time is up, so no signal between the look and the
 * sleep is lost.
 */
final class ListSignals {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Long> generations = new HashMap<>();

    long generation(String list) {
        lock.lock();
        try {
            return generations.getOrDefault(list, 0L);
        } finally {
            lock.unlock();
        }
    }

    void signal(String list) {
        lock.lock();
        try {
            generations.merge(list, 1L, Long::sum);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Sleeps until {@code list} moves past generation {@code seen} or {@code nanos} pass. */
    void await(String list, long seen, long nanos) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long left = nanos;
            while (left > 0 && generations.getOrDefault(list, 0L) == seen) {
                left = changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }
}
