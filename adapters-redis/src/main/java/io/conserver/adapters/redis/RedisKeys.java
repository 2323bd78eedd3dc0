package io.conserver.adapters.redis;

import io.conserver.domain.port.out.ConfigKind;

/**
 * Every key and channel name of the Redis store (see docs/redis.md). Keys that must change together
 * share a hash tag, so that one script can touch them on a cluster: the index keys share
 * {@code {idx}}, a list's lease bookkeeping carries the list's own key as its tag, and on a cluster
 * the configuration keys share {@code {config}}.
 */
final class RedisKeys {
    private final String prefix;
    private final String configPrefix;

    RedisKeys(String prefix, boolean cluster) {
        this.prefix = prefix;
        this.configPrefix = prefix + (cluster ? "{config}:" : "");
    }

    String prefix() {
        return prefix;
    }

    String vcon(String uuid) {
        return prefix + "vcon:" + uuid;
    }

    String vconPrefix() {
        return prefix + "vcon:";
    }

    String created() {
        return prefix + "idx:{vcons}:created";
    }

    String expiring() {
        return prefix + "idx:{vcons}:expiring";
    }

    String indexEntries() {
        return prefix + "idx:{vcons}:entries";
    }

    String party(String field, String value) {
        return prefix + "idx:{vcons}:" + field + ":" + value;
    }

    String history(String uuid) {
        return prefix + "history:" + uuid;
    }

    /** The waiting list itself: the list name as given, so outside producers can RPUSH onto it. */
    String list(String name) {
        if (name.isEmpty() || name.indexOf('{') >= 0 || name.indexOf('}') >= 0) {
            throw new IllegalArgumentException("a list name must be non-empty and free of { and }, was '" + name + "'");
        }
        return prefix + name;
    }

    /** A key in the same cluster slot as the list: its hash tag is the list's whole key. */
    String queuePart(String name, String part) {
        return prefix + "queue:{" + list(name) + "}:" + part;
    }

    String leases(String name) {
        return queuePart(name, "leases");
    }

    String leaseItems(String name) {
        return queuePart(name, "items");
    }

    String waiters(String name) {
        return queuePart(name, "waiters");
    }

    String takeSeq(String name) {
        return queuePart(name, "seq");
    }

    String pendingPrefix(String name) {
        return queuePart(name, "pending:");
    }

    String listRegistry() {
        return prefix + "conserver:lists";
    }

    String deadLetters(String name) {
        return prefix + "deadletter:" + name;
    }

    String deadLetterRegistry() {
        return prefix + "conserver:deadletter-lists";
    }

    String configPrefix() {
        return configPrefix;
    }

    String config(ConfigKind kind, String name) {
        return configPrefix + kind.key(name);
    }

    String configVersion() {
        return configPrefix + "config:version";
    }

    String configEntries() {
        return configPrefix + "config:entries";
    }

    String configPosition() {
        return configPrefix + "config:position";
    }

    String configChannel() {
        return prefix + "config:changed";
    }

    String channel(String name) {
        return prefix + name;
    }
}
