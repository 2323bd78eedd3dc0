package io.conserver.adapters.embedded;

import io.conserver.domain.port.support.ConfigDocumentJson;
import io.conserver.domain.port.support.VersionListeners;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conserver.domain.port.out.ConfigKind;
import io.conserver.domain.port.out.ConfigSnapshot;
import io.conserver.domain.port.out.ConfigStore;
import io.conserver.domain.port.out.Subscription;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ConfigStore} of the embedded store: one row per entry holding its JSON, and one version
 * row bumped in the same transaction as every change. Listeners hear of changes made in this process
 * right after the commit, and of changes made by another process sharing the file through a version
 * poll every {@value #POLL_MILLIS} ms. Close it to stop the poll.
 */
public final class SqliteConfigStore implements ConfigStore, AutoCloseable {
    static final long POLL_MILLIS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(SqliteConfigStore.class);

    private final EmbeddedDatabase db;
    private final VersionListeners listeners;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "conserver-config-poll");
        thread.setDaemon(true);
        return thread;
    });

    public SqliteConfigStore(EmbeddedDatabase db) {
        this.db = db;
        this.listeners = new VersionListeners(version());
        poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public long version() {
        return db.read(SqliteConfigStore::version);
    }

    @Override
    public ConfigSnapshot snapshot() {
        return db.read(h -> new ConfigSnapshot(version(h), entries(h)));
    }

    @Override
    public Optional<ObjectNode> get(ConfigKind kind, String name) {
        return db.read(h -> h.createQuery("SELECT document FROM config_entries WHERE kind = ? AND name = ?")
                .bind(0, kind.name()).bind(1, name).mapTo(String.class).findOne()).map(ConfigDocumentJson::parse);
    }

    @Override
    public long put(ConfigKind kind, String name, ObjectNode document) {
        String text = ConfigDocumentJson.write(document);
        return changed(db.write(h -> {
            h.execute("""
                    INSERT INTO config_entries (kind, name, document, position)
                    VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM config_entries))
                    ON CONFLICT (kind, name) DO UPDATE SET document = excluded.document""", kind.name(), name, text);
            return bump(h);
        }));
    }

    @Override
    public long remove(ConfigKind kind, String name) {
        return changed(db.write(h -> h.execute("DELETE FROM config_entries WHERE kind = ? AND name = ?",
                kind.name(), name) > 0 ? bump(h) : version(h)));
    }

    @Override
    public long replaceAll(Map<ConfigKind, Map<String, ObjectNode>> entries) {
        Map<ConfigKind, Map<String, String>> texts = new EnumMap<>(ConfigKind.class);
        entries.forEach((kind, named) -> {
            Map<String, String> byName = new LinkedHashMap<>();
            named.forEach((name, doc) -> byName.put(name, ConfigDocumentJson.write(doc)));
            texts.put(kind, byName);
        });
        return changed(db.write(h -> {
            h.execute("DELETE FROM config_entries");
            int[] position = {0};
            texts.forEach((kind, named) -> named.forEach((name, text) -> h.execute(
                    "INSERT INTO config_entries (kind, name, document, position) VALUES (?, ?, ?, ?)",
                    kind.name(), name, text, ++position[0])));
            return bump(h);
        }));
    }

    @Override
    public Subscription onChange(LongConsumer listener) {
        return listeners.add(listener);
    }

    /** Stops the poll for changes by other processes; listeners hear nothing more from it. */
    @Override
    public void close() {
        poller.shutdownNow();
    }

    private long changed(long version) {
        listeners.changedTo(version);
        return version;
    }

    private void poll() {
        if (listeners.isEmpty()) {
            return;
        }
        try {
            listeners.changedTo(version());
        } catch (RuntimeException e) {
            LOG.debug("polling the configuration version failed; trying again in {} ms", POLL_MILLIS, e);
        }
    }

    private Map<ConfigKind, Map<String, ObjectNode>> entries(Handle h) {
        Map<ConfigKind, Map<String, ObjectNode>> entries = new EnumMap<>(ConfigKind.class);
        h.createQuery("SELECT kind, name, document FROM config_entries ORDER BY position")
                .reduceRows(entries, (map, row) -> {
                    map.computeIfAbsent(ConfigKind.valueOf(row.getColumn("kind", String.class)),
                            k -> new LinkedHashMap<>())
                            .put(row.getColumn("name", String.class), ConfigDocumentJson.parse(row.getColumn("document", String.class)));
                    return map;
                });
        return entries;
    }

    private static long version(Handle h) {
        return h.createQuery("SELECT version FROM config_version WHERE id = 0").mapTo(Long.class).one();
    }

    private static long bump(Handle h) {
        h.execute("UPDATE config_version SET version = version + 1 WHERE id = 0");
        return version(h);
    }
}
