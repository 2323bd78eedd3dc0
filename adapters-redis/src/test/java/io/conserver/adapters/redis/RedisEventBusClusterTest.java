package io.conserver.adapters.redis;

/** The EventBus contract, and the single-Redis extras, on the three-master Redis Cluster. */
class RedisEventBusClusterTest extends RedisEventBusTest {
    @Override
    boolean cluster() {
        return true;
    }
}
