package io.conserver.adapters.embedded;

import static io.conserver.adapters.embedded.DurabilityChild.LEASE;
import static io.conserver.adapters.embedded.DurabilityChild.LOAD_LIST;
import static io.conserver.adapters.embedded.DurabilityChild.TAKEN;
import static io.conserver.adapters.embedded.DurabilityChild.WORK_ITEMS;
import static io.conserver.adapters.embedded.DurabilityChild.WORK_LIST;
import static org.assertj.core.api.Assertions.assertThat;

import io.conserver.domain.port.out.Lease;
import io.conserver.domain.port.out.VconStore;
import io.conserver.domain.port.out.WorkQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vCon acknowledged to a caller survives kill -9 of the process. A child JVM writes to the store
 * and prints each acknowledgement; this test kills it with SIGKILL mid-load, opens the same file,
 * and counts.
 */
class KillDurabilityTest {
    private static final int SIGKILLED = 128 + 9;
    private static final int ACKS_BEFORE_KILL = 300;
    private static final Duration MIN_LOAD = Duration.ofSeconds(1);
    private static final Duration MAX_LOAD = Duration.ofSeconds(8);

    @TempDir
    Path scratch;

    @Test
    void everyAcknowledgedVconIsStoredAndQueuedInOrderAfterKillMinus9() throws Exception {
        Path data = scratch.resolve("data");
        List<String> acked;
        try (ChildJvm child = ChildJvm.start(DurabilityChild.Mode.LOAD, data, scratch)) {
            child.awaitLines("ack", ACKS_BEFORE_KILL, MIN_LOAD, MAX_LOAD);
            assertThat(child.kill()).as("exit status; stderr:%n%s", child.stderr()).isEqualTo(SIGKILLED);
            acked = child.ids("ack");
        }
        assertThat(acked).isNotEmpty().doesNotHaveDuplicates();
        assertThat(Files.size(data.resolve(EmbeddedDatabase.FILE_NAME + "-wal")))
                .as("the child died without closing, leaving its WAL to recover").isPositive();

        try (EmbeddedDatabase db = EmbeddedDatabase.open(data)) {
            assertIntact(db);
            VconStore store = new SqliteVconStore(db);
            WorkQueue queue = new SqliteWorkQueue(db);
            assertThat(missing(store, acked)).as("acknowledged but not stored, of %d", acked.size()).isEmpty();
            // The child may have stored and pushed one more vCon that the kill stopped it acknowledging.
            List<String> listed = queue.peek(LOAD_LIST, 0, acked.size() + 2);
            assertThat(listed).startsWith(acked.toArray(String[]::new)).hasSizeLessThanOrEqualTo(acked.size() + 1);
            assertThat(store.count()).isBetween((long) acked.size(), (long) acked.size() + 1);
            assertThat(queue.take(LOAD_LIST, Duration.ofMinutes(1), Duration.ZERO).map(Lease::id))
                    .contains(acked.get(0));
        }
    }

    @Test
    void itemsTheKilledChildHeldUnderLeaseAreRequeuedWhenTheLeasesExpire() throws Exception {
        Path data = scratch.resolve("data");
        List<String> pushed;
        List<String[]> taken;
        List<String> acked;
        try (ChildJvm child = ChildJvm.start(DurabilityChild.Mode.LEASE, data, scratch)) {
            child.awaitLines("ack", ACKS_BEFORE_KILL / 3, Duration.ZERO, MAX_LOAD);
            assertThat(child.kill()).as("exit status; stderr:%n%s", child.stderr()).isEqualTo(SIGKILLED);
            pushed = child.ids("pushed");
            taken = child.lines("taken");
            acked = child.ids("acked");
        }
        assertThat(pushed).hasSize(WORK_ITEMS);
        assertThat(taken.stream().map(words -> words[1])).containsExactlyElementsOf(pushed.subList(0, TAKEN));
        assertThat(acked).containsExactly(pushed.get(0));
        List<String> held = pushed.subList(1, TAKEN);
        List<String> waiting = pushed.subList(TAKEN, WORK_ITEMS);
        Instant expiry = Instant.ofEpochMilli(taken.stream().mapToLong(words -> Long.parseLong(words[3])).max().orElseThrow());

        try (EmbeddedDatabase db = EmbeddedDatabase.open(data)) {
            assertIntact(db);
            WorkQueue beforeExpiry = new SqliteWorkQueue(db, Clock.fixed(expiry.minus(LEASE), ZoneOffset.UTC));
            assertThat(beforeExpiry.inFlight(WORK_LIST)).isEqualTo(held.size());
            assertThat(beforeExpiry.peek(WORK_LIST, 0, WORK_ITEMS)).containsExactlyElementsOf(waiting);
            assertThat(beforeExpiry.requeueExpired()).isZero();

            sleepUntilAfter(expiry);
            WorkQueue queue = new SqliteWorkQueue(db);
            assertThat(queue.requeueExpired()).isEqualTo(held.size());
            assertThat(queue.inFlight(WORK_LIST)).isZero();
            assertThat(queue.peek(WORK_LIST, 0, WORK_ITEMS + 1))
                    .containsExactlyElementsOf(Stream.concat(held.stream(), waiting.stream()).toList());
            String[] last = taken.get(TAKEN - 1);
            Lease deadWorkers = new Lease(WORK_LIST, last[1], last[2], Instant.ofEpochMilli(Long.parseLong(last[3])));
            assertThat(queue.ack(deadWorkers)).as("a late ack from the killed worker").isFalse();
        }
    }

    /** The control: a child that acknowledges before it writes must be caught, or the checks above prove nothing. */
    @Test
    void aStoreThatAcknowledgesBeforeWritingIsCaught() throws Exception {
        Path data = scratch.resolve("data");
        List<String> acked;
        try (ChildJvm child = ChildJvm.start(DurabilityChild.Mode.WRITE_BEHIND, data, scratch)) {
            child.awaitLines("ack", ACKS_BEFORE_KILL, Duration.ZERO, MAX_LOAD);
            assertThat(child.kill()).as("exit status; stderr:%n%s", child.stderr()).isEqualTo(SIGKILLED);
            acked = child.ids("ack");
        }
        assertThat(acked).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        try (EmbeddedDatabase db = EmbeddedDatabase.open(data)) {
            assertThat(missing(new SqliteVconStore(db), acked))
                    .as("SIGKILL runs no shutdown hook, so the buffer is lost").containsExactlyElementsOf(acked);
            assertThat(new SqliteWorkQueue(db).length(LOAD_LIST)).isZero();
        }
    }

    private static List<String> missing(VconStore store, List<String> uuids) {
        var found = store.getAll(uuids);
        return uuids.stream().filter(uuid -> !found.containsKey(uuid)).toList();
    }

    private static void assertIntact(EmbeddedDatabase db) {
        List<String> problems = db.read(h -> h.createQuery("PRAGMA integrity_check").mapTo(String.class).list());
        assertThat(problems).containsExactly("ok");
    }

    private static void sleepUntilAfter(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis() + 50;
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
