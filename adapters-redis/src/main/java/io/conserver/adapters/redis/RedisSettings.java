package io.conserver.adapters.redis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Redis: one server ({@code single}, by {@code url}) or a Redis Cluster ({@code cluster},
 * by some of its {@code nodes}); an optional key prefix that every key and channel of this store
 * starts with (empty by default, so outside systems see the documented names); the size of the
 * connection pool per node; and how vCons are kept ({@code auto} uses RedisJSON when the server has
 * the module, else a JSON string).
 */
public record RedisSettings(Mode mode, String url, List<String> nodes, String keyPrefix, Optional<String> password,
                            int connectionPoolSize, Documents documents) {
    /** One Redis server, or a Redis Cluster. */
    public enum Mode { SINGLE, CLUSTER }

    /** How vCon documents are stored: detected, always a JSON string, or always RedisJSON. */
    public enum Documents { AUTO, STRING, JSON_MODULE }

    /** The default pool: room for the workers' blocking takes plus the ordinary calls. */
    public static final int DEFAULT_POOL_SIZE = 64;

    public RedisSettings {
        Objects.requireNonNull(mode, "mode is null");
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        keyPrefix = keyPrefix == null ? "" : keyPrefix;
        password = password == null ? Optional.empty() : password;
        documents = documents == null ? Documents.AUTO : documents;
        if (connectionPoolSize < 1) {
            throw new IllegalArgumentException("connectionPoolSize must be 1 or more, was " + connectionPoolSize);
        }
        if (keyPrefix.indexOf('{') >= 0 || keyPrefix.indexOf('}') >= 0) {
            throw new IllegalArgumentException("the key prefix may not contain { or }: they would make a hash tag");
        }
        if (mode == Mode.SINGLE && (url == null || url.isBlank())) {
            throw new IllegalArgumentException("a single Redis needs a url, such as redis://127.0.0.1:6379");
        }
        if (mode == Mode.CLUSTER && nodes.isEmpty()) {
            throw new IllegalArgumentException("a Redis Cluster needs at least one node, such as redis://127.0.0.1:7000");
        }
    }

    public static RedisSettings single(String url) {
        return new RedisSettings(Mode.SINGLE, url, List.of(), "", Optional.empty(), DEFAULT_POOL_SIZE, Documents.AUTO);
    }

    public static RedisSettings cluster(List<String> nodes) {
        return new RedisSettings(Mode.CLUSTER, null, nodes, "", Optional.empty(), DEFAULT_POOL_SIZE, Documents.AUTO);
    }

    public RedisSettings withKeyPrefix(String prefix) {
        return new RedisSettings(mode, url, nodes, prefix, password, connectionPoolSize, documents);
    }

    public RedisSettings withDocuments(Documents how) {
        return new RedisSettings(mode, url, nodes, keyPrefix, password, connectionPoolSize, how);
    }

    public RedisSettings withConnectionPoolSize(int size) {
        return new RedisSettings(mode, url, nodes, keyPrefix, password, size, documents);
    }

    public boolean isCluster() {
        return mode == Mode.CLUSTER;
    }
}
