package io.conserver.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.conserver.domain.port.out.DeadLetter;
import io.conserver.domain.port.out.HistoryEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine with real chains on the embedded store: what a user configures is what happens. */
class ChainEngineTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    private EngineFixture fx;

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private EngineFixture run(String yaml) {
        fx = new EngineFixture(dir).configure(yaml).start();
        return fx;
    }

    @Test
    void linksRunInOrderThenStoragesThenEgress() {
        run("""
                links: {a: {type: mark}, b: {type: mark}, c: {type: mark}}
                storages: {mem: {type: memory}}
                chains: {main: {links: [a, b, c], storages: [mem], ingress_lists: [in], egress_lists: [out]}}
                """);
        String uuid = fx.ingest("in");
        await().atMost(WAIT).until(() -> fx.parts.queue().length("out") == 1);
        assertThat(fx.parts.queue().pop("out", 10)).containsExactly(uuid);
        assertThat(fx.stored(uuid).subject()).isEqualTo("a,b,c");
        assertThat(fx.storages.in("mem").get(uuid).subject()).isEqualTo("a,b,c");
        assertThat(fx.history(uuid)).extracting(HistoryEntry::link).containsExactly("a", "b", "c", "storage:mem", "(chain)");
        assertThat(fx.parts.queue().length("in")).isZero();
        assertThat(fx.parts.queue().inFlight("in")).isZero();
    }

    @Test
    void egressKeepsArrivalOrder() {
        run("""
                links: {p: {type: pass}}
                chains: {main: {links: [p], ingress_lists: [in], egress_lists: [out]}}
                """);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(fx.ingest("in"));
        }
        await().atMost(WAIT).until(() -> fx.parts.queue().length("out") == 20);
        assertThat(fx.parts.queue().pop("out", 100)).containsExactlyElementsOf(ids);
    }

    @Test
    void haltStopsTheChainWithoutStorageOrEgress() {
        run("""
                links: {a: {type: mark}, stop: {type: halt, options: {reason: not wanted}}, c: {type: mark}}
                storages: {mem: {type: memory}}
                chains: {main: {links: [a, stop, c], storages: [mem], ingress_lists: [in], egress_lists: [out]}}
                """);
        String uuid = fx.ingest("in");
        await().atMost(WAIT).until(() -> fx.history(uuid).size() == 3);
        assertThat(fx.links.calls("c", uuid)).isZero();
        assertThat(fx.storages.in("mem")).isEmpty();
        assertThat(fx.parts.queue().length("out")).isZero();
        assertThat(fx.stored(uuid).subject()).as("changes before the halt are kept").isEqualTo("a");
        assertThat(fx.history(uuid).get(2).detail()).isEqualTo("not wanted");
    }

    @Test
    void emittedVconsAreStoredAndPushed() {
        run("""
                links: {split: {type: emit, options: {to: children}}}
                chains: {main: {links: [split], ingress_lists: [in]}}
                """);
        String uuid = fx.ingest("in");
        await().atMost(WAIT).until(() -> fx.parts.queue().length("children") == 1);
        String child = fx.parts.queue().peek("children", 0, 1).get(0);
        assertThat(fx.stored(child).subject()).isEqualTo("child of " + uuid);
    }

    @Test
    void handOffPausesTheChainUntilTheIdComesBack() {
        run("""
                links: {a: {type: mark}, gpu: {type: handoff, options: {list: gpu-work}}, c: {type: mark}}
                storages: {mem: {type: memory}}
                chains: {main: {links: [a, gpu, c], storages: [mem], ingress_lists: [in], egress_lists: [out]}}
                """);
        String uuid = fx.ingest("in");
        await().atMost(WAIT).until(() -> fx.parts.queue().length("gpu-work") == 1);
        assertThat(fx.stored(uuid).subject()).as("written before the hand-off").isEqualTo("a");
        assertThat(fx.links.calls("c", uuid)).isZero();
        // The outside worker does its job, then gives the id back on the chain's resume list.
        fx.parts.queue().pop("gpu-work", 1);
        fx.parts.queue().push("main:resume", uuid);
        await().atMost(WAIT).until(() -> fx.parts.queue().length("out") == 1);
        assertThat(fx.stored(uuid).subject()).isEqualTo("a,c");
        assertThat(fx.links.calls("a", uuid)).as("links before the hand-off do not run again").isEqualTo(1);
        assertThat(fx.storages.in("mem")).containsKey(uuid);
    }

    @Test
    void anIngressListNamedByTwoChainsFansOutToBoth() {
        run("""
                links: {a: {type: mark}, b: {type: mark}}
                chains:
                  first: {links: [a], ingress_lists: [shared], egress_lists: [out1]}
                  second: {links: [b], ingress_lists: [shared], egress_lists: [out2]}
                """);
        String uuid = fx.ingest("shared");
        await().atMost(WAIT).until(() -> fx.parts.queue().length("out1") == 1 && fx.parts.queue().length("out2") == 1);
        assertThat(fx.links.calls("a", uuid)).isEqualTo(1);
        assertThat(fx.links.calls("b", uuid)).isEqualTo(1);
    }

    @Test
    void aDisabledChainTakesNothing() throws InterruptedException {
        run("""
                links: {a: {type: mark}}
                chains: {main: {links: [a], ingress_lists: [in], enabled: false}}
                """);
        String uuid = fx.ingest("in");
        Thread.sleep(1500);
        assertThat(fx.links.calls("a", uuid)).isZero();
        assertThat(fx.parts.queue().length("in")).isEqualTo(1);
        fx.engine.setEnabled("main", true);
        await().atMost(WAIT).until(() -> fx.links.calls("a", uuid) == 1);
    }

    @Test
    void aTimerChainRunsOnItsTicksOverWhatWaitsInItsIngressList() {
        run("""
                links: {a: {type: mark}}
                chains: {nightly: {links: [a], ingress_lists: [batch], egress_lists: [done], schedule: {every: 2s}}}
                """);
        String first = fx.ingest("batch");
        String second = fx.ingest("batch");
        await().atMost(WAIT).until(() -> fx.parts.queue().length("done") == 2);
        assertThat(fx.parts.queue().pop("done", 10)).containsExactly(first, second);
    }

    @Test
    void aTimerChainCanRunOverAStoreQuery() {
        run("""
                links: {a: {type: mark}}
                chains: {sweep: {links: [a], egress_lists: [swept], schedule: {every: 1s, query: {older_than: 0s, limit: 10}}}}
                """);
        fx.parts.store().put(EngineFixture.newVcon());
        await().atMost(WAIT).until(() -> fx.parts.queue().length("swept") >= 1);
    }

    @Test
    void aLinkThatOverrunsItsTimeoutIsInterruptedAndDeadLettered() {
        run("""
                links: {sleepy: {type: slow, options: {millis: 60000}, timeout: 300ms}}
                chains: {main: {links: [sleepy], ingress_lists: [in], errors: {max_attempts: 1}}}
                """);
        String uuid = fx.ingest("in");
        await().atMost(WAIT).until(() -> fx.parts.queue().deadLetterCount("DLQ:main") == 1);
        DeadLetter dead = fx.parts.queue().deadLetters("DLQ:main", 0, 1).get(0);
        assertThat(dead.id()).isEqualTo(uuid);
        assertThat(dead.stage()).isEqualTo("sleepy");
        assertThat(dead.reason()).contains("timed out");
    }

    @Test
    void aFailingLinkIsRetriedWithBackoffAndSucceeds() {
        run("""
                links: {flaky: {type: fail, options: {times: 2}}}
                chains: {main: {links: [flaky], ingress_lists: [in], egress_lists: [out], errors: {max_attempts: 3, backoff: 10ms}}}
                """);
        String uuid = fx.ingest("in");
        await().atMost(WAIT).until(() -> fx.parts.queue().length("out") == 1);
        assertThat(fx.links.calls("flaky", uuid)).isEqualTo(3);
        assertThat(fx.parts.queue().deadLetterCount("DLQ:main")).isZero();
    }

    @Test
    void aLinkThatKeepsFailingIsDeadLetteredWithItsReasonAndCanBeReplayed() throws InterruptedException {
        run("""
                links: {flaky: {type: fail, options: {times: 3}}}
                chains: {main: {links: [flaky], ingress_lists: [in], egress_lists: [out], errors: {max_attempts: 3, backoff: 10ms, dead_letter: main-dead}}}
                """);
        String uuid = fx.ingest("in");
        await().atMost(WAIT).until(() -> fx.parts.queue().deadLetterCount("main-dead") == 1);
        DeadLetter dead = fx.parts.queue().deadLetters("main-dead", 0, 1).get(0);
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.chain()).isEqualTo("main");
        assertThat(dead.reason()).contains("deliberate failure 3");
        assertThat(fx.parts.queue().length("out")).isZero();
        // The fourth call succeeds: the replay runs the chain again and the vCon goes through.
        assertThat(fx.engine.deadLetters().replay("main-dead", 10)).isEqualTo(1);
        await().atMost(WAIT).until(() -> fx.parts.queue().length("out") == 1);
        assertThat(fx.parts.queue().deadLetterCount("main-dead")).isZero();
    }

    @Test
    void aStorageOutageLosesNothing() throws InterruptedException {
        run("""
                links: {a: {type: mark}}
                storages: {mem: {type: memory, retry: {max_attempts: 2, backoff: 10ms}}}
                chains: {main: {links: [a], storages: [mem], ingress_lists: [in], egress_lists: [out]}}
                """);
        fx.storages.down.set(true);
        List<String> ids = List.of(fx.ingest("in"), fx.ingest("in"), fx.ingest("in"));
        await().atMost(WAIT).until(() -> fx.parts.queue().deadLetterCount("DLQ:storage:mem") == 3);
        assertThat(fx.parts.queue().deadLetters("DLQ:storage:mem", 0, 3))
                .allSatisfy(d -> assertThat(d.reason()).contains("is down"))
                .extracting(DeadLetter::id).containsExactlyElementsOf(ids);
        fx.storages.down.set(false);
        assertThat(fx.engine.deadLetters().replay("DLQ:storage:mem", 100)).isEqualTo(3);
        assertThat(fx.storages.in("mem")).containsOnlyKeys(ids);
        assertThat(fx.storages.in("mem").get(ids.get(0)).subject()).isEqualTo("a");
        assertThat(fx.parts.queue().deadLetterCount("DLQ:storage:mem")).isZero();
    }

    @Test
    void anItemHeldByAWorkerThatDiedIsRedelivered() throws InterruptedException {
        run("""
                links: {a: {type: mark}}
                chains: {main: {links: [a], ingress_lists: [in], egress_lists: [out]}}
                """);
        fx.engine.close();
        String uuid = fx.ingest("in");
        // A worker of another (now dead) process took the item under a short lease and never acked it.
        assertThat(fx.parts.queue().take("in", Duration.ofMillis(300), Duration.ofSeconds(1))).isPresent();
        fx.start();
        await().atMost(WAIT).until(() -> fx.parts.queue().length("out") == 1);
        assertThat(fx.stored(uuid).subject()).isEqualTo("a");
    }

    @Test
    void aRequestRunsTheChainOverTheGivenIds() {
        run("""
                links: {a: {type: mark}}
                chains: {manual: {links: [a], egress_lists: [out]}}
                """);
        String uuid = fx.ingest("unrelated");
        fx.engine.run("manual", List.of(uuid));
        await().atMost(WAIT).until(() -> fx.parts.queue().length("out") == 1);
        assertThat(fx.stored(uuid).subject()).isEqualTo("a");
    }
}
