package io.conserver.domain.port.support;

import io.conserver.domain.port.out.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change listeners of a {@code ConfigStore} adapter. Versions are handed out in increasing order
 * and each at most once, whether they come from a write in this process, a notification or a poll
 * that notices a write by another process; a version older than one already told is dropped.
 * Shared by the embedded and the Redis adapters.
 */
public final class VersionListeners {
    private static final Logger LOG = LoggerFactory.getLogger(VersionListeners.class);

    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private long told;

    public VersionListeners(long startVersion) {
        this.told = startVersion;
    }

    public Subscription add(LongConsumer listener) {
        // A wrapper per subscription, so the same listener subscribed twice is removed once per close.
        LongConsumer entry = listener::accept;
        listeners.add(entry);
        return () -> listeners.remove(entry);
    }

    public boolean isEmpty() {
        return listeners.isEmpty();
    }

    public synchronized void changedTo(long version) {
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
