package io.conserver.adapters.redis;

import io.conserver.domain.contract.VconStoreContractTest;
import io.conserver.domain.port.out.VconStore;

/** The VconStore contract on one Redis; {@link RedisVconStoreClusterTest} runs it on the cluster. */
class RedisVconStoreTest extends VconStoreContractTest {
    protected TestRedis.Opened opened;

    boolean cluster() {
        return false;
    }

    @Override
    protected VconStore newStore() {
        opened = TestRedis.open(cluster());
        return opened.store().store();
    }

    @Override
    protected void closeStore(VconStore closed) {
        opened.close();
    }
}
