package io.conserver.adapters.redis;

import io.conserver.domain.contract.WorkQueueContractTest;
import io.conserver.domain.port.out.WorkQueue;

/** The WorkQueue contract on one Redis; {@link RedisWorkQueueClusterTest} runs it on the cluster. */
class RedisWorkQueueTest extends WorkQueueContractTest {
    protected TestRedis.Opened opened;

    boolean cluster() {
        return false;
    }

    @Override
    protected WorkQueue newQueue() {
        opened = TestRedis.open(cluster());
        return opened.store().queue();
    }

    @Override
    protected void closeQueue(WorkQueue closed) {
        opened.close();
    }
}
