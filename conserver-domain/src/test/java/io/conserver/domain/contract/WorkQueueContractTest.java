package io.conserver.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.conserver.domain.port.out.Lease;
import io.conserver.domain.port.out.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The list operations every {@link WorkQueue} adapter must show: FIFO order, blocking takes, leases
 * (ack, release, renew, expiry and requeue at the head) and the inspection calls. Dead letters are in
 * {@link WorkQueueDeadLetterContractTest}'s half of the suite, which this class includes.
 *
 * <p>An adapter's test returns a fresh, empty queue from {@link #newQueue()}. Leases in these tests
 * last a few hundred milliseconds of real time.
 */
public abstract class WorkQueueContractTest extends WorkQueueDeadLetterContractTest {
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Duration SHORT_LEASE = Duration.ofMillis(300);
    private static final Duration NO_WAIT = Duration.ofMillis(50);

    protected WorkQueue queue;
    private ExecutorService background;

    /** A new queue whose lists are all empty. */
    protected abstract WorkQueue newQueue();

    /** Releases what {@link #newQueue()} opened. */
    protected void closeQueue(WorkQueue queue) throws Exception {
    }

    @BeforeEach
    void openQueue() {
        queue = newQueue();
        background = Executors.newCachedThreadPool();
    }

    @AfterEach
    void releaseQueue() throws Exception {
        background.shutdownNow();
        closeQueue(queue);
    }

    @Override
    protected WorkQueue queue() {
        return queue;
    }

    @Test
    void takeReturnsItemsInTheOrderTheyWerePushed() throws InterruptedException {
        queue.push("in", "a");
        queue.pushAll("in", List.of("b", "c"));
        queue.push("in", "d");
        assertThat(takeAll("in")).containsExactly("a", "b", "c", "d");
    }

    @Test
    void aLeaseNamesItsListItemAndExpiry() throws InterruptedException {
        queue.push("in", "a");
        Instant before = Instant.now();
        Lease lease = queue.take("in", LEASE, NO_WAIT).orElseThrow();
        assertThat(lease.list()).isEqualTo("in");
        assertThat(lease.id()).isEqualTo("a");
        assertThat(lease.token()).isNotBlank();
        assertThat(lease.expiresAt()).isBetween(before.plus(LEASE).minusSeconds(1), Instant.now().plus(LEASE).plusSeconds(1));
    }

    @Test
    void listsAreIndependent() throws InterruptedException {
        queue.push("one", "a");
        queue.push("two", "b");
        assertThat(queue.take("two", LEASE, NO_WAIT).map(Lease::id)).contains("b");
        assertThat(queue.take("two", LEASE, NO_WAIT)).isEmpty();
        assertThat(queue.length("one")).isEqualTo(1);
    }

    @Test
    void theSameIdMayWaitTwice() throws InterruptedException {
        queue.push("in", "a");
        queue.push("in", "a");
        Lease first = queue.take("in", LEASE, NO_WAIT).orElseThrow();
        Lease second = queue.take("in", LEASE, NO_WAIT).orElseThrow();
        assertThat(second.id()).isEqualTo("a");
        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(queue.ack(first)).isTrue();
        assertThat(queue.inFlight("in")).isEqualTo(1);
        assertThat(queue.ack(second)).isTrue();
    }

    @Test
    void pushAllOfNothingChangesNothing() {
        queue.pushAll("in", List.of());
        assertThat(queue.length("in")).isZero();
        assertThat(queue.lists()).doesNotContainKey("in");
    }

    @Test
    void takeFromAnEmptyListReturnsEmptyAfterTheWait() throws InterruptedException {
        long start = System.nanoTime();
        assertThat(queue.take("in", LEASE, Duration.ofMillis(400))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(350));
    }

