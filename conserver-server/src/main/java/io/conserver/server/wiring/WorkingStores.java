package io.conserver.server.wiring;

import io.conserver.adapters.embedded.EmbeddedDatabase;
import io.conserver.adapters.embedded.InProcessEventBus;
import io.conserver.adapters.embedded.SqliteConfigStore;
import io.conserver.adapters.embedded.SqliteProcessingHistory;
import io.conserver.adapters.embedded.SqliteVconStore;
import io.conserver.adapters.embedded.SqliteWorkQueue;
import io.conserver.app.runtime.RuntimeParts;
import io.conserver.server.config.StoreSettings;
import java.time.Clock;

/** Opens the working store the {@code store:} section names. */
public final class WorkingStores {
    private WorkingStores() {
    }

    public static WorkingStore open(StoreSettings settings, Clock clock) {
        if (!"embedded".equals(settings.getType())) {
            throw new IllegalStateException("store type " + settings.getType() + " is not available in this build");
        }
        EmbeddedDatabase db = EmbeddedDatabase.open(settings.dataPath());
        SqliteConfigStore config = new SqliteConfigStore(db);
        InProcessEventBus events = new InProcessEventBus();
        RuntimeParts parts = new RuntimeParts(new SqliteVconStore(db), new SqliteWorkQueue(db), config, events,
                new SqliteProcessingHistory(db), clock);
        return new WorkingStore("embedded store in " + settings.dataPath().toAbsolutePath(), parts, () -> {
            // The config store's listener thread and the event bus go before the database they use.
            config.close();
            events.close();
            db.close();
        });
    }
}
