package io.conserver.adapters.redis;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.KeysScanOptions;

/**
 * The Redis servers of the tests: one Redis on 6379 and a three-master cluster on 7000-7002, started
 * by {@code bin/services} when absent. One client per server is shared by every test; each test works
 * under a random key prefix and deletes only its own keys (SCAN, never FLUSHALL: others share these servers).
 */
final class TestRedis {
    static final RedisSettings SINGLE = RedisSettings.single("redis://127.0.0.1:6379");
    static final RedisSettings CLUSTER = RedisSettings.cluster(
            List.of("redis://127.0.0.1:7000", "redis://127.0.0.1:7001", "redis://127.0.0.1:7002"));

    private static RedissonClient single;
    private static RedissonClient cluster;

    private TestRedis() {
    }

    static RedisSettings settings(boolean cluster) {
        return cluster ? CLUSTER : SINGLE;
    }

    static synchronized RedissonClient client(boolean inCluster) {
        ensureServices();
        if (inCluster) {
            if (cluster == null) {
                cluster = Redisson.create(RedisWorkingStore.clientConfig(CLUSTER));
                Runtime.getRuntime().addShutdownHook(new Thread(cluster::shutdown));
            }
            return cluster;
        }
        if (single == null) {
            single = Redisson.create(RedisWorkingStore.clientConfig(SINGLE));
            Runtime.getRuntime().addShutdownHook(new Thread(single::shutdown));
        }
        return single;
    }

    static String randomPrefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    /** A store over the shared client under a fresh random prefix. */
    static Opened open(boolean inCluster) {
        String prefix = randomPrefix();
        RedisSettings settings = settings(inCluster).withKeyPrefix(prefix).withDocuments(RedisSettings.Documents.AUTO);
        return new Opened(RedisWorkingStore.open(client(inCluster), settings), client(inCluster), prefix);
    }

    /** Deletes every key under the prefix, found with SCAN on every master. */
    static void deleteKeys(RedissonClient client, String prefix) {
        List<String> found = new ArrayList<>();
        client.getKeys().getKeys(KeysScanOptions.defaults().pattern(prefix + "*").chunkSize(500)).forEach(found::add);
        for (String key : found) {
            client.getKeys().delete(key);
        }
    }

    private static void ensureServices() {
        if (listening(6379) && listening(7000) && listening(7001) && listening(7002)) {
            return;
        }
        Path script = Path.of("..", "bin", "services");
        if (!Files.isExecutable(script)) {
            return;
        }
        try {
            new ProcessBuilder(script.toString()).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Redis services with bin/services", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A store under its own prefix; closing it deletes the prefix's keys. */
    record Opened(RedisWorkingStore store, RedissonClient client, String prefix) implements AutoCloseable {
        @Override
        public void close() {
            store.close();
            deleteKeys(client, prefix);
        }
    }
}
