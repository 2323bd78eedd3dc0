package io.conserver.server.wiring;

import io.conserver.app.runtime.RuntimeParts;

/** The ports of one working store, and how to close them when the process stops. */
public record WorkingStore(String description, RuntimeParts parts, AutoCloseable closer) implements AutoCloseable {
    @Override
    public void close() throws Exception {
        closer.close();
    }
}
