package io.conserver.app.runtime;

import io.conserver.domain.port.out.DeadLetter;
import io.conserver.domain.port.out.HistoryEntry;
import io.conserver.domain.port.out.WorkQueue;
import io.conserver.domain.vcon.Vcon;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Replays dead letters. A link dead letter sends its id back to the list it names (the chain's run
 * list, so only that chain runs it again). A storage dead letter saves the vCon again into that
 * storage; if that fails too, a fresh dead letter is recorded. Entries are removed only after they
 * were handled, so a crash during a replay repeats work rather than losing it.
 */
public final class DeadLetterReplay {
    private final RuntimeParts parts;
    private final Supplier<CompiledConfig> config;

    DeadLetterReplay(RuntimeParts parts, Supplier<CompiledConfig> config) {
        this.parts = parts;
        this.config = config;
    }

    /** Replays up to {@code count} of the oldest entries of the list; returns how many were handled. */
    public int replay(String deadLetterList, int count) throws InterruptedException {
        WorkQueue queue = parts.queue();
        List<DeadLetter> entries = queue.deadLetters(deadLetterList, 0, count);
        for (DeadLetter entry : entries) {
            if (entry.replayTo().isPresent()) {
                queue.push(entry.replayTo().get(), entry.id());
            } else {
                resave(entry);
            }
        }
        queue.removeDeadLetters(deadLetterList, entries.size());
        return entries.size();
    }

    private void resave(DeadLetter entry) throws InterruptedException {
        StorageStep step = config.get().storages().get(entry.stage());
        Optional<Vcon> vcon = parts.store().get(entry.id());
        if (step == null || vcon.isEmpty()) {
            String why = step == null ? "storage " + entry.stage() + " is no longer configured" : "the vCon is no longer in the store";
            queue().deadLetter(entry.stage().isEmpty() ? "DLQ:unknown" : deadLetterListOf(entry),
                    new DeadLetter(entry.id(), why + "; earlier: " + entry.reason(), entry.chain(), entry.stage(),
                            entry.attempts(), parts.clock().instant(), Optional.empty()));
            return;
        }
        HistoryEntry result = new StorageStage(null, parts.queue(), parts.clock()).save(entry.chain(), step, vcon.get());
        parts.history().append(entry.id(), List.of(result));
    }

    private String deadLetterListOf(DeadLetter entry) {
        StorageStep step = config.get().storages().get(entry.stage());
        return step == null ? "DLQ:storage:" + entry.stage() : step.deadLetterList();
    }

    private WorkQueue queue() {
        return parts.queue();
    }
}
