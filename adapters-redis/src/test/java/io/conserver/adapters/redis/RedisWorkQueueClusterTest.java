package io.conserver.adapters.redis;

/** The WorkQueue contract, and the single-Redis extras, on the three-master Redis Cluster. */
class RedisWorkQueueClusterTest extends RedisWorkQueueTest {
    @Override
    boolean cluster() {
        return true;
    }
}
