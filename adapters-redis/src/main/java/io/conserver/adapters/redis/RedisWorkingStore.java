package io.conserver.adapters.redis;

import io.conserver.domain.port.out.ConfigStore;
import io.conserver.domain.port.out.EventBus;
import io.conserver.domain.port.out.ProcessingHistory;
import io.conserver.domain.port.out.VconStore;
import io.conserver.domain.port.out.WorkQueue;
import io.conserver.domain.vcon.Vcon;
import java.time.Clock;
import java.util.List;
import org.redisson.Redisson;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.config.ClusterServersConfig;
import org.redisson.config.Config;
import org.redisson.config.ReadMode;
import org.redisson.config.SingleServerConfig;

/**
 * The Redis working store: every port over one Redisson client, for one Redis or a Redis Cluster.
 * {@link #connect} builds and owns the client; {@link #open} uses one the caller owns. Close it to stop
 * the configuration listener and the event delivery (and the client, when it was built here).
 */
public final class RedisWorkingStore implements AutoCloseable {
    private final RedisSettings settings;
    private final RedissonClient client;
    private final boolean ownsClient;
    private final RedisCalls redis;
    private final VconDocuments documents;
    private final RedisVconStore store;
    private final RedisWorkQueue queue;
    private final RedisConfigStore config;
    private final RedisEventBus events;
    private final RedisProcessingHistory history;

    private RedisWorkingStore(RedisSettings settings, RedissonClient client, boolean ownsClient, Clock clock) {
        this.settings = settings;
        this.client = client;
        this.ownsClient = ownsClient;
        RedisKeys keys = new RedisKeys(settings.keyPrefix(), settings.isCluster());
        this.redis = new RedisCalls(client, settings.isCluster());
        this.documents = switch (settings.documents()) {
            case STRING -> VconDocuments.strings();
            case JSON_MODULE -> VconDocuments.jsonModule();
            case AUTO -> VconDocuments.detect(client, keys.prefix() + "conserver:probe");
        };
        this.store = new RedisVconStore(redis, keys, documents, clock);
        this.queue = new RedisWorkQueue(redis, keys);
        this.config = new RedisConfigStore(redis, keys);
        this.events = new RedisEventBus(redis, keys);
        this.history = new RedisProcessingHistory(redis, keys);
    }

    /** Connects to Redis as the settings say; the store owns the client and closes it. */
    public static RedisWorkingStore connect(RedisSettings settings) {
        return new RedisWorkingStore(settings, Redisson.create(clientConfig(settings)), true, Clock.systemUTC());
    }

    /** Works over a client the caller built (see {@link #clientConfig}) and closes. */
    public static RedisWorkingStore open(RedissonClient client, RedisSettings settings) {
        return new RedisWorkingStore(settings, client, false, Clock.systemUTC());
    }

    /**
     * The Redisson configuration for the settings: strings on the wire, reads from masters (so a
     * read follows the write before it), and a pool per node of {@code connectionPoolSize}, which must
     * cover the workers blocked in a take (each holds one connection for up to five seconds) plus the
     * ordinary calls.
     */
    public static Config clientConfig(RedisSettings settings) {
        Config config = new Config();
        config.setCodec(org.redisson.client.codec.StringCodec.INSTANCE);
        config.setUseScriptCache(false);
        int minIdle = Math.min(8, settings.connectionPoolSize());
        if (settings.isCluster()) {
            ClusterServersConfig cluster = config.useClusterServers()
                    .addNodeAddress(settings.nodes().toArray(String[]::new))
                    .setReadMode(ReadMode.MASTER)
                    .setMasterConnectionPoolSize(settings.connectionPoolSize())
                    .setMasterConnectionMinimumIdleSize(minIdle);
            settings.password().ifPresent(cluster::setPassword);
        } else {
            SingleServerConfig single = config.useSingleServer().setAddress(settings.url())
                    .setConnectionPoolSize(settings.connectionPoolSize())
                    .setConnectionMinimumIdleSize(minIdle);
            settings.password().ifPresent(single::setPassword);
        }
        return config;
    }

    public VconStore store() {
        return store;
    }

    public WorkQueue queue() {
        return queue;
    }

    public ConfigStore config() {
        return config;
    }

    public EventBus events() {
        return events;
    }

    public ProcessingHistory history() {
        return history;
    }

    /**
     * Stores the vCon, updates its indexes and appends its uuid to {@code list} in one round trip:
     * MULTI/EXEC on one server (all or nothing), a pipeline on a cluster.
     */
    public void ingest(Vcon vcon, String list) {
        ingest(List.of(vcon), List.of(list));
    }

    /**
     * Stores several vCons with their indexes and appends their uuids to every list in one round
     * trip: the bulk form of {@link #ingest(Vcon, String)}, behind the domain's {@code VconIngest}.
     */
    public void ingest(List<Vcon> vcons, List<String> lists) {
        if (vcons.isEmpty()) {
            return;
        }
        RBatch batch = redis.batch();
        for (Vcon vcon : vcons) {
            store.putInto(batch, vcon);
        }
        List<String> ids = vcons.stream().map(Vcon::uuid).toList();
        for (String list : lists) {
            queue.pushInto(batch, list, ids);
        }
        redis.execute(batch);
    }

    /** Rebuilds the vCon indexes from the documents with SCAN; returns how many vCons were indexed. */
    public long rebuildIndexes() {
        return store.rebuildIndexes();
    }

    /** What this store is, for logs and the health page. */
    public String description() {
        String where = settings.isCluster() ? "Redis Cluster " + settings.nodes() : "Redis " + settings.url();
        String prefix = settings.keyPrefix().isEmpty() ? "" : ", key prefix " + settings.keyPrefix();
        return where + prefix + ", vCons as " + documents.name();
    }

    @Override
    public void close() {
        config.close();
        events.close();
        if (ownsClient) {
            client.shutdown();
        }
    }
}
