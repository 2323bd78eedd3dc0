package io.conserver.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.conserver.domain.port.out.HistoryEntry;
import io.conserver.domain.port.out.ProcessingHistory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ProcessingHistory} adapter must show: appends keep their order, reads
 * return the whole history oldest first, and delete forgets one vCon's history only.
 */
public abstract class ProcessingHistoryContractTest {
    private static final Instant AT = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    protected ProcessingHistory history;

    /** A new, empty history. */
    protected abstract ProcessingHistory newHistory();

    /** Releases what {@link #newHistory()} opened. */
    protected void closeHistory(ProcessingHistory history) throws Exception {
    }

    @BeforeEach
    void openHistory() {
        history = newHistory();
    }

    @AfterEach
    void releaseHistory() throws Exception {
        closeHistory(history);
    }

    @Test
    void anUnknownVconHasNoHistory() {
        assertThat(history.read("unknown")).isEmpty();
    }

    @Test
    void appendedEntriesAreReadBackWithEveryField() {
        List<HistoryEntry> run = List.of(
                new HistoryEntry("main", "tagger", "continue", Duration.ofMillis(12), AT, ""),
                new HistoryEntry("main", "sampler", "halt", Duration.ofNanos(1_500_000), AT.plusMillis(1),
                        "sampled out: rate 0.1"),
                new HistoryEntry("main", "main", "done", Duration.ofSeconds(2), AT.plusMillis(2), "ünïcode ✓"));
        history.append("v1", run);
        assertThat(history.read("v1")).containsExactlyElementsOf(run);
    }

    @Test
    void laterAppendsFollowEarlierOnes() {
        List<HistoryEntry> first = entries("first", 3);
        List<HistoryEntry> second = entries("second", 2);
        history.append("v1", first);
        history.append("v1", second);
        List<HistoryEntry> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(history.read("v1")).containsExactlyElementsOf(all);
    }

    @Test
    void appendingNothingChangesNothing() {
        history.append("v1", List.of());
        assertThat(history.read("v1")).isEmpty();
        history.append("v1", entries("run", 1));
        history.append("v1", List.of());
        assertThat(history.read("v1")).hasSize(1);
    }

    @Test
    void historiesOfDifferentVconsAreApart() {
        history.append("v1", entries("one", 2));
        history.append("v2", entries("two", 1));
        assertThat(history.read("v1")).extracting(HistoryEntry::chain).containsOnly("one");
        assertThat(history.read("v2")).extracting(HistoryEntry::chain).containsExactly("two");
    }

    @Test
    void deleteForgetsOneVconsHistory() {
        history.append("v1", entries("one", 2));
        history.append("v2", entries("two", 1));
        history.delete("v1");
        history.delete("v1");
        history.delete("never-seen");
        assertThat(history.read("v1")).isEmpty();
        assertThat(history.read("v2")).hasSize(1);
    }

    @Test
    void concurrentAppendsKeepEachBatchTogether() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String chain = "chain" + t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        history.append("shared", entries(chain, 3));
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<HistoryEntry> all = history.read("shared");
        assertThat(all).hasSize(120);
        for (int i = 0; i < all.size(); i += 3) {
            assertThat(all.subList(i, i + 3)).extracting(HistoryEntry::link).containsExactly("link0", "link1", "link2");
            assertThat(all.subList(i, i + 3)).extracting(HistoryEntry::chain).containsOnly(all.get(i).chain());
        }
    }

    private static List<HistoryEntry> entries(String chain, int n) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(new HistoryEntry(chain, "link" + i, "continue", Duration.ofMillis(i), AT.plusMillis(i), ""));
        }
        return entries;
    }
}
