package io.conserver.adapters.redis;

/** The VconStore contract, and the single-Redis extras, on the three-master Redis Cluster. */
class RedisVconStoreClusterTest extends RedisVconStoreTest {
    @Override
    boolean cluster() {
        return true;
    }
}
