package io.conserver.adapters.embedded;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The tables of the embedded store, as numbered migrations applied in order on open. A migration is
 * never edited once released; a change of schema is a new entry at the end of {@link #MIGRATIONS}.
 */
final class EmbeddedSchema {
    private static final List<String> MIGRATIONS = List.of("""
            CREATE TABLE vcons (
                uuid       TEXT PRIMARY KEY,
                body       TEXT NOT NULL,
                created_at INTEGER,
                expires_at INTEGER
            );
            CREATE INDEX vcons_by_created_at ON vcons (created_at);
            CREATE INDEX vcons_by_expires_at ON vcons (expires_at) WHERE expires_at IS NOT NULL;
            CREATE TABLE vcon_parties (
                field TEXT NOT NULL,
                value TEXT NOT NULL,
                uuid  TEXT NOT NULL,
                PRIMARY KEY (field, value, uuid)
            ) WITHOUT ROWID;
            CREATE INDEX vcon_parties_by_uuid ON vcon_parties (uuid);

            CREATE TABLE queue_items (
                list TEXT    NOT NULL,
                seq  INTEGER NOT NULL,
                id   TEXT    NOT NULL,
                PRIMARY KEY (list, seq)
            ) WITHOUT ROWID;
            CREATE TABLE queue_leases (
                taken      INTEGER PRIMARY KEY AUTOINCREMENT,
                token      TEXT    NOT NULL UNIQUE,
                list       TEXT    NOT NULL,
                id         TEXT    NOT NULL,
                expires_at INTEGER NOT NULL
            );
            CREATE INDEX queue_leases_by_expiry ON queue_leases (expires_at);
            CREATE INDEX queue_leases_by_list ON queue_leases (list, expires_at);
            CREATE TABLE dead_letters (
                list      TEXT    NOT NULL,
                seq       INTEGER NOT NULL,
                id        TEXT    NOT NULL,
                reason    TEXT    NOT NULL,
                chain     TEXT    NOT NULL,
                stage     TEXT    NOT NULL,
                attempts  INTEGER NOT NULL,
                at        TEXT    NOT NULL,
                replay_to TEXT,
                PRIMARY KEY (list, seq)
            ) WITHOUT ROWID;

            CREATE TABLE config_entries (
                kind     TEXT    NOT NULL,
                name     TEXT    NOT NULL,
                document TEXT    NOT NULL,
                position INTEGER NOT NULL,
                PRIMARY KEY (kind, name)
            );
            CREATE TABLE config_version (
                id      INTEGER PRIMARY KEY CHECK (id = 0),
                version INTEGER NOT NULL
            );
            INSERT INTO config_version (id, version) VALUES (0, 0);

            CREATE TABLE history (
                n              INTEGER PRIMARY KEY AUTOINCREMENT,
                uuid           TEXT    NOT NULL,
                chain          TEXT    NOT NULL,
                link           TEXT    NOT NULL,
                outcome        TEXT    NOT NULL,
                duration_nanos INTEGER NOT NULL,
                at             TEXT    NOT NULL,
                detail         TEXT    NOT NULL
            );
            CREATE INDEX history_by_uuid ON history (uuid, n);
            """);

    private EmbeddedSchema() {
    }

    /** Brings the schema up to date; runs inside the opening write transaction. */
    static Void migrate(Handle handle) {
        handle.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        int current = handle.createQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")
                .mapTo(Integer.class).one();
        for (int version = current + 1; version <= MIGRATIONS.size(); version++) {
            handle.createScript(MIGRATIONS.get(version - 1)).execute();
            handle.execute("INSERT INTO schema_version (version) VALUES (?)", version);
        }
        if (current > MIGRATIONS.size()) {
            throw new IllegalStateException("the embedded store was written by a newer conserver (schema "
                    + current + ", this one knows " + MIGRATIONS.size() + "); upgrade the conserver");
        }
        return null;
    }
}
