package io.conserver.adapters.redis;

/** The ProcessingHistory contract, and the single-Redis extras, on the three-master Redis Cluster. */
class RedisProcessingHistoryClusterTest extends RedisProcessingHistoryTest {
    @Override
    boolean cluster() {
        return true;
    }
}
