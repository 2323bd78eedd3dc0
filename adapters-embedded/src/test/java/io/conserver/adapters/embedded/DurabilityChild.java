package io.conserver.adapters.embedded;

import static io.conserver.domain.fixtures.VconFixtures.tel;
import static io.conserver.domain.fixtures.VconFixtures.uniqueTel;
import static io.conserver.domain.fixtures.VconFixtures.vcon;

import io.conserver.domain.port.out.Lease;
import io.conserver.domain.port.out.VconStore;
import io.conserver.domain.port.out.WorkQueue;
import io.conserver.domain.vcon.Vcon;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The process {@link KillDurabilityTest} kills. It writes to the embedded store in the data directory
 * given as its second argument and prints one line on stdout per acknowledgement, only after the
 * store calls it acknowledges have returned: {@code ack <uuid>} for a vCon stored and pushed to
 * {@value #LOAD_LIST}. It never closes the database: it runs until it is killed.
 */
public final class DurabilityChild {
    static final String LOAD_LIST = "durable";
    static final String WORK_LIST = "work";
    static final int WORK_ITEMS = 10;
    static final int TAKEN = 4;
    static final Duration LEASE = Duration.ofSeconds(2);

    /** What the child does before (or instead of) its endless load. */
    enum Mode {
        /** Only the load. */
        LOAD,
        /**
         * Pushes {@value #WORK_ITEMS} ids to {@value #WORK_LIST} ({@code pushed <id>}), takes
         * {@value #TAKEN} under {@link #LEASE} ({@code taken <id> <token> <expiry millis>}), acks the
         * first ({@code acked <id>}), then runs the load with the other leases held.
         */
        LEASE,
        /**
         * A broken store, the test's control: acknowledges vCons it only holds in memory and writes
         * them in a shutdown hook, as a write-behind buffer flushed on close would. SIGTERM runs the
         * hook; kill -9 must lose them, and the test must notice.
         */
        WRITE_BEHIND
    }

    private DurabilityChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        Mode mode = Mode.valueOf(args[0]);
        EmbeddedDatabase db = EmbeddedDatabase.open(Path.of(args[1]));
        VconStore store = new SqliteVconStore(db);
        WorkQueue queue = new SqliteWorkQueue(db);
        if (mode == Mode.WRITE_BEHIND) {
            writeBehind(store, queue);
        }
        if (mode == Mode.LEASE) {
            leaseSome(queue);
        }
        while (true) {
            Vcon v = vcon(tel(uniqueTel()));
            store.put(v);
            queue.push(LOAD_LIST, v.uuid());
            acknowledge("ack " + v.uuid());
        }
    }

    private static void leaseSome(WorkQueue queue) throws InterruptedException {
        List<String> ids = IntStream.range(0, WORK_ITEMS).mapToObj(i -> vcon().uuid()).toList();
        queue.pushAll(WORK_LIST, ids);
        ids.forEach(id -> acknowledge("pushed " + id));
        List<Lease> leases = new ArrayList<>();
        for (int i = 0; i < TAKEN; i++) {
            Lease lease = queue.take(WORK_LIST, LEASE, Duration.ZERO).orElseThrow();
            acknowledge("taken " + lease.id() + " " + lease.token() + " " + lease.expiresAt().toEpochMilli());
            leases.add(lease);
        }
        if (!queue.ack(leases.get(0))) {
            throw new IllegalStateException("the first lease expired before the child could ack it");
        }
        acknowledge("acked " + leases.get(0).id());
    }

    private static void writeBehind(VconStore store, WorkQueue queue) {
        List<Vcon> pending = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (pending) {
                pending.forEach(v -> {
                    store.put(v);
                    queue.push(LOAD_LIST, v.uuid());
                });
            }
        }));
        while (true) {
            Vcon v = vcon(tel(uniqueTel()));
            synchronized (pending) {
                pending.add(v);
            }
            acknowledge("ack " + v.uuid());
        }
    }

    private static void acknowledge(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
