package io.conserver.adapters.redis;

import io.conserver.domain.port.out.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change listeners of {@link RedisConfigStore}. A version reaches them once and in increasing
 * order, whether it comes from a write here, a pub/sub message or the poll; older ones are dropped.
 */
final class VersionListeners {
    private static final Logger LOG = LoggerFactory.getLogger(VersionListeners.class);

    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private long told;

    VersionListeners(long startVersion) {
        this.told = startVersion;
    }

    Subscription add(LongConsumer listener) {
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
