package io.conserver.adapters.redis;

import io.conserver.domain.port.out.ChainEvent;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber of the {@link RedisEventBus}: Redisson's pub/sub thread only queues the event here,
 * and at most one task on the bus's pool feeds the listener, so a slow listener delays only itself.
 */
final class EventDelivery {
    static final int MAX_QUEUED = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);

    private final String channel;
    private final Consumer<ChainEvent> listener;
    private final Executor pool;
    private final Queue<ChainEvent> queued = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean closed;

    EventDelivery(String channel, Consumer<ChainEvent> listener, Executor pool) {
        this.channel = channel;
        this.listener = listener;
        this.pool = pool;
    }

    void offer(ChainEvent event) {
        if (closed) {
            return;
        }
        if (size.incrementAndGet() > MAX_QUEUED) {
            size.decrementAndGet();
            LOG.warn("a subscriber of {} is {} events behind; dropping the event for {}", channel, MAX_QUEUED, event.uuid());
            return;
        }
        queued.add(event);
        scheduleDrain();
    }

    void close() {
        closed = true;
        queued.clear();
    }

    private void scheduleDrain() {
        if (!closed && draining.compareAndSet(false, true)) {
            try {
                pool.execute(this::drain);
            } catch (RejectedExecutionException busClosed) {
                draining.set(false);
            }
        }
    }

    private void drain() {
        for (ChainEvent event = queued.poll(); event != null && !closed; event = queued.poll()) {
            size.decrementAndGet();
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("a subscriber of {} failed on the event for {}", channel, event.uuid(), e);
            }
        }
        draining.set(false);
        if (!queued.isEmpty()) {
            scheduleDrain();
        }
    }
}
