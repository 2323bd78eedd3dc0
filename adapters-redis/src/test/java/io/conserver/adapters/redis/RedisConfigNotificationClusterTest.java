package io.conserver.adapters.redis;

/** Config change notification between two instances on the Redis Cluster. */
class RedisConfigNotificationClusterTest extends RedisConfigNotificationTest {
    @Override
    boolean cluster() {
        return true;
    }
}
