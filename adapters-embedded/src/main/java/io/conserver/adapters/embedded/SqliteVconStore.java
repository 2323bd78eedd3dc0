package io.conserver.adapters.embedded;

import io.conserver.domain.port.out.PartySearch;
import io.conserver.domain.port.out.VconListQuery;
import io.conserver.domain.port.out.VconStore;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconCodec;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;

/**
 * The {@link VconStore} of the embedded store: each vCon is a row holding its JSON, its creation
 * time and its expiry; the party indexes are rows of {@code vcon_parties}, rewritten in the same
 * transaction as the vCon. Expired rows are filtered out by every read and purged now and then by a
 * later write.
 */
public final class SqliteVconStore implements VconStore {
    static final String LIVE = "(expires_at IS NULL OR expires_at > :now)";
    private static final int IN_LIST_CHUNK = 500;
    private static final long PURGE_EVERY_MILLIS = Duration.ofMinutes(1).toMillis();

    private final EmbeddedDatabase db;
    private final Clock clock;
    private final VconCodec codec = VconCodec.lenient();
    private final AtomicLong nextPurge = new AtomicLong();

    public SqliteVconStore(EmbeddedDatabase db) {
        this(db, Clock.systemUTC());
    }

    public SqliteVconStore(EmbeddedDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Optional<Vcon> get(String uuid) {
        return db.read(h -> h.createQuery("SELECT body FROM vcons WHERE uuid = :uuid AND " + LIVE)
                .bind("uuid", uuid).bind("now", now()).mapTo(String.class).findOne()).map(codec::parse);
    }

    @Override
    public Map<String, Vcon> getAll(Collection<String> uuids) {
        List<String> asked = uuids.stream().distinct().toList();
        Map<String, String> bodies = new HashMap<>();
        for (int from = 0; from < asked.size(); from += IN_LIST_CHUNK) {
            bodies.putAll(bodies(asked.subList(from, Math.min(asked.size(), from + IN_LIST_CHUNK))));
        }
        Map<String, Vcon> found = new LinkedHashMap<>();
        asked.stream().filter(bodies::containsKey).forEach(uuid -> found.put(uuid, codec.parse(bodies.get(uuid))));
        return found;
    }

    /** The statement of every put, kept prepared on the write connection. */
    private static final String UPSERT = """
            INSERT INTO vcons (uuid, body, created_at, expires_at) VALUES (?, ?, ?, NULL)
            ON CONFLICT (uuid) DO UPDATE SET body = excluded.body, created_at = excluded.created_at,
                expires_at = NULL""";

    @Override
    public void put(Vcon vcon) {
        putAll(List.of(vcon));
    }

    /** Every vCon in one write transaction; serialised before the write lock is taken. */
    @Override
    public void putAll(List<Vcon> vcons) {
        if (vcons.isEmpty()) {
            return;
        }
        List<String> bodies = new ArrayList<>(vcons.size());
        for (Vcon vcon : vcons) {
            bodies.add(codec.writeString(vcon));
        }
        db.write(h -> {
            try {
                PreparedStatement upsert = db.prepared(h, UPSERT);
                for (int i = 0; i < vcons.size(); i++) {
                    Vcon vcon = vcons.get(i);
                    upsert.setString(1, vcon.uuid());
                    upsert.setString(2, bodies.get(i));
                    if (vcon.createdAt() == null) {
                        upsert.setNull(3, Types.INTEGER);
                    } else {
                        upsert.setLong(3, vcon.createdAt().toInstant().toEpochMilli());
                    }
                    upsert.executeUpdate();
                    VconIndexes.replaceParties(db, h, vcon);
                }
            } catch (SQLException e) {
                throw db.failure(e);
            }
            purgeExpiredNowAndThen(h);
            return null;
        });
    }

    @Override
    public boolean delete(String uuid) {
        return db.write(h -> {
            boolean live = isLive(h, uuid);
            h.execute("DELETE FROM vcons WHERE uuid = ?", uuid);
            VconIndexes.removeParties(h, uuid);
            return live;
        });
    }

    @Override
    public boolean exists(String uuid) {
        return db.read(h -> isLive(h, uuid));
    }

    @Override
    public boolean expire(String uuid, Duration ttl) {
        Long expiresAt = ttl.isZero() ? null : now() + ttl.toMillis();
        return db.write(h -> h.createUpdate("UPDATE vcons SET expires_at = :at WHERE uuid = :uuid AND " + LIVE)
                .bind("at", expiresAt).bind("uuid", uuid).bind("now", now()).execute() == 1);
    }

    @Override
    public Optional<Duration> ttl(String uuid) {
        long now = now();
        return db.read(h -> h.createQuery("SELECT COALESCE(expires_at, -1) FROM vcons WHERE uuid = :uuid AND " + LIVE)
                        .bind("uuid", uuid).bind("now", now).mapTo(Long.class).findOne())
                .filter(at -> at >= 0).map(at -> Duration.ofMillis(at - now));
    }

    @Override
    public List<String> list(VconListQuery query) {
        return db.read(h -> VconIndexes.list(h, query, now()));
    }

    @Override
    public List<String> search(PartySearch search) {
        return db.read(h -> VconIndexes.search(h, search, now()));
    }

    @Override
    public long count() {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM vcons WHERE " + LIVE).bind("now", now())
                .mapTo(Long.class).one());
    }

    private Map<String, String> bodies(List<String> uuids) {
        return db.read(h -> h.createQuery("SELECT uuid, body FROM vcons WHERE uuid IN (<uuids>) AND " + LIVE)
                .bindList("uuids", uuids).bind("now", now())
                .reduceRows(new HashMap<>(), (map, row) -> {
                    map.put(row.getColumn("uuid", String.class), row.getColumn("body", String.class));
                    return map;
                }));
    }

    private boolean isLive(Handle h, String uuid) {
        return h.createQuery("SELECT COUNT(*) FROM vcons WHERE uuid = :uuid AND " + LIVE)
                .bind("uuid", uuid).bind("now", now()).mapTo(Integer.class).one() > 0;
    }

    /** Expired rows cost only space, so they are removed at most once a minute, by a write already running. */
    private void purgeExpiredNowAndThen(Handle h) {
        long now = now();
        long due = nextPurge.get();
        if (now >= due && nextPurge.compareAndSet(due, now + PURGE_EVERY_MILLIS)) {
            h.execute("DELETE FROM vcon_parties WHERE uuid IN (SELECT uuid FROM vcons WHERE expires_at <= ?)", now);
            h.execute("DELETE FROM vcons WHERE expires_at <= ?", now);
        }
    }

    private long now() {
        return clock.millis();
    }
}
