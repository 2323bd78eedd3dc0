package io.conserver.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.conserver.domain.contract.WorkQueueContractTest;
import io.conserver.domain.port.out.WorkQueue;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

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

    private RedisWorkQueue redisQueue() {
        return (RedisWorkQueue) opened.store().queue();
    }

    @Test
    void moveCarriesMoreIdsThanOneScriptCouldUnpack() {
        // Lua's unpack refuses more than 8,000 values: one script moving them all would fail.
        List<String> ids = IntStream.range(0, 10_500).mapToObj(i -> "id-" + i).toList();
        redisQueue().pushAll("many", ids);
        assertThat(redisQueue().move("many", "moved", Integer.MAX_VALUE)).isEqualTo(ids.size());
        assertThat(redisQueue().peek("moved", 0, ids.size() + 1)).containsExactlyElementsOf(ids);
        assertThat(redisQueue().length("many")).isZero();
    }

    @Test
    void idsOfAMoverThatDiedAfterStagingThemGoBackToTheHeadOfTheirList() {
        RedisWorkQueue queue = redisQueue();
        queue.pushAll("source", List.of("a", "b", "c", "d"));
        // The first step of a staged move, then nothing: the mover died before pushing to the destination.
        RedisWorkQueue.Staged staged = queue.stage("source", 3, Duration.ZERO);
        assertThat(staged.ids()).containsExactly("a", "b", "c");
        assertThat(queue.peek("source", 0, 10)).containsExactly("d");
        assertThat(queue.requeueExpired()).isEqualTo(3);
        assertThat(queue.peek("source", 0, 10)).containsExactly("a", "b", "c", "d");
        assertThat(queue.requeueExpired()).isZero();
    }

    @Test
    void aCompletedMoveLeavesNothingForTheReaper() {
        RedisWorkQueue queue = redisQueue();
        queue.pushAll("source", List.of("a", "b"));
        assertThat(queue.move("source", "target", 5)).isEqualTo(2);
        RedisKeys keys = new RedisKeys(opened.prefix(), cluster());
        assertThat(opened.client().getScoredSortedSet(keys.waiters("source")).size()).isZero();
        assertThat(opened.client().getKeys().getKeysStream(org.redisson.api.options.KeysScanOptions.defaults()
                .pattern(keys.pendingPrefix("source") + "*")).toList()).isEmpty();
        assertThat(queue.requeueExpired()).isZero();
        assertThat(queue.peek("source", 0, 10)).isEmpty();
        assertThat(queue.peek("target", 0, 10)).containsExactly("a", "b");
    }
}
