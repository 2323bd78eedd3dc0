package io.conserver.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conserver.domain.port.out.ConfigKind;
import io.conserver.domain.port.out.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Two instances, each with its own connection: a change made by one is heard by the other within a second. */
class RedisConfigNotificationTest {
    boolean cluster() {
        return false;
    }

    @Test
    void aSecondInstanceHearsOfAChangeWithinASecond() {
        RedisSettings settings = TestRedis.settings(cluster()).withKeyPrefix(TestRedis.randomPrefix())
                .withConnectionPoolSize(8);
        List<Long> heard = new CopyOnWriteArrayList<>();
        try (RedisWorkingStore first = RedisWorkingStore.connect(settings);
             RedisWorkingStore second = RedisWorkingStore.connect(settings);
             Subscription ignored = second.config().onChange(heard::add)) {
            ObjectNode chain = JsonNodeFactory.instance.objectNode().put("ingress", "default_ingress");
            long version = first.config().put(ConfigKind.CHAIN, "main", chain);
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10)).until(() -> heard.contains(version));
            assertThat(second.config().get(ConfigKind.CHAIN, "main")).contains(chain);
            assertThat(second.config().snapshot().version()).isEqualTo(version);
        } finally {
            TestRedis.deleteKeys(TestRedis.client(cluster()), settings.keyPrefix());
        }
    }
}
