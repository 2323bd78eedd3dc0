package io.conserver.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The RedisJSON path builds its commands here; the contract runs cover the string path, since the
 * test servers have no modules. Detection is checked against the real server.
 */
class RedisJsonDocumentsTest {
    private final VconDocuments json = VconDocuments.jsonModule();
    private final VconDocuments strings = VconDocuments.strings();

    @Test
    void theModuleWritesWithJsonSetAtTheRootAndReadsWithJsonGet() {
        assertThat(json.writeCommand("vcon:1", "{\"a\":1}")).containsExactly("JSON.SET", "vcon:1", "$", "{\"a\":1}");
        assertThat(json.readCommand("vcon:1")).containsExactly("JSON.GET", "vcon:1");
    }

    @Test
    void theModuleScriptsPassTheKeyAndDocumentAsKeysAndArgv() {
        assertThat(json.writeScript()).contains("redis.call('JSON.SET', KEYS[1], '$', ARGV[1])")
                .doesNotContain("vcon:");
        assertThat(json.readScript()).contains("redis.call('JSON.GET', KEYS[1])");
    }

    @Test
    void theModuleWriteClearsTheTtlAndReplacesAStringLeftByAnOutsideSet() {
        String write = json.writeScript();
        assertThat(write).contains("redis.call('PERSIST', KEYS[1])");
        assertThat(write.indexOf("redis.call('DEL', KEYS[1])")).isLessThan(write.indexOf("JSON.SET"));
    }

    @Test
    void theModuleReadStillReadsAPlainStringAndNothingForAMissingKey() {
        assertThat(json.readScript()).contains("if t == 'string' then return redis.call('GET', KEYS[1]) end")
                .contains("if t == 'none' then return false end");
    }

    @Test
    void theStringPathIsPlainSetAndGet() {
        assertThat(strings.writeCommand("vcon:1", "{}")).containsExactly("SET", "vcon:1", "{}");
        assertThat(strings.writeScript()).isEqualTo("redis.call('SET', KEYS[1], ARGV[1]) return 1");
        assertThat(strings.readScript()).isEqualTo("return redis.call('GET', KEYS[1])");
    }

    @Test
    void theModuleScriptsAreValidLuaForRedis() {
        var scripts = TestRedis.client(false).getScript();
        assertThat(scripts.scriptLoad(json.writeScript())).hasSize(40);
        assertThat(scripts.scriptLoad(json.readScript())).hasSize(40);
    }

    @Test
    void detectionFindsNoModuleOnTheTestServers() {
        assertThat(VconDocuments.detect(TestRedis.client(false), TestRedis.randomPrefix() + "probe").name())
                .isEqualTo(strings.name());
        assertThat(VconDocuments.detect(TestRedis.client(true), TestRedis.randomPrefix() + "probe").name())
                .isEqualTo(strings.name());
    }

    @Test
    void theBlockingTimeoutIsSentToTheMillisecondButCountedInWholeSeconds() {
        BlockingMove.Timeout timeout = new BlockingMove.Timeout(Duration.ofMillis(50));
        assertThat(new String(timeout.getName(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("0.050");
        assertThat(timeout.toString()).isEqualTo("1");
        assertThat(new BlockingMove.Timeout(Duration.ofSeconds(5)).toString()).isEqualTo("5");
    }
}
