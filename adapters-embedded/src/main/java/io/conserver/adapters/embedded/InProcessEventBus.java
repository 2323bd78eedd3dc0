package io.conserver.adapters.embedded;

import io.conserver.domain.port.support.OrderedDelivery;
import io.conserver.domain.port.out.ChainEvent;
import io.conserver.domain.port.out.EventBus;
import io.conserver.domain.port.out.Subscription;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The {@link EventBus} of the embedded store: publish and subscribe inside this process only (other
 * processes sharing the database file do not hear these events). Publishing queues the event for
 * each subscriber and returns; each subscriber is fed its events in order by one task at a time on a
 * shared pool, so a slow subscriber delays only itself. A subscriber more than
 * {@value OrderedDelivery#MAX_QUEUED} events behind loses the newest ones, with a warning.
 * Close the bus to stop its threads.
 */
public final class InProcessEventBus implements EventBus, AutoCloseable {
    private final Map<String, List<OrderedDelivery>> channels = new ConcurrentHashMap<>();
    private final ExecutorService delivery;

    public InProcessEventBus() {
        AtomicInteger threads = new AtomicInteger();
        // Cached: a thread per subscriber that has events waiting, so one blocked listener starves nobody.
        this.delivery = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "conserver-events-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void publish(String channel, ChainEvent event) {
        for (OrderedDelivery subscriber : channels.getOrDefault(channel, List.of())) {
            subscriber.offer(event);
        }
    }

    @Override
    public Subscription subscribe(String channel, Consumer<ChainEvent> listener) {
        OrderedDelivery subscriber = new OrderedDelivery(channel, listener, delivery);
        channels.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(subscriber);
        return () -> {
            subscriber.close();
            channels.getOrDefault(channel, List.of()).remove(subscriber);
        };
    }

    /** Stops delivery; events not yet delivered are dropped. */
    @Override
    public void close() {
        delivery.shutdownNow();
    }
}
