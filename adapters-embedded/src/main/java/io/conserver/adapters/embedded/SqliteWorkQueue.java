package io.conserver.adapters.embedded;

import io.conserver.domain.port.out.DeadLetterLists;
import io.conserver.domain.port.out.Lease;
import io.conserver.domain.port.out.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The {@link WorkQueue} of the embedded store. Waiting items are rows of {@code queue_items}, leased
 * ones rows of {@code queue_leases} with their token and expiry. A waiting {@link #take} sleeps on an
 * in-process signal that pushes, releases and requeues in this process raise; it also wakes every
 * {@value #POLL_MILLIS} ms to notice expired leases (which it requeues) and items pushed by another
 * process sharing the file.
 */
public final class SqliteWorkQueue implements WorkQueue {
    static final long POLL_MILLIS = 250;

    private final EmbeddedDatabase db;
    private final Clock clock;
    private final ListSignals signals = new ListSignals();
    private final DeadLetterTable deadLetters;

    public SqliteWorkQueue(EmbeddedDatabase db) {
        this(db, Clock.systemUTC());
    }

    public SqliteWorkQueue(EmbeddedDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.deadLetters = new DeadLetterTable(db);
    }

    @Override
    public void push(String list, String id) {
        pushAll(list, List.of(id));
    }

    @Override
    public void pushAll(String list, List<String> ids) {
        if (!ids.isEmpty()) {
            db.write(h -> {
                QueueRows.appendAll(h, list, ids);
                return null;
            });
            signals.signal(list);
        }
    }

    @Override
    public Optional<Lease> take(String list, Duration lease, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long seen = signals.generation(list);
            Optional<Lease> taken = takeNow(list, lease);
            long left = deadline - System.nanoTime();
            if (taken.isPresent() || left <= 0) {
                return taken;
            }
            signals.await(list, seen, Math.min(left, Duration.ofMillis(POLL_MILLIS).toNanos()));
        }
    }

    @Override
    public boolean ack(Lease lease) {
        return db.write(h -> deleteLive(h, lease));
    }

    @Override
    public boolean release(Lease lease) {
        boolean released = db.write(h -> {
            boolean live = deleteLive(h, lease);
            if (live) {
                QueueRows.insertAtHead(h, lease.list(), lease.id());
            }
            return live;
        });
        if (released) {
            signals.signal(lease.list());
        }
        return released;
    }

    @Override
    public boolean renew(Lease lease, Duration extension) {
        long now = now();
        return db.write(h -> h.createUpdate("UPDATE queue_leases SET expires_at = :at WHERE token = :token "
                        + "AND list = :list AND id = :id AND expires_at > :now")
                .bind("at", now + extension.toMillis()).bind("token", lease.token()).bind("list", lease.list())
                .bind("id", lease.id()).bind("now", now).execute() == 1);
    }

    @Override
    public int requeueExpired() {
        List<String> lists = db.write(h -> QueueRows.requeueExpired(h, Optional.empty(), now()));
        lists.stream().distinct().forEach(signals::signal);
        return lists.size();
    }

    @Override
    public long length(String list) {
        return count("SELECT COUNT(*) FROM queue_items WHERE list = ?", list);
    }

    @Override
    public long inFlight(String list) {
        return count("SELECT COUNT(*) FROM queue_leases WHERE list = ?", list);
    }

    @Override
    public List<String> peek(String list, int start, int count) {
        return db.read(h -> h.createQuery("SELECT id FROM queue_items WHERE list = ? ORDER BY seq LIMIT ? OFFSET ?")
                .bind(0, list).bind(1, count).bind(2, start).mapTo(String.class).list());
    }

    @Override
    public List<String> pop(String list, int count) {
        return db.write(h -> QueueRows.removeHead(h, list, count));
    }

    @Override
    public int move(String from, String to, int count) {
        int moved = db.write(h -> {
            List<String> ids = QueueRows.removeHead(h, from, count);
            if (!ids.isEmpty()) {
                QueueRows.appendAll(h, to, ids);
            }
            return ids.size();
        });
        if (moved > 0) {
            signals.signal(to);
        }
        return moved;
    }

    @Override
    public Map<String, Long> lists() {
        return db.read(h -> {
            Map<String, Long> depths = h.createQuery("SELECT list, COUNT(*) AS n FROM queue_items GROUP BY list")
                    .reduceRows(new TreeMap<>(), (map, row) -> {
                        map.put(row.getColumn("list", String.class), row.getColumn("n", Long.class));
                        return map;
                    });
            h.createQuery("SELECT DISTINCT list FROM queue_leases").mapTo(String.class)
                    .forEach(list -> depths.putIfAbsent(list, 0L));
            return depths;
        });
    }

    @Override
    public DeadLetterLists deadLetterStore() {
        return deadLetters;
    }

    /** Requeues the list's expired leases and takes its head, in one write; reads first, since most polls find nothing. */
    private Optional<Lease> takeNow(String list, Duration lease) {
        if (!hasWork(list)) {
            return Optional.empty();
        }
        return db.write(h -> {
            long now = now();
            QueueRows.requeueExpired(h, Optional.of(list), now);
            return QueueRows.removeHead(h, list, 1).stream().findFirst().map(id -> {
                Lease taken = new Lease(list, id, UUID.randomUUID().toString(),
                        Instant.ofEpochMilli(now + lease.toMillis()));
                QueueRows.lease(h, taken.token(), list, id, taken.expiresAt().toEpochMilli());
                return taken;
            });
        });
    }

    private boolean hasWork(String list) {
        return db.read(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM queue_items WHERE list = :list) "
                        + "OR EXISTS (SELECT 1 FROM queue_leases WHERE list = :list AND expires_at <= :now)")
                .bind("list", list).bind("now", now()).mapTo(Boolean.class).one());
    }

    private boolean deleteLive(Handle h, Lease lease) {
        return h.createUpdate("DELETE FROM queue_leases WHERE token = :token AND list = :list AND id = :id "
                        + "AND expires_at > :now")
                .bind("token", lease.token()).bind("list", lease.list()).bind("id", lease.id()).bind("now", now())
                .execute() == 1;
    }

    private long count(String sql, String list) {
        return db.read(h -> h.createQuery(sql).bind(0, list).mapTo(Long.class).one());
    }

    private long now() {
        return clock.millis();
    }
}
