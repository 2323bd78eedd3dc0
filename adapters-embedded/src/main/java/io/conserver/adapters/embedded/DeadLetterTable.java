package io.conserver.adapters.embedded;

import io.conserver.domain.port.out.DeadLetter;
import io.conserver.domain.port.out.DeadLetterLists;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The dead-letter lists of {@link SqliteWorkQueue}: rows of {@code dead_letters}, oldest first. */
final class DeadLetterTable implements DeadLetterLists {
    private final EmbeddedDatabase db;

    DeadLetterTable(EmbeddedDatabase db) {
        this.db = db;
    }

    @Override
    public void append(String list, DeadLetter e) {
        db.write(h -> h.createUpdate("""
                        INSERT INTO dead_letters (list, seq, id, reason, chain, stage, attempts, at, replay_to)
                        SELECT :list, COALESCE(MAX(seq), 0) + 1, :id, :reason, :chain, :stage, :attempts, :at, :replayTo
                        FROM dead_letters WHERE list = :list""")
                .bind("list", list).bind("id", e.id()).bind("reason", e.reason()).bind("chain", e.chain())
                .bind("stage", e.stage()).bind("attempts", e.attempts()).bind("at", e.at().toString())
                .bind("replayTo", e.replayTo().orElse(null)).execute());
    }

    @Override
    public List<DeadLetter> range(String list, int start, int count) {
        return db.read(h -> h.createQuery("""
                        SELECT id, reason, chain, stage, attempts, at, replay_to FROM dead_letters
                        WHERE list = :list ORDER BY seq LIMIT :count OFFSET :start""")
                .bind("list", list).bind("count", count).bind("start", start)
                .map((rs, ctx) -> new DeadLetter(rs.getString("id"), rs.getString("reason"), rs.getString("chain"),
                        rs.getString("stage"), rs.getInt("attempts"), Instant.parse(rs.getString("at")),
                        Optional.ofNullable(rs.getString("replay_to"))))
                .list());
    }

    @Override
    public long count(String list) {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM dead_letters WHERE list = ?").bind(0, list)
                .mapTo(Long.class).one());
    }

    @Override
    public int removeOldest(String list, int count) {
        return db.write(h -> h.createUpdate("""
                        DELETE FROM dead_letters WHERE list = :list
                        AND seq IN (SELECT seq FROM dead_letters WHERE list = :list ORDER BY seq LIMIT :count)""")
                .bind("list", list).bind("count", count).execute());
    }

    @Override
    public Map<String, Long> lists() {
        return db.read(h -> h.createQuery("SELECT list, COUNT(*) AS n FROM dead_letters GROUP BY list")
                .reduceRows(new TreeMap<>(), (map, row) -> {
                    map.put(row.getColumn("list", String.class), row.getColumn("n", Long.class));
                    return map;
                }));
    }
}