    @Test
    void aWaitingTakeWakesUpWhenAnotherThreadPushes() throws Exception {
        CompletableFuture<Optional<Lease>> taken = CompletableFuture.supplyAsync(this::takeWaitingLong, background);
        Thread.sleep(300);
        assertThat(taken).isNotDone();
        long pushedAt = System.nanoTime();
        queue.push("in", "late");
        Optional<Lease> lease = taken.get(5, TimeUnit.SECONDS);
        assertThat(lease.map(Lease::id)).contains("late");
        assertThat(Duration.ofNanos(System.nanoTime() - pushedAt)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aWaitingTakeOnOneListIgnoresPushesToAnother() throws InterruptedException {
        CompletableFuture<Optional<Lease>> taken = CompletableFuture.supplyAsync(() -> take("in", Duration.ofMillis(600)), background);
        queue.push("other", "x");
        assertThat(taken.join()).isEmpty();
        assertThat(queue.length("other")).isEqualTo(1);
    }

    @Test
    void ackFinishesTheLeaseOnce() throws InterruptedException {
        queue.push("in", "a");
        Lease lease = queue.take("in", LEASE, NO_WAIT).orElseThrow();
        assertThat(queue.inFlight("in")).isEqualTo(1);
        assertThat(queue.ack(lease)).isTrue();
        assertThat(queue.inFlight("in")).isZero();
        assertThat(queue.length("in")).isZero();
        assertThat(queue.ack(lease)).isFalse();
        assertThat(queue.release(lease)).isFalse();
        assertThat(queue.renew(lease, LEASE)).isFalse();
    }

    @Test
    void releasePutsTheItemBackAtTheHead() throws InterruptedException {
        queue.pushAll("in", List.of("a", "b"));
        Lease lease = queue.take("in", LEASE, NO_WAIT).orElseThrow();
        assertThat(queue.release(lease)).isTrue();
        assertThat(queue.inFlight("in")).isZero();
        assertThat(queue.peek("in", 0, 10)).containsExactly("a", "b");
        assertThat(queue.release(lease)).isFalse();
        assertThat(queue.ack(lease)).isFalse();
    }

    @Test
    void releaseWakesAWaitingTaker() throws Exception {
        queue.push("in", "a");
        Lease lease = queue.take("in", LEASE, NO_WAIT).orElseThrow();
        CompletableFuture<Optional<Lease>> taken = CompletableFuture.supplyAsync(this::takeWaitingLong, background);
        Thread.sleep(200);
        queue.release(lease);
        assertThat(taken.get(5, TimeUnit.SECONDS).map(Lease::id)).contains("a");
    }

    @Test
    void renewKeepsALeaseAlivePastItsFirstExpiry() throws InterruptedException {
        queue.push("in", "a");
        Lease lease = queue.take("in", SHORT_LEASE, NO_WAIT).orElseThrow();
        assertThat(queue.renew(lease, LEASE)).isTrue();
        Thread.sleep(SHORT_LEASE.multipliedBy(2).toMillis());
        assertThat(queue.requeueExpired()).isZero();
        assertThat(queue.inFlight("in")).isEqualTo(1);
        assertThat(queue.ack(lease)).isTrue();
    }

    @Test
    void anExpiredLeaseCanNoLongerBeAckedRenewedOrReleased() throws InterruptedException {
        queue.push("in", "a");
        Lease lease = queue.take("in", SHORT_LEASE, NO_WAIT).orElseThrow();
        Thread.sleep(SHORT_LEASE.multipliedBy(2).toMillis());
        assertThat(queue.renew(lease, LEASE)).isFalse();
        assertThat(queue.ack(lease)).isFalse();
        assertThat(queue.release(lease)).isFalse();
    }

    @Test
    void requeueExpiredPutsExpiredItemsBackAtTheHeadInTheirOrder() throws InterruptedException {
        queue.pushAll("in", List.of("a", "b", "c"));
        Lease a = queue.take("in", SHORT_LEASE, NO_WAIT).orElseThrow();
        Lease b = queue.take("in", SHORT_LEASE, NO_WAIT).orElseThrow();
        queue.push("in", "d");
        Thread.sleep(SHORT_LEASE.multipliedBy(2).toMillis());
        assertThat(queue.requeueExpired()).isEqualTo(2);
        assertThat(queue.inFlight("in")).isZero();
        assertThat(queue.peek("in", 0, 10)).containsExactly("a", "b", "c", "d");
        assertThat(queue.ack(a)).isFalse();
        assertThat(queue.ack(b)).isFalse();
        assertThat(queue.requeueExpired()).isZero();
    }

    @Test
    void aRequeuedItemIsTakenAgainUnderANewToken() throws InterruptedException {
        queue.push("in", "a");
        Lease stale = queue.take("in", SHORT_LEASE, NO_WAIT).orElseThrow();
        Thread.sleep(SHORT_LEASE.multipliedBy(2).toMillis());
        queue.requeueExpired();
        Lease fresh = queue.take("in", LEASE, NO_WAIT).orElseThrow();
        assertThat(fresh.id()).isEqualTo("a");
        assertThat(fresh.token()).isNotEqualTo(stale.token());
        assertThat(queue.ack(stale)).isFalse();
        assertThat(queue.inFlight("in")).isEqualTo(1);
        assertThat(queue.ack(fresh)).isTrue();
    }

    @Test
    void requeueExpiredLeavesLiveLeasesAlone() throws InterruptedException {
        queue.pushAll("in", List.of("a", "b"));
        queue.take("in", SHORT_LEASE, NO_WAIT).orElseThrow();
        Lease live = queue.take("in", LEASE, NO_WAIT).orElseThrow();
        Thread.sleep(SHORT_LEASE.multipliedBy(2).toMillis());
        assertThat(queue.requeueExpired()).isEqualTo(1);
        assertThat(queue.peek("in", 0, 10)).containsExactly("a");
        assertThat(queue.ack(live)).isTrue();
    }

    @Test
    void lengthCountsWaitingItemsAndInFlightCountsLeasedOnes() throws InterruptedException {
        assertThat(queue.length("in")).isZero();
        assertThat(queue.inFlight("in")).isZero();
        queue.pushAll("in", List.of("a", "b", "c"));
        queue.take("in", LEASE, NO_WAIT);
        assertThat(queue.length("in")).isEqualTo(2);
        assertThat(queue.inFlight("in")).isEqualTo(1);
        assertThat(queue.inFlight("other")).isZero();
    }

    @Test
    void peekShowsARangeWithoutTakingIt() {
        queue.pushAll("in", List.of("a", "b", "c", "d"));
        assertThat(queue.peek("in", 0, 2)).containsExactly("a", "b");
        assertThat(queue.peek("in", 1, 2)).containsExactly("b", "c");
        assertThat(queue.peek("in", 2, 10)).containsExactly("c", "d");
        assertThat(queue.peek("in", 4, 10)).isEmpty();
        assertThat(queue.peek("missing", 0, 10)).isEmpty();
        assertThat(queue.length("in")).isEqualTo(4);
    }

    @Test
    void popRemovesFromTheHead() {
        queue.pushAll("out", List.of("a", "b", "c"));
        assertThat(queue.pop("out", 2)).containsExactly("a", "b");
        assertThat(queue.pop("out", 5)).containsExactly("c");
        assertThat(queue.pop("out", 5)).isEmpty();
        assertThat(queue.inFlight("out")).isZero();
    }

    @Test
    void moveTakesFromTheHeadAndAppendsToTheTail() {
        queue.pushAll("from", List.of("a", "b", "c"));
        queue.pushAll("to", List.of("x"));
        assertThat(queue.move("from", "to", 2)).isEqualTo(2);
        assertThat(queue.peek("from", 0, 10)).containsExactly("c");
        assertThat(queue.peek("to", 0, 10)).containsExactly("x", "a", "b");
        assertThat(queue.move("from", "to", 10)).isEqualTo(1);
        assertThat(queue.move("from", "to", 10)).isZero();
        assertThat(queue.peek("to", 0, 10)).containsExactly("x", "a", "b", "c");
    }

    @Test
    void listsNamesEveryListWithWaitingOrInFlightItems() throws InterruptedException {
        queue.pushAll("busy", List.of("a", "b"));
        queue.push("leased", "c");
        queue.take("leased", LEASE, NO_WAIT);
        queue.push("drained", "d");
        queue.pop("drained", 1);
        Map<String, Long> lists = queue.lists();
        assertThat(lists).containsEntry("busy", 2L).containsEntry("leased", 0L).doesNotContainKey("drained");
    }

    @Test
    void concurrentTakersNeverGetTheSameItemTwice() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add("item-" + i);
        }
        queue.pushAll("in", ids);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> takers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                takers.add(pool.submit(() -> takeAndAckAll("in")));
            }
            List<String> taken = new ArrayList<>();
            for (Future<List<String>> taker : takers) {
                taken.addAll(taker.get(2, TimeUnit.MINUTES));
            }
            assertThat(taken).hasSize(1000).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(queue.length("in")).isZero();
            assertThat(queue.inFlight("in")).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> takeAll(String list) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (Optional<Lease> lease = queue.take(list, LEASE, NO_WAIT); lease.isPresent();
             lease = queue.take(list, LEASE, NO_WAIT)) {
            ids.add(lease.get().id());
            assertThat(queue.ack(lease.get())).isTrue();
        }
        return ids;
    }

    private List<String> takeAndAckAll(String list) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (Optional<Lease> lease = queue.take(list, LEASE, Duration.ofMillis(200)); lease.isPresent();
             lease = queue.take(list, LEASE, Duration.ofMillis(200))) {
            ids.add(lease.get().id());
            if (!queue.ack(lease.get())) {
                throw new AssertionError("ack of a live lease failed: " + lease.get());
            }
        }
        return ids;
    }

    private Optional<Lease> takeWaitingLong() {
        return take("in", Duration.ofSeconds(10));
    }

    private Optional<Lease> take(String list, Duration wait) {
        try {
            return queue.take(list, LEASE, wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
