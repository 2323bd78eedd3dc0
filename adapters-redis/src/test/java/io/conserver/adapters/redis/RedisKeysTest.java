package io.conserver.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conserver.domain.port.out.ConfigKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented names, and the hash tags that keep each script on one cluster slot. */
class RedisKeysTest {
    private final RedisKeys single = new RedisKeys("", false);
    private final RedisKeys cluster = new RedisKeys("", true);

    @Test
    void outsideSystemsSeeTheDocumentedNames() {
        assertThat(single.vcon("abc")).isEqualTo("vcon:abc");
        assertThat(single.list("default_ingress")).isEqualTo("default_ingress");
        assertThat(single.config(ConfigKind.CHAIN, "main")).isEqualTo("chains:main");
        assertThat(single.config(ConfigKind.LINK, "tagger")).isEqualTo("link:tagger");
        assertThat(single.configVersion()).isEqualTo("config:version");
        assertThat(single.deadLetters("dlq")).isEqualTo("deadletter:dlq");
        assertThat(single.history("abc")).isEqualTo("history:abc");
    }

    @Test
    void aListsBookkeepingCarriesTheListKeyAsHashTag() {
        assertThat(single.leases("default_ingress")).isEqualTo("queue:{default_ingress}:leases");
        assertThat(new RedisKeys("p:", true).waiters("in")).isEqualTo("p:queue:{p:in}:waiters");
    }

    @Test
    void onAClusterTheConfigurationSharesOneTag() {
        assertThat(cluster.config(ConfigKind.CHAIN, "main")).isEqualTo("{config}:chains:main");
        assertThat(List.of(cluster.configVersion(), cluster.configEntries(), cluster.configPosition()))
                .allMatch(key -> key.startsWith("{config}:"));
        assertThat(cluster.vcon("abc")).isEqualTo("vcon:abc");
    }

    @Test
    void listNamesAndPrefixesWithBracesAreRefused() {
        assertThatThrownBy(() -> single.list("in{x}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> single.list("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisSettings.single("redis://h:6379").withKeyPrefix("{p}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisSettings.cluster(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
