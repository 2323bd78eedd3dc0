package io.conserver.adapters.redis;

import io.conserver.domain.contract.ConfigStoreContractTest;
import io.conserver.domain.port.out.ConfigStore;

/** The ConfigStore contract on one Redis; {@link RedisConfigStoreClusterTest} runs it on the cluster. */
class RedisConfigStoreTest extends ConfigStoreContractTest {
    protected TestRedis.Opened opened;

    boolean cluster() {
        return false;
    }

    @Override
    protected ConfigStore newStore() {
        opened = TestRedis.open(cluster());
        return opened.store().config();
    }

    @Override
    protected void closeStore(ConfigStore closed) {
        opened.close();
    }
}
