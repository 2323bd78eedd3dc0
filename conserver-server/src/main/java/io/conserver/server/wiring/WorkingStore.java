package io.conserver.server.wiring;

import io.conserver.app.runtime.RuntimeParts;
import io.conserver.domain.port.out.VconIngest;
import java.util.function.LongSupplier;

/**
 * The ports of one working store, how it ingests (store + queue in one step where it can), how its
 * search indexes are rebuilt, and how to close it when the process stops.
 */
public record WorkingStore(String description, RuntimeParts parts, VconIngest ingest, LongSupplier rebuildIndexes,
                           AutoCloseable closer) implements AutoCloseable {
    @Override
    public void close() throws Exception {
        closer.close();
    }
}
