package io.conserver.adapters.redis;

/** What outside systems do, on the three-master Redis Cluster. */
class RedisOutsideSystemsClusterTest extends RedisOutsideSystemsTest {
    @Override
    boolean cluster() {
        return true;
    }
}
