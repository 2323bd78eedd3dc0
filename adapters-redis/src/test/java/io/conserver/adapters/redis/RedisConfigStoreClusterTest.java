package io.conserver.adapters.redis;

/** The ConfigStore contract, and the single-Redis extras, on the three-master Redis Cluster. */
class RedisConfigStoreClusterTest extends RedisConfigStoreTest {
    @Override
    boolean cluster() {
        return true;
    }
}
