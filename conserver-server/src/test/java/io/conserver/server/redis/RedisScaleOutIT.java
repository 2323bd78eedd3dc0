package io.conserver.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two conserver processes on one Redis (a random key prefix shared by both) drain 10,000 vCons
 * through one chain whose link is a webhook to a receiver in this JVM.
 */
class RedisScaleOutIT {
    static final int REDIS_PORT = 6379;
    static final int N = 10_000;

    /** The store and chain of both instances; the link POSTs every vCon to the receiver. */
    static String config(String prefix, int redisPort, String hook, String engine) {
        return """
                store: {type: redis, url: "redis://127.0.0.1:%d", key_prefix: "%s"}
                engine: %s
                links:
                  hook: {type: webhook, options: {urls: ["%s"], timeout: 10s}}
                chains:
                  main:
                    links: [hook]
                    ingress_lists: [in]
                    egress_lists: [out]
                    workers: 4
                """.formatted(redisPort, prefix, engine, hook);
    }

    @Test
    @Timeout(600)
    void twoInstancesShareTheWorkAndEveryVconIsProcessedExactlyOnce() throws Exception {
        String prefix = Load.randomPrefix();
        Path dir = Files.createTempDirectory("conserver-scaleout");
        try (WebhookReceiver hook = new WebhookReceiver(0)) {
            String yaml = config(prefix, REDIS_PORT, hook.url(), "{}");
            try (ConserverProcess a = ConserverProcess.start("a", dir, yaml);
                 ConserverProcess b = ConserverProcess.start("b", dir, yaml)) {
                a.awaitHealthy(Duration.ofSeconds(120));
                b.awaitHealthy(Duration.ofSeconds(120));

                List<ObjectNode> vcons = Load.vcons(N);
                Set<String> expected = Load.uuids(vcons);
                Load.post(a.api(), "in", vcons);

                boolean drained = Load.until(Duration.ofSeconds(240), () -> Load.egressCount(a.api(), "out") >= N);
                assertThat(drained).as("all %d on egress; egress holds %d, the webhook saw %d\n%s\n%s", N,
                        Load.egressCount(a.api(), "out"), hook.received().size(), a.logTail(), b.logTail()).isTrue();
                // Give a duplicate (which this fault-free run must not have) a moment to show up.
                Thread.sleep(1000);

                // Exactly once: with no crash, no lost lease and no failing link, nothing is retried, so
                // at-least-once delivery delivers each vCon once. Any duplicate here is a bug.
                Map<String, AtomicInteger> received = hook.received();
                assertThat(received.keySet()).as("uuids the webhook received").isEqualTo(expected);
                Map<String, Integer> duplicates = received.entrySet().stream().filter(e -> e.getValue().get() != 1)
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
                assertThat(duplicates).as("uuids POSTed more than once").isEmpty();
                assertThat(hook.requests()).isEqualTo(N);

                assertThat(Load.egressCount(a.api(), "out")).isEqualTo(N);
                Set<String> egress = new HashSet<>(Load.takeEgress(b.api(), "out", N));
                assertThat(egress).isEqualTo(expected);

                long byA = a.chainRuns();
                long byB = b.chainRuns();
                assertThat(byA).as("chain runs by a").isPositive();
                assertThat(byB).as("chain runs by b").isPositive();
                assertThat(byA + byB).as("chain runs by a and b").isEqualTo(N);
                System.out.printf("scale-out: %d vCons, a ran %d, b ran %d%n", N, byA, byB);

                // An outside system writes a vCon straight into Redis; the API serves it.
                ObjectNode outside = Load.vcons(1).get(0);
                String uuid = outside.path("uuid").asText();
                Load.redisCli(REDIS_PORT, "SET", prefix + "vcon:" + uuid, outside.toString());
                java.net.http.HttpResponse<String> read = ConserverProcess.HTTP.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(b.api() + "/vcon/" + uuid)).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(read.statusCode()).isEqualTo(200);
                assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(read.body()).path("uuid").asText()).isEqualTo(uuid);

                // ... and pushes its uuid onto the ingress list with RPUSH; a conserver processes it.
                Load.redisCli(REDIS_PORT, "RPUSH", prefix + "in", uuid);
                assertThat(Load.until(Duration.ofSeconds(60), () -> hook.received().containsKey(uuid))).as("webhook saw " + uuid).isTrue();
                assertThat(Load.until(Duration.ofSeconds(30), () -> Load.egressCount(a.api(), "out") == 1)).isTrue();
                assertThat(Load.takeEgress(a.api(), "out", 10)).containsExactly(uuid);
            }
        } finally {
            Load.deleteKeys(REDIS_PORT, prefix);
        }
    }
}
