package io.conserver.adapters.redis;

import static io.conserver.adapters.redis.RedisCalls.done;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conserver.domain.port.out.DeadLetter;
import io.conserver.domain.port.out.DeadLetterLists;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript.Mode;
import org.redisson.api.RScript.ReturnType;
import org.redisson.client.codec.StringCodec;

/**
 * The dead-letter lists of {@link RedisWorkQueue}: Redis lists under {@code deadletter:<name>}, each
 * item a JSON object {@code {id, reason, chain, stage, attempts, at, replay_to}}, oldest at the head.
 */
final class RedisDeadLetters implements DeadLetterLists {
    private final RedisCalls redis;
    private final RedisKeys keys;
    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    RedisDeadLetters(RedisCalls redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public void append(String list, DeadLetter entry) {
        RBatch batch = redis.batch();
        batch.getList(keys.deadLetters(list), StringCodec.INSTANCE).addAsync(write(entry));
        if (registered.add(list)) {
            batch.getSet(keys.deadLetterRegistry(), StringCodec.INSTANCE).addAsync(list);
        }
        redis.execute(batch);
    }

    @Override
    public List<DeadLetter> range(String list, int start, int count) {
        if (count < 1) {
            return List.of();
        }
        List<String> items = RedisCalls.call(() -> redis.client()
                .<String>getList(keys.deadLetters(list), StringCodec.INSTANCE).range(start, start + count - 1));
        return items.stream().map(this::read).toList();
    }

    @Override
    public long count(String list) {
        return RedisCalls.call(() -> (long) redis.client().getList(keys.deadLetters(list), StringCodec.INSTANCE).size());
    }

    @Override
    public int removeOldest(String list, int count) {
        if (count < 1) {
            return 0;
        }
        List<Object> removed = redis.eval(Mode.READ_WRITE, QueueScripts.POP, ReturnType.MULTI,
                List.of(keys.deadLetters(list)), Integer.toString(count));
        return removed.size();
    }

    @Override
    public Map<String, Long> lists() {
        Set<String> lists = RedisCalls.call(() -> redis.client()
                .<String>getSet(keys.deadLetterRegistry(), StringCodec.INSTANCE).readAll());
        RBatch batch = redis.pipeline();
        Map<String, RFuture<Integer>> sizes = new TreeMap<>();
        lists.forEach(list -> sizes.put(list, batch.getList(keys.deadLetters(list), StringCodec.INSTANCE).sizeAsync()));
        redis.execute(batch);
        Map<String, Long> nonEmpty = new TreeMap<>();
        sizes.forEach((list, size) -> {
            if (done(size) > 0) {
                nonEmpty.put(list, (long) done(size));
            }
        });
        return nonEmpty;
    }

    private String write(DeadLetter e) {
        ObjectNode node = json.createObjectNode().put("id", e.id()).put("reason", e.reason()).put("chain", e.chain())
                .put("stage", e.stage()).put("attempts", e.attempts()).put("at", e.at().toString());
        e.replayTo().ifPresent(to -> node.put("replay_to", to));
        return node.toString();
    }

    private DeadLetter read(String text) {
        try {
            JsonNode n = json.readTree(text);
            return new DeadLetter(n.path("id").asText(), n.path("reason").asText(), n.path("chain").asText(),
                    n.path("stage").asText(), n.path("attempts").asInt(), Instant.parse(n.path("at").asText()),
                    Optional.ofNullable(n.get("replay_to")).map(JsonNode::asText));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a dead-letter entry is not JSON: " + text, e);
        }
    }
}
