package io.conserver.app.runtime;

import io.conserver.adapters.embedded.EmbeddedDatabase;
import io.conserver.adapters.embedded.InProcessEventBus;
import io.conserver.adapters.embedded.SqliteConfigStore;
import io.conserver.adapters.embedded.SqliteProcessingHistory;
import io.conserver.adapters.embedded.SqliteVconStore;
import io.conserver.adapters.embedded.SqliteWorkQueue;
import java.nio.file.Path;
import java.time.Clock;

/** Every port on the embedded store in one directory, as the server wires them by default. */
final class EmbeddedKit implements AutoCloseable {
    private final EmbeddedDatabase db;
    private final InProcessEventBus events;
    private final RuntimeParts parts;

    private EmbeddedKit(EmbeddedDatabase db) {
        this.db = db;
        this.events = new InProcessEventBus();
        this.parts = new RuntimeParts(new SqliteVconStore(db), new SqliteWorkQueue(db), new SqliteConfigStore(db), events,
                new SqliteProcessingHistory(db), Clock.systemUTC());
    }

    static EmbeddedKit open(Path dir) {
        return new EmbeddedKit(EmbeddedDatabase.open(dir));
    }

    RuntimeParts parts() {
        return parts;
    }

    @Override
    public void close() {
        closeQuietly(parts.config());
        closeQuietly(events);
        db.close();
    }

    private static void closeQuietly(Object maybeCloseable) {
        if (maybeCloseable instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // Closing a test fixture; the directory is deleted next anyway.
            }
        }
    }
}
