package io.conserver.adapters.embedded;

import io.conserver.domain.port.out.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change listeners of {@link SqliteConfigStore}. Versions are handed out in increasing order and
 * each at most once, whether they come from a write in this process or from the poll that notices a
 * write by another process; a version older than one already told is dropped.
 */
final class ConfigListeners {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigListeners.class);

    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private long told;

    ConfigListeners(long startVersion) {
        this.told = startVersion;
    }

    Subscription add(LongConsumer listener) {
        // A wrapper per subscription, so the same listener subscribed twice is removed once per close.
        LongConsumer entry = listener::accept;
        listeners.add(entry);
        return () -> listeners.remove(entry);
    }

    boolean isEmpty() {
        return listeners.isEmpty();
    }

    synchronized void changedTo(long version) {
        if (version <= told) {
            return;
        }
        told = version;
        for (LongConsumer listener : listeners) {
            try {
                listener.accept(version);
            } catch (RuntimeException e) {
                LOG.warn("a configuration listener failed on version {}", version, e);
            }
        }
    }
}
