package io.conserver.adapters.redis;

import static io.conserver.domain.fixtures.VconFixtures.createdAt;
import static io.conserver.domain.fixtures.VconFixtures.tel;
import static io.conserver.domain.fixtures.VconFixtures.uniqueTel;
import static io.conserver.domain.fixtures.VconFixtures.vcon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.conserver.domain.port.out.Lease;
import io.conserver.domain.port.out.PartySearch;
import io.conserver.domain.port.out.VconListQuery;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What outside systems do to the documented layout, done with {@code redis-cli}: RPUSH a uuid onto an
 * ingress list, SET a vCon as a JSON string, delete a vCon key behind the store's back. Also the
 * one-round-trip ingest, the index rebuild (SCAN) and reaping across instances.
 */
class RedisOutsideSystemsTest {
    private static final Duration LEASE = Duration.ofMinutes(1);
    private TestRedis.Opened opened;
    private RedisWorkingStore redis;

    boolean cluster() {
        return false;
    }

    @BeforeEach
    void open() {
        opened = TestRedis.open(cluster());
        redis = opened.store();
    }

    @AfterEach
    void close() {
        opened.close();
    }

    @Test
    void aUuidRpushedWithRedisCliIsTakenThroughTheWorkQueue() throws Exception {
        String uuid = vcon().uuid();
        cli("RPUSH", opened.prefix() + "default_ingress", uuid);
        Lease lease = redis.queue().take("default_ingress", LEASE, Duration.ofSeconds(2)).orElseThrow();
        assertThat(lease.id()).isEqualTo(uuid);
        assertThat(redis.queue().ack(lease)).isTrue();
        assertThat(redis.queue().lists()).doesNotContainKey("default_ingress");
    }

