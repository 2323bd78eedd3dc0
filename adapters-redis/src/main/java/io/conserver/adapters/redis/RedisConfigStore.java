package io.conserver.adapters.redis;

import io.conserver.domain.port.support.ConfigDocumentJson;
import io.conserver.domain.port.support.VersionListeners;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conserver.domain.port.out.ConfigKind;
import io.conserver.domain.port.out.ConfigSnapshot;
import io.conserver.domain.port.out.ConfigStore;
import io.conserver.domain.port.out.Subscription;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.redisson.api.RScript.Mode;
import org.redisson.api.RScript.ReturnType;
import org.redisson.api.RTopic;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ConfigStore} on Redis: each entry a JSON string under {@code chains:<name>},
 * {@code link:<name>}, {@code storage:<name>} or {@code source:<name>}, their order in
 * {@code config:entries}, and {@code config:version}. Every change is one script that also PUBLISHes
 * the new version on {@code config:changed}; every instance listens there, and also reads the
 * version once a second while it has listeners, in case a message was lost to a reconnect.
 */
public final class RedisConfigStore implements ConfigStore, AutoCloseable {
    static final long POLL_MILLIS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(RedisConfigStore.class);

    private final RedisCalls redis;
    private final RedisKeys keys;
    private final VersionListeners listeners;
    private final RTopic changes;
    private final int topicListener;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "conserver-redis-config-poll");
        thread.setDaemon(true);
        return thread;
    });

    RedisConfigStore(RedisCalls redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
        this.listeners = new VersionListeners(version());
        this.changes = redis.client().getTopic(keys.configChannel(), StringCodec.INSTANCE);
        this.topicListener = RedisCalls.call(() -> changes.addListener(String.class, (channel, version) -> heard(version)));
        poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public long version() {
        String version = RedisCalls.call(() -> redis.client().<String>getBucket(keys.configVersion(), StringCodec.INSTANCE)
                .get());
        return version == null ? 0 : Long.parseLong(version);
    }

    @Override
    public ConfigSnapshot snapshot() {
        List<Object> reply = redis.eval(Mode.READ_ONLY, ConfigScripts.SNAPSHOT, ReturnType.MULTI, fixedKeys(),
                keys.configPrefix());
        Map<ConfigKind, Map<String, ObjectNode>> entries = new EnumMap<>(ConfigKind.class);
        for (int i = 1; i + 1 < reply.size(); i += 2) {
            String entry = (String) reply.get(i);
            for (ConfigKind kind : ConfigKind.values()) {
                if (entry.startsWith(kind.keyPrefix())) {
                    entries.computeIfAbsent(kind, k -> new LinkedHashMap<>())
                            .put(entry.substring(kind.keyPrefix().length()), ConfigDocumentJson.parse((String) reply.get(i + 1)));
                    break;
                }
            }
        }
        return new ConfigSnapshot(Long.parseLong((String) reply.get(0)), entries);
    }

    @Override
    public Optional<ObjectNode> get(ConfigKind kind, String name) {
        String text = RedisCalls.call(() -> redis.client().<String>getBucket(keys.config(kind, name), StringCodec.INSTANCE)
                .get());
        return Optional.ofNullable(text).map(ConfigDocumentJson::parse);
    }

    @Override
    public long put(ConfigKind kind, String name, ObjectNode document) {
        List<String> scriptKeys = new ArrayList<>(fixedKeys());
        scriptKeys.add(keys.config(kind, name));
        return changed(redis.eval(Mode.READ_WRITE, ConfigScripts.PUT, ReturnType.INTEGER, scriptKeys,
                kind.key(name), ConfigDocumentJson.write(document), keys.configChannel()));
    }

    @Override
    public long remove(ConfigKind kind, String name) {
        List<String> scriptKeys = new ArrayList<>(fixedKeys());
        scriptKeys.add(keys.config(kind, name));
        return changed(redis.eval(Mode.READ_WRITE, ConfigScripts.REMOVE, ReturnType.INTEGER, scriptKeys,
                kind.key(name), keys.configChannel()));
    }

    @Override
    public long replaceAll(Map<ConfigKind, Map<String, ObjectNode>> entries) {
        List<Object> argv = new ArrayList<>(List.of(keys.configPrefix(), keys.configChannel()));
        for (ConfigKind kind : ConfigKind.values()) {
            entries.getOrDefault(kind, Map.of()).forEach((name, doc) -> {
                argv.add(kind.key(name));
                argv.add(ConfigDocumentJson.write(doc));
            });
        }
        return changed(redis.eval(Mode.READ_WRITE, ConfigScripts.REPLACE_ALL, ReturnType.INTEGER, fixedKeys(),
                argv.toArray()));
    }

    @Override
    public Subscription onChange(LongConsumer listener) {
        return listeners.add(listener);
    }

    /** Stops listening for changes; listeners hear nothing more. */
    @Override
    public void close() {
        poller.shutdownNow();
        try {
            changes.removeListener(topicListener);
        } catch (RuntimeException e) {
            LOG.debug("could not unsubscribe from {}", keys.configChannel(), e);
        }
    }

    private long changed(Long version) {
        listeners.changedTo(version);
        return version;
    }

    private void heard(String version) {
        try {
            listeners.changedTo(Long.parseLong(version));
        } catch (NumberFormatException e) {
            LOG.warn("ignoring a message on {} that is not a version: {}", keys.configChannel(), version);
        }
    }

    private void poll() {
        if (listeners.isEmpty()) {
            return;
        }
        try {
            listeners.changedTo(version());
        } catch (RuntimeException e) {
            LOG.debug("reading the configuration version failed; trying again in {} ms", POLL_MILLIS, e);
        }
    }

    private List<String> fixedKeys() {
        return List.of(keys.configVersion(), keys.configEntries(), keys.configPosition());
    }
}
