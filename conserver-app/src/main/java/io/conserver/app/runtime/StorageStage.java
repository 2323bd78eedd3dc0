package io.conserver.app.runtime;

import io.conserver.domain.error.ConserverException;
import io.conserver.domain.error.ErrorCategory;
import io.conserver.domain.port.out.DeadLetter;
import io.conserver.domain.port.out.HistoryEntry;
import io.conserver.domain.port.out.WorkQueue;
import io.conserver.domain.vcon.Vcon;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a vCon into every storage of a chain, in parallel, each with its own retries. A storage that
 * keeps failing gets a dead letter {uuid, storage, reason} to replay later: no write is dropped.
 */
final class StorageStage {
    private static final Logger LOG = LoggerFactory.getLogger(StorageStage.class);

    private final ExecutorService executor;
    private final WorkQueue queue;
    private final Clock clock;

    StorageStage(ExecutorService executor, WorkQueue queue, Clock clock) {
        this.executor = executor;
        this.queue = queue;
        this.clock = clock;
    }

    /** Saves into every storage and returns one history entry per storage. */
    List<HistoryEntry> saveAll(String chain, List<StorageStep> storages, Vcon vcon) throws InterruptedException {
        if (storages.size() == 1) {
            return List.of(save(chain, storages.get(0), vcon));
        }
        List<Future<HistoryEntry>> futures = new ArrayList<>();
        for (StorageStep step : storages) {
            futures.add(executor.submit(() -> save(chain, step, vcon)));
        }
        List<HistoryEntry> entries = new ArrayList<>();
        for (Future<HistoryEntry> future : futures) {
            entries.add(await(future));
        }
        return entries;
    }

    /** One save with the storage's retries; on final failure, the dead letter. */
    HistoryEntry save(String chain, StorageStep step, Vcon vcon) throws InterruptedException {
        long started = System.nanoTime();
        Exception last = null;
        int attempts = step.retry().maxAttempts();
        int made = 0;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            made = attempt;
            try {
                step.storage().save(vcon);
                return entry(chain, step, "saved", started, attempt > 1 ? "after " + attempt + " attempts" : "");
            } catch (RuntimeException e) {
                last = e;
                LOG.warn("storage {} failed to save vCon {} (attempt {} of {}): {}", step.name(), vcon.uuid(), attempt, attempts, e.toString());
                if (!retriable(e)) {
                    break;
                }
                if (attempt < attempts) {
                    Thread.sleep(step.retry().delayAfter(attempt).toMillis());
                }
            }
        }
        String reason = String.valueOf(last);
        queue.deadLetter(step.deadLetterList(), new DeadLetter(vcon.uuid(), reason, chain, step.name(), made, clock.instant(), Optional.empty()));
        return entry(chain, step, "dead_letter", started, reason);
    }

    /**
     * Whether saving again may help. A vCon too large for the storage, an invalid uuid or a missing
     * vCon gives the same answer every time, so it is dead-lettered at once (as the storage docs say).
     */
    private static boolean retriable(RuntimeException e) {
        if (e instanceof ConserverException c) {
            return c.category() != ErrorCategory.TOO_LARGE && c.category() != ErrorCategory.INVALID_INPUT
                    && c.category() != ErrorCategory.NOT_FOUND;
        }
        return !(e instanceof IllegalArgumentException);
    }

    private HistoryEntry entry(String chain, StorageStep step, String outcome, long started, String detail) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Instant now = clock.instant();
        return new HistoryEntry(chain, "storage:" + step.name(), outcome, took, now, detail);
    }

    private static HistoryEntry await(Future<HistoryEntry> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
