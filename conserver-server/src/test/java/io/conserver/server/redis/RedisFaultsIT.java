package io.conserver.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Faults under load, with conserver processes on Redis: kill -9 of one of two instances, and a Redis
 * restart under one instance. Delivery is at least once, so these assert that every vCon reaches the
 * webhook and the egress list, not how often.
 */
class RedisFaultsIT {
    /** Leases of 5 s (link limit) + 1 s (margin), reaped every 300 ms: a dead instance's items return within seconds. */
    static final String FAST_TAKEOVER = "{reap_every: 300ms, lease_margin: 1s, drain_deadline: 2s}";

    private static final String REQUEUED = "whose workers stopped holding their leases";

    static String config(String prefix, int redisPort, String hook) {
        return RedisScaleOutIT.config(prefix, redisPort, hook, FAST_TAKEOVER)
                .replace("links: [hook]", "links: [hook]\n    link_timeout: 5s");
    }

    @Test
    @Timeout(600)
    void theOtherInstanceTakesOverTheItemsOfAKilledOne() throws Exception {
        int n = 3_000;
        int redisPort = RedisScaleOutIT.REDIS_PORT;
        String prefix = Load.randomPrefix();
        Path dir = Files.createTempDirectory("conserver-kill");
        try (WebhookReceiver hook = new WebhookReceiver(5)) {
            String yaml = config(prefix, redisPort, hook.url());
            try (ConserverProcess a = ConserverProcess.start("a", dir, yaml);
                 ConserverProcess b = ConserverProcess.start("b", dir, yaml)) {
                a.awaitHealthy(Duration.ofSeconds(120));
                b.awaitHealthy(Duration.ofSeconds(120));
                List<ObjectNode> vcons = Load.vcons(n);
                Set<String> expected = Load.uuids(vcons);
                Load.post(a.api(), "in", vcons);

                assertThat(Load.until(Duration.ofSeconds(120), () -> hook.received().size() >= n / 5 && a.chainRuns() > 0))
                        .as("a is working").isTrue();
                Set<String> inFlight = leasedIds(redisPort, prefix);
                a.kill();
                assertThat(a.isAlive()).isFalse();
                assertThat(inFlight).as("items leased when a was killed").isNotEmpty();

                // Done means: every vCon on egress and at the webhook, and no lease left, so the items a
                // held when it died were requeued by b's reaper and run again (the reaper logs that).
                Set<String> egress = new HashSet<>();
                boolean all = Load.until(Duration.ofSeconds(180), () -> {
                    egress.addAll(Load.takeEgress(b.api(), "out", 10_000));
                    return egress.containsAll(expected) && hook.received().keySet().containsAll(expected)
                            && leasedIds(redisPort, prefix).isEmpty() && b.log().contains(REQUEUED);
                });
                Set<String> missing = new HashSet<>(expected);
                missing.removeAll(egress);
                assertThat(all).as("every vCon on egress and at the webhook; %d missing from egress, webhook saw %d of %d\n%s",
                        missing.size(), hook.received().size(), n, b.logTail()).isTrue();
                assertThat(egress).isEqualTo(expected);
                assertThat(hook.received().keySet()).isEqualTo(expected);
                assertThat(b.log()).contains(REQUEUED);
                assertThat(leasedIds(redisPort, prefix)).isEmpty();
                assertThat(Load.egressCount(b.api(), "out")).isZero();
            }
        } finally {
            Load.deleteKeys(redisPort, prefix);
        }
    }

    @Test
    @Timeout(600)
    void aRestartedRedisLosesNothingAndTheConserverReportsUnhealthyMeanwhile() throws Exception {
        int n = 2_000;
        String prefix = Load.randomPrefix();
        Path dir = Files.createTempDirectory("conserver-redis-restart");
        int redisPort = ConserverProcess.freePort();
        Process redis = startRedis(dir, redisPort);
        try (WebhookReceiver hook = new WebhookReceiver(3);
             ConserverProcess conserver = ConserverProcess.start("c", dir, config(prefix, redisPort, hook.url()))) {
            conserver.awaitHealthy(Duration.ofSeconds(120));
            List<ObjectNode> vcons = Load.vcons(n);
            Set<String> expected = Load.uuids(vcons);
            Load.post(conserver.api(), "in", vcons);
            assertThat(Load.until(Duration.ofSeconds(120), () -> hook.received().size() >= n / 5)).isTrue();

            redis.toHandle().destroyForcibly();
            redis.waitFor(30, TimeUnit.SECONDS);
            assertThat(Load.until(Duration.ofSeconds(60), () -> conserver.health() == 503))
                    .as("503 from /api/health while Redis is down").isTrue();
            int receivedWhileDown = hook.received().size();
            assertThat(hook.received().size()).as("not all done before Redis went down").isLessThan(n);
            Thread.sleep(2000);
            assertThat(conserver.health()).isEqualTo(503);

            redis = startRedis(dir, redisPort);
            assertThat(Load.until(Duration.ofSeconds(90), () -> conserver.health() == 200))
                    .as("healthy again after Redis came back\n%s", conserver.logTail()).isTrue();
            Set<String> egress = new HashSet<>();
            boolean all = Load.until(Duration.ofSeconds(180), () -> {
                egress.addAll(Load.takeEgress(conserver.api(), "out", 10_000));
                return egress.containsAll(expected) && hook.received().keySet().containsAll(expected);
            });
            assertThat(all).as("every vCon on egress and at the webhook after the restart (webhook saw %d while down, "
                    + "%d now, of %d)\n%s", receivedWhileDown, hook.received().size(), n, conserver.logTail()).isTrue();
            assertThat(egress).isEqualTo(expected);
            assertThat(conserver.isAlive()).isTrue();
        } finally {
            redis.toHandle().destroyForcibly();
            redis.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A Redis of this test's own, persisting every write before answering, in {@code dir}. */
    private static Process startRedis(Path dir, int port) throws Exception {
        Process redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", "")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile())).start();
        assertThat(Load.until(Duration.ofSeconds(30), () -> Load.redisCli(port, "PING").strip().equals("PONG")))
                .as("redis-server on %d\n%s", port, Files.readString(dir.resolve("redis.log"))).isTrue();
        return redis;
    }

    /** The ids leased from the ingress list now (the values of its lease-items hash are seq:uuid). */
    private static Set<String> leasedIds(int port, String prefix) throws IOException, InterruptedException {
        Set<String> ids = new HashSet<>();
        Load.redisCli(port, "HVALS", prefix + "queue:{" + prefix + "in}:items").lines()
                .filter(l -> l.contains(":")).forEach(l -> ids.add(l.substring(l.indexOf(':') + 1)));
        return ids;
    }
}
