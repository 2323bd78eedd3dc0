package io.conserver.adapters.redis;

import io.conserver.domain.port.support.OrderedDelivery;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conserver.domain.port.out.ChainEvent;
import io.conserver.domain.port.out.EventBus;
import io.conserver.domain.port.out.Subscription;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.redisson.api.RTopic;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link EventBus} on Redis pub/sub: an event is PUBLISHed as {@code {uuid, chain, link, outcome, at}}
 * on the channel's name (with the key prefix), so outside workers can SUBSCRIBE with any client.
 * Classic pub/sub, which a cluster forwards to every node. Publishing does not wait for the reply.
 */
public final class RedisEventBus implements EventBus, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisEventBus.class);

    private final RedisCalls redis;
    private final RedisKeys keys;
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService delivery;

    RedisEventBus(RedisCalls redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
        AtomicInteger threads = new AtomicInteger();
        this.delivery = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "conserver-redis-events-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void publish(String channel, ChainEvent event) {
        String message = write(event);
        topic(channel).publishAsync(message).whenComplete((receivers, failure) -> {
            if (failure != null) {
                LOG.warn("publishing the event for {} on {} failed", event.uuid(), channel, failure);
            }
        });
    }

    @Override
    public Subscription subscribe(String channel, Consumer<ChainEvent> listener) {
        OrderedDelivery subscriber = new OrderedDelivery(channel, listener, delivery);
        RTopic topic = topic(channel);
        int id = RedisCalls.call(() -> topic.addListener(String.class, (ch, message) -> read(message)
                .ifPresent(subscriber::offer)));
        return () -> {
            subscriber.close();
            try {
                topic.removeListener(id);
            } catch (RuntimeException e) {
                LOG.debug("could not unsubscribe from {}", channel, e);
            }
        };
    }

    /** Stops delivery; events not yet delivered are dropped. */
    @Override
    public void close() {
        delivery.shutdownNow();
    }

    private RTopic topic(String channel) {
        return redis.client().getTopic(keys.channel(channel), StringCodec.INSTANCE);
    }

    String write(ChainEvent event) {
        ObjectNode node = json.createObjectNode().put("uuid", event.uuid()).put("chain", event.chain());
        event.link().ifPresentOrElse(link -> node.put("link", link), () -> node.putNull("link"));
        return node.put("outcome", event.outcome()).put("at", event.at().toString()).toString();
    }

    private Optional<ChainEvent> read(String message) {
        try {
            JsonNode n = json.readTree(message);
            JsonNode link = n.get("link");
            return Optional.of(new ChainEvent(n.path("uuid").asText(), n.path("chain").asText(),
                    link == null || link.isNull() ? Optional.empty() : Optional.of(link.asText()),
                    n.path("outcome").asText(), Instant.parse(n.path("at").asText())));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("ignoring a message that is not a chain event: {}", message);
            return Optional.empty();
        }
    }
}
