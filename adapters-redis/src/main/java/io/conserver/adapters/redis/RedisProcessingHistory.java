package io.conserver.adapters.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conserver.domain.port.out.HistoryEntry;
import io.conserver.domain.port.out.ProcessingHistory;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.redisson.client.codec.StringCodec;

/**
 * The {@link ProcessingHistory} on Redis: a list under {@code history:<uuid>}, one JSON entry
 * {@code {chain, link, outcome, duration_ns, at, detail}} per item. An append is one RPUSH, so a
 * batch is never split by a concurrent one.
 */
public final class RedisProcessingHistory implements ProcessingHistory {
    private final RedisCalls redis;
    private final RedisKeys keys;
    private final ObjectMapper json = new ObjectMapper();

    RedisProcessingHistory(RedisCalls redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public void append(String uuid, List<HistoryEntry> entries) {
        if (!entries.isEmpty()) {
            List<String> items = entries.stream().map(this::write).toList();
            RedisCalls.call(() -> redis.client().getList(keys.history(uuid), StringCodec.INSTANCE).addAll(items));
        }
    }

    @Override
    public List<HistoryEntry> read(String uuid) {
        List<String> items = RedisCalls.call(() -> redis.client().<String>getList(keys.history(uuid), StringCodec.INSTANCE)
                .readAll());
        return items.stream().map(this::entry).toList();
    }

    @Override
    public void delete(String uuid) {
        RedisCalls.call(() -> redis.client().getKeys().delete(keys.history(uuid)));
    }

    private String write(HistoryEntry e) {
        return json.createObjectNode().put("chain", e.chain()).put("link", e.link()).put("outcome", e.outcome())
                .put("duration_ns", e.duration().toNanos()).put("at", e.at().toString()).put("detail", e.detail())
                .toString();
    }

    private HistoryEntry entry(String text) {
        try {
            JsonNode n = json.readTree(text);
            return new HistoryEntry(n.path("chain").asText(), n.path("link").asText(), n.path("outcome").asText(),
                    Duration.ofNanos(n.path("duration_ns").asLong()), Instant.parse(n.path("at").asText()),
                    n.path("detail").asText());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a history entry is not JSON: " + text, e);
        }
    }
}
