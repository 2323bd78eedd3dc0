package io.conserver.domain.port.out;

import java.util.function.Consumer;

/**
 * Publish and subscribe on named channels. Delivery is best effort and immediate (like Redis
 * pub/sub): subscribers that are not listening when an event is published do not see it. The
 * durable record of what happened is the per-vCon {@link ProcessingHistory}.
 */
public interface EventBus {

    /** The channel that carries every event of every chain. */
    String GLOBAL_CHANNEL = "conserver:events";

    /** The channel that carries the events of one chain. */
    static String chainChannel(String chain) {
        return GLOBAL_CHANNEL + ":" + chain;
    }

    /** Sends the event to every current subscriber of the channel. Never blocks on a slow subscriber. */
    void publish(String channel, ChainEvent event);

    /** Calls {@code listener} for each event published on the channel from now on, until closed. */
    Subscription subscribe(String channel, Consumer<ChainEvent> listener);
}
