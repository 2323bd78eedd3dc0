package io.conserver.adapters.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.conserver.domain.contract.WorkQueueContractTest;
import io.conserver.domain.port.out.Lease;
import io.conserver.domain.port.out.WorkQueue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteWorkQueueTest extends WorkQueueContractTest {
    @TempDir
    Path dataDirectory;
    private EmbeddedDatabase db;

    @Override
    protected WorkQueue newQueue() {
        db = EmbeddedDatabase.open(dataDirectory);
        return new SqliteWorkQueue(db);
    }

    @Override
    protected void closeQueue(WorkQueue queue) {
        db.close();
    }

    @Test
    void listsAndLeasesSurviveReopeningTheFile() throws InterruptedException {
        queue.pushAll("in", List.of("a", "b", "c"));
        queue.take("in", Duration.ofMinutes(1), Duration.ZERO);
        db.close();
        db = EmbeddedDatabase.open(dataDirectory);
        WorkQueue reopened = new SqliteWorkQueue(db);
        assertThat(reopened.peek("in", 0, 10)).containsExactly("b", "c");
        assertThat(reopened.inFlight("in")).isEqualTo(1);
    }

    @Test
    void aWaitingTakeNoticesAPushFromAnotherProcessOnTheSameFile() throws Exception {
        try (EmbeddedDatabase other = EmbeddedDatabase.open(dataDirectory)) {
            WorkQueue otherProcess = new SqliteWorkQueue(other);
            CompletableFuture<Optional<Lease>> taken = CompletableFuture.supplyAsync(() -> take(Duration.ofSeconds(10)));
            Thread.sleep(300);
            long pushedAt = System.nanoTime();
            otherProcess.push("in", "from-elsewhere");
            assertThat(taken.get(5, TimeUnit.SECONDS).map(Lease::id)).contains("from-elsewhere");
            assertThat(Duration.ofNanos(System.nanoTime() - pushedAt))
                    .isLessThan(Duration.ofMillis(SqliteWorkQueue.POLL_MILLIS * 4));
        }
    }

    @Test
    void aWaitingTakeRequeuesAndTakesAnExpiredLeaseOfItsList() throws Exception {
        queue.push("in", "a");
        Lease dead = queue.take("in", Duration.ofMillis(200), Duration.ZERO).orElseThrow();
        Optional<Lease> again = take(Duration.ofSeconds(3));
        assertThat(again.map(Lease::id)).contains("a");
        assertThat(again.get().token()).isNotEqualTo(dead.token());
        assertThat(queue.ack(dead)).isFalse();
    }

    private Optional<Lease> take(Duration wait) {
        try {
            return queue.take("in", Duration.ofMinutes(1), wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