    @Test
    void aWaitingTakeBlocksInBlmoveAndWakesOnAnOutsideRpush() throws Exception {
        int before = blockedInBlmove();
        CompletableFuture<Optional<Lease>> taken = CompletableFuture.supplyAsync(() -> take("ingress", Duration.ofSeconds(4)));
        await().atMost(Duration.ofSeconds(2)).until(() -> blockedInBlmove() > before);
        long pushedAt = System.nanoTime();
        cli("RPUSH", opened.prefix() + "ingress", "outside-1");
        assertThat(taken.get(3, TimeUnit.SECONDS).map(Lease::id)).contains("outside-1");
        assertThat(Duration.ofNanos(System.nanoTime() - pushedAt)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aVconSetAsAJsonStringWithRedisCliIsReadableAndIndexedByARebuild() throws Exception {
        String number = uniqueTel();
        Vcon v = createdAt(Instant.parse("2025-04-01T08:00:00Z"), tel(number));
        cli("SET", opened.prefix() + "vcon:" + v.uuid(), VconCodec.lenient().writeString(v));
        assertThat(redis.store().get(v.uuid())).contains(v);
        assertThat(redis.store().search(PartySearch.byTel(number))).isEmpty();
        assertThat(redis.rebuildIndexes()).isEqualTo(1);
        assertThat(redis.store().search(PartySearch.byTel(number))).containsExactly(v.uuid());
        assertThat(redis.store().list(VconListQuery.newest(10))).containsExactly(v.uuid());
        assertThat(redis.store().count()).isEqualTo(1);
    }

    @Test
    void indexRebuildRestoresLostIndexesAndDropsEntriesOfVanishedVcons() throws Exception {
        List<Vcon> kept = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            Vcon v = vcon(tel(uniqueTel()));
            redis.store().put(v);
            kept.add(v);
        }
        Vcon vanished = vcon(tel(uniqueTel()));
        redis.store().put(vanished);
        cli("DEL", opened.prefix() + "vcon:" + vanished.uuid());
        Vcon lost = kept.get(7);
        cli("DEL", opened.prefix() + "idx:{vcons}:tel:" + lost.parties().get(0).tel());
        cli("ZREM", opened.prefix() + "idx:{vcons}:created", lost.uuid());

        assertThat(redis.rebuildIndexes()).isEqualTo(450);

        assertThat(redis.store().search(PartySearch.byTel(lost.parties().get(0).tel()))).containsExactly(lost.uuid());
        assertThat(redis.store().count()).isEqualTo(450);
        assertThat(cli("ZSCORE", opened.prefix() + "idx:{vcons}:created", vanished.uuid())).isBlank();
        assertThat(cli("EXISTS", opened.prefix() + "idx:{vcons}:tel:" + vanished.parties().get(0).tel())).isEqualTo("0");
    }

    @Test
    void aVconDeletedBehindTheStoresBackIsNotListed() throws Exception {
        Vcon v = vcon(tel(uniqueTel()));
        redis.store().put(v);
        cli("DEL", opened.prefix() + "vcon:" + v.uuid());
        assertThat(redis.store().list(VconListQuery.newest(10))).isEmpty();
        assertThat(redis.store().search(PartySearch.byTel(v.parties().get(0).tel()))).isEmpty();
    }

    @Test
    void ingestStoresIndexesAndQueuesInOneCall() throws Exception {
        Vcon v = vcon(tel(uniqueTel()));
        redis.ingest(v, "ingress");
        assertThat(redis.store().get(v.uuid())).contains(v);
        assertThat(redis.store().search(PartySearch.byTel(v.parties().get(0).tel()))).containsExactly(v.uuid());
        assertThat(cli("LRANGE", opened.prefix() + "ingress", "0", "-1")).isEqualTo(v.uuid());
        assertThat(redis.queue().lists()).containsEntry("ingress", 1L);
    }

    @Test
    void bulkIngestStoresEveryVconAndQueuesTheIdsInOrderOnEveryList() throws Exception {
        Vcon a = vcon(tel(uniqueTel()));
        Vcon b = vcon(tel(uniqueTel()));
        Vcon c = vcon(tel(uniqueTel()));
        redis.ingest(List.of(a, b, c), List.of("first", "second"));
        assertThat(redis.store().getAll(List.of(a.uuid(), b.uuid(), c.uuid()))).hasSize(3);
        assertThat(redis.store().search(PartySearch.byTel(b.parties().get(0).tel()))).containsExactly(b.uuid());
        assertThat(redis.queue().peek("first", 0, 10)).containsExactly(a.uuid(), b.uuid(), c.uuid());
        assertThat(redis.queue().peek("second", 0, 10)).containsExactly(a.uuid(), b.uuid(), c.uuid());
    }

    @Test
    void anotherInstanceReapsTheLeasesOfADeadConsumer() throws Exception {
        redis.queue().pushAll("ingress", List.of("a", "b", "c"));
        Lease dead = redis.queue().take("ingress", Duration.ofMillis(200), Duration.ZERO).orElseThrow();
        try (RedisWorkingStore other = RedisWorkingStore.open(TestRedis.client(cluster()),
                TestRedis.settings(cluster()).withKeyPrefix(opened.prefix()))) {
            Thread.sleep(400);
            assertThat(other.queue().requeueExpired()).isEqualTo(1);
            assertThat(other.queue().peek("ingress", 0, 10)).containsExactly("a", "b", "c");
        }
        assertThat(redis.queue().ack(dead)).isFalse();
    }

    @Test
    void whatADeadWaiterLeftInItsPendingListIsReaped() throws Exception {
        RedisKeys keys = new RedisKeys(opened.prefix(), cluster());
        RedisCalls calls = new RedisCalls(opened.client(), cluster());
        List<String> listKeys = List.of(keys.list("in"), keys.leases("in"), keys.leaseItems("in"), keys.waiters("in"),
                keys.takeSeq("in"));
        // A taker registers as waiter for 100 ms, its BLMOVE moves an item, and it dies before claiming.
        Object nothing = calls.eval(org.redisson.api.RScript.Mode.READ_WRITE, QueueScripts.TAKE,
                org.redisson.api.RScript.ReturnType.MULTI, listKeys, "tok", "60000", "100");
        assertThat((List<?>) nothing).isNullOrEmpty();
        redis.queue().pushAll("in", List.of("x", "y"));
        cli("LMOVE", keys.list("in"), keys.pendingPrefix("in") + "tok", "LEFT", "RIGHT");
        assertThat(redis.queue().peek("in", 0, 10)).containsExactly("y");
        Thread.sleep(200);
        assertThat(redis.queue().requeueExpired()).isEqualTo(1);
        assertThat(redis.queue().peek("in", 0, 10)).containsExactly("x", "y");
    }

    private Optional<Lease> take(String list, Duration wait) {
        try {
            return redis.queue().take(list, LEASE, wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many clients sit in BLMOVE on the server (on every master of the cluster). */
    private int blockedInBlmove() throws IOException, InterruptedException {
        int blocked = 0;
        for (int port : cluster() ? List.of(7000, 7001, 7002) : List.of(6379)) {
            Process process = new ProcessBuilder("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port),
                    "CLIENT", "LIST").start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            blocked += (int) out.lines().filter(line -> line.contains("cmd=blmove")).count();
        }
        return blocked;
    }

    /** Runs redis-cli against the server under test (with -c on the cluster, to follow redirections). */
    String cli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(cluster()
                ? List.of("redis-cli", "-c", "-h", "127.0.0.1", "-p", "7000")
                : List.of("redis-cli", "-h", "127.0.0.1", "-p", "6379"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor()).as("redis-cli %s: %s", List.of(args), out).isZero();
        return out;
    }
}
