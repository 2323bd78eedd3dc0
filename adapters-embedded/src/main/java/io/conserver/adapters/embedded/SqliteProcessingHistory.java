package io.conserver.adapters.embedded;

import io.conserver.domain.port.out.HistoryEntry;
import io.conserver.domain.port.out.ProcessingHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The {@link ProcessingHistory} of the embedded store: one row per entry, in order of appending. */
public final class SqliteProcessingHistory implements ProcessingHistory {
    private final EmbeddedDatabase db;

    public SqliteProcessingHistory(EmbeddedDatabase db) {
        this.db = db;
    }

    @Override
    public void append(String uuid, List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        db.write(h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO history (uuid, chain, link, outcome, duration_nanos, "
                    + "at, detail) VALUES (?, ?, ?, ?, ?, ?, ?)");
            for (HistoryEntry e : entries) {
                batch.add(uuid, e.chain(), e.link(), e.outcome(), e.duration().toNanos(), e.at().toString(), e.detail());
            }
            return batch.execute();
        });
    }

    @Override
    public List<HistoryEntry> read(String uuid) {
        return db.read(h -> h.createQuery("SELECT chain, link, outcome, duration_nanos, at, detail FROM history "
                        + "WHERE uuid = ? ORDER BY n").bind(0, uuid)
                .map((rs, ctx) -> new HistoryEntry(rs.getString("chain"), rs.getString("link"),
                        rs.getString("outcome"), Duration.ofNanos(rs.getLong("duration_nanos")),
                        Instant.parse(rs.getString("at")), rs.getString("detail")))
                .list());
    }

    @Override
    public void delete(String uuid) {
        db.write(h -> h.execute("DELETE FROM history WHERE uuid = ?", uuid));
    }
}
