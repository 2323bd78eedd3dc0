package io.conserver.domain.port.support;

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
 * One subscriber of an {@code EventBus} adapter: a queue of events and at most one delivery task
 * draining it on the adapter's pool, so the listener sees its events one at a time and in publishing
 * order, and a slow listener delays only itself. Shared by the embedded and the Redis adapters.
 */
public final class OrderedDelivery {
    public static final int MAX_QUEUED = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(OrderedDelivery.class);

    private final String channel;
    private final Consumer<ChainEvent> listener;
    private final Executor delivery;
    private final Queue<ChainEvent> queued = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean closed;

    public OrderedDelivery(String channel, Consumer<ChainEvent> listener, Executor delivery) {
        this.channel = channel;
        this.listener = listener;
        this.delivery = delivery;
    }

    public void offer(ChainEvent event) {
        if (closed) {
            return;
        }
        if (size.incrementAndGet() > MAX_QUEUED) {
            size.decrementAndGet();
            LOG.warn("a subscriber of {} is {} events behind; dropping event for {}", channel, MAX_QUEUED, event.uuid());
            return;
        }
        queued.add(event);
        scheduleDrain();
    }

    public void close() {
        closed = true;
        queued.clear();
    }

    private void scheduleDrain() {
        if (!closed && draining.compareAndSet(false, true)) {
            try {
                delivery.execute(this::drain);
            } catch (RejectedExecutionException busClosed) {
                draining.set(false);
            }
        }
    }

    private void drain() {
        for (ChainEvent event = queued.poll(); event != null && !closed; event = queued.poll()) {
            size.decrementAndGet();
            deliver(event);
        }
        draining.set(false);
        // An event offered after the last poll but before the flag dropped would otherwise wait for the next one.
        if (!queued.isEmpty()) {
            scheduleDrain();
        }
    }

    private void deliver(ChainEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.warn("a subscriber of {} failed on the event for {}", channel, event.uuid(), e);
        }
    }
}
