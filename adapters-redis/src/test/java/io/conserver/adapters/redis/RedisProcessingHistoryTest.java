package io.conserver.adapters.redis;

import io.conserver.domain.contract.ProcessingHistoryContractTest;
import io.conserver.domain.port.out.ProcessingHistory;

/** The ProcessingHistory contract on one Redis; {@link RedisProcessingHistoryClusterTest} runs it on the cluster. */
class RedisProcessingHistoryTest extends ProcessingHistoryContractTest {
    protected TestRedis.Opened opened;

    boolean cluster() {
        return false;
    }

    @Override
    protected ProcessingHistory newHistory() {
        opened = TestRedis.open(cluster());
        return opened.store().history();
    }

    @Override
    protected void closeHistory(ProcessingHistory closed) {
        opened.close();
    }
}
