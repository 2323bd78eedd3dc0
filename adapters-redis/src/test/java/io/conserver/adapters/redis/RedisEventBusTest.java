package io.conserver.adapters.redis;

import io.conserver.domain.contract.EventBusContractTest;
import io.conserver.domain.port.out.EventBus;

/** The EventBus contract on one Redis; {@link RedisEventBusClusterTest} runs it on the cluster. */
class RedisEventBusTest extends EventBusContractTest {
    protected TestRedis.Opened opened;

    boolean cluster() {
        return false;
    }

    @Override
    protected EventBus newBus() {
        opened = TestRedis.open(cluster());
        return opened.store().events();
    }

    @Override
    protected void closeBus(EventBus closed) {
        opened.close();
    }
}
