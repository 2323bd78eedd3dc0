package io.conserver.app.runtime;

import io.conserver.domain.port.out.Lease;
import io.conserver.domain.port.out.WorkQueue;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker thread taking ids from one list under a lease and handing each to a {@link Job}. The
 * item is acked only after the job finished; if the job is interrupted (shutdown past its deadline)
 * the item goes back to the head of its list, and if the worker dies the lease runs out and the
 * item comes back on its own. Either way nothing is lost.
 */
final class ListWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ListWorker.class);
    /** How long one take waits before the loop re-checks whether it should stop. */
    private static final Duration WAIT = Duration.ofSeconds(1);
    private static final long PAUSE_AFTER_ERROR_MS = 1000;

    /** What to do with one taken id. */
    @FunctionalInterface
    interface Job {
        void process(Lease lease) throws InterruptedException;
    }

    private final WorkQueue queue;
    private final String list;
    private final Duration lease;
    private final Job job;
    private volatile boolean stopping;
    private volatile boolean busy;
    private volatile Thread thread;

    ListWorker(WorkQueue queue, String list, Duration lease, Job job) {
        this.queue = queue;
        this.list = list;
        this.lease = lease;
        this.job = job;
    }

    String list() {
        return list;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        while (!stopping) {
            try {
                queue.take(list, lease, WAIT).ifPresent(this::handle);
            } catch (InterruptedException e) {
                if (!stopping) {
                    LOG.warn("worker on {} interrupted unexpectedly; stopping", list);
                }
                return;
            } catch (RuntimeException e) {
                LOG.error("worker on {} cannot take work: {}; retrying", list, e.toString());
                pause();
            }
        }
    }

    private void handle(Lease taken) {
        busy = true;
        try {
            job.process(taken);
            queue.ack(taken);
        } catch (InterruptedException e) {
            giveBack(taken, "interrupted");
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("processing {} from {} failed: {}; it will be retried", taken.id(), list, e.toString());
            giveBack(taken, e.toString());
            pause();
        } finally {
            busy = false;
        }
        if (Thread.interrupted() && !stopping) {
            LOG.warn("worker on {} was interrupted while not stopping", list);
        }
    }

    private void giveBack(Lease taken, String why) {
        try {
            queue.release(taken);
        } catch (RuntimeException e) {
            // The lease will run out and the item will come back then.
            LOG.warn("could not release {} to {} ({}): {}", taken.id(), list, why, e.toString());
        }
    }

    private void pause() {
        try {
            Thread.sleep(PAUSE_AFTER_ERROR_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /** Stops taking; an idle worker is woken at once, a busy one finishes its item first. */
    void requestStop() {
        stopping = true;
        Thread t = thread;
        if (t != null && !busy) {
            t.interrupt();
        }
    }

    /** Interrupts the item in progress, which then goes back to its list. */
    void interrupt() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
