package io.conserver.server.wiring;

import io.conserver.adapters.embedded.EmbeddedDatabase;
import io.conserver.adapters.embedded.InProcessEventBus;
import io.conserver.adapters.embedded.SqliteConfigStore;
import io.conserver.adapters.embedded.SqliteProcessingHistory;
import io.conserver.adapters.embedded.SqliteVconStore;
import io.conserver.adapters.embedded.SqliteWorkQueue;
import io.conserver.app.runtime.RuntimeParts;
import io.conserver.domain.port.out.VconIngest;
import io.conserver.server.config.StoreSettings;
import io.conserver.adapters.redis.RedisSettings;
import io.conserver.adapters.redis.RedisWorkingStore;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/** Opens the working store the {@code store:} section names. */
public final class WorkingStores {
    private WorkingStores() {
    }

    public static WorkingStore open(StoreSettings settings, Clock clock) {
        if ("redis".equals(settings.getType())) {
            return redis(settings, clock);
        }
        EmbeddedDatabase db = EmbeddedDatabase.open(settings.dataPath());
        SqliteConfigStore config = new SqliteConfigStore(db);
        InProcessEventBus events = new InProcessEventBus();
        RuntimeParts parts = new RuntimeParts(new SqliteVconStore(db), new SqliteWorkQueue(db), config, events,
                new SqliteProcessingHistory(db), clock);
        // The embedded store updates its indexes in the same transaction as the vCon: nothing to rebuild.
        return new WorkingStore("embedded store in " + settings.dataPath().toAbsolutePath(), parts,
                VconIngest.sequential(parts.store(), parts.queue()), () -> 0L, () -> {
            // The config store's listener thread and the event bus go before the database they use.
            config.close();
            events.close();
            db.close();
        });
    }

    private static WorkingStore redis(StoreSettings settings, Clock clock) {
        RedisSettings redis = new RedisSettings("cluster".equals(settings.getMode()) ? RedisSettings.Mode.CLUSTER : RedisSettings.Mode.SINGLE,
                settings.getUrl(), settings.getNodes(), settings.getKeyPrefix(), Optional.ofNullable(settings.getPassword()).filter(p -> !p.isEmpty()),
                settings.getConnectionPoolSize(), RedisSettings.Documents.valueOf(settings.getDocuments().toUpperCase(Locale.ROOT)));
        RedisWorkingStore store = RedisWorkingStore.connect(redis);
        RuntimeParts parts = new RuntimeParts(store.store(), store.queue(), store.config(), store.events(), store.history(), clock);
        return new WorkingStore(store.description(), parts, store::ingest, store::rebuildIndexes, store::close);
    }
}
