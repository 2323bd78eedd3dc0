package io.conserver.adapters.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * The statements behind {@link SqliteWorkQueue}, run inside its transactions. A list is the rows of
 * {@code queue_items} with that list name ordered by {@code seq}: the tail is appended at the largest
 * seq plus one, the head is re-entered at the smallest seq minus one.
 */
final class QueueRows {
    private QueueRows() {
    }

    static void appendAll(Handle h, String list, List<String> ids) {
        long last = h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM queue_items WHERE list = ?").bind(0, list)
                .mapTo(Long.class).one();
        PreparedBatch batch = h.prepareBatch("INSERT INTO queue_items (list, seq, id) VALUES (?, ?, ?)");
        for (int i = 0; i < ids.size(); i++) {
            batch.add(list, last + 1 + i, ids.get(i));
        }
        batch.execute();
    }

    static void insertAtHead(Handle h, String list, String id) {
        h.execute("INSERT INTO queue_items (list, seq, id) SELECT ?, COALESCE(MIN(seq), 1) - 1, ? "
                + "FROM queue_items WHERE list = ?", list, id, list);
    }

    /** Removes and returns up to {@code count} ids from the head of the list. */
    static List<String> removeHead(Handle h, String list, int count) {
        List<Map.Entry<Long, String>> head = h.createQuery("SELECT seq, id FROM queue_items WHERE list = ? "
                        + "ORDER BY seq LIMIT ?").bind(0, list).bind(1, count)
                .map((rs, ctx) -> Map.entry(rs.getLong("seq"), rs.getString("id"))).list();
        if (!head.isEmpty()) {
            h.execute("DELETE FROM queue_items WHERE list = ? AND seq <= ?", list, head.get(head.size() - 1).getKey());
        }
        return head.stream().map(Map.Entry::getValue).toList();
    }

    /** Holds {@code id} in flight under the lease {@code token} until {@code expiresAt}. */
    static void lease(Handle h, String token, String list, String id, long expiresAt) {
        h.execute("INSERT INTO queue_leases (token, list, id, expires_at) VALUES (?, ?, ?, ?)", token, list, id,
                expiresAt);
    }

    /**
     * Puts the items of expired leases (of one list, or of all) back at the heads of their lists, the
     * last taken first so that they end up in the order they were taken. Returns the lists touched,
     * one entry per item.
     */
    static List<String> requeueExpired(Handle h, Optional<String> list, long now) {
        Query query = h.createQuery("SELECT token, list, id FROM queue_leases WHERE expires_at <= :now"
                + list.map(l -> " AND list = :list").orElse("") + " ORDER BY taken DESC").bind("now", now);
        list.ifPresent(l -> query.bind("list", l));
        List<Expired> expired = query.map((rs, ctx) -> new Expired(rs.getString(1), rs.getString(2),
                rs.getString(3))).list();
        List<String> lists = new ArrayList<>();
        for (Expired lease : expired) {
            h.execute("DELETE FROM queue_leases WHERE token = ?", lease.token());
            insertAtHead(h, lease.list(), lease.id());
            lists.add(lease.list());
        }
        return lists;
    }

    private record Expired(String token, String list, String id) {
    }
}
