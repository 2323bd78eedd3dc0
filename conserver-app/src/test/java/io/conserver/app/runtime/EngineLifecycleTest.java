package io.conserver.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.conserver.domain.port.out.ChainEvent;
import io.conserver.domain.port.out.ConfigKind;
import io.conserver.domain.port.out.EventBus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration changes, events, store traffic per run, and graceful shutdown. */
class EngineLifecycleTest {
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

    @Test
    void aConfigurationChangeAppliesWithoutARestart() {
        fx = new EngineFixture(dir).configure("""
                links: {a: {type: mark}, b: {type: mark}}
                chains: {main: {links: [a], ingress_lists: [in], egress_lists: [out]}}
                """).start();
        String before = fx.ingest("in");
        await().atMost(WAIT).until(() -> fx.parts.queue().length("out") == 1);
        var doc = fx.parts.config().get(ConfigKind.CHAIN, "main").orElseThrow();
        doc.putArray("links").add("b").add("a");
        long version = fx.parts.config().put(ConfigKind.CHAIN, "main", doc);
        await().atMost(WAIT).until(() -> fx.engine.runningVersion() == version);
        String after = fx.ingest("in");
        await().atMost(WAIT).until(() -> fx.parts.queue().length("out") == 2);
        assertThat(fx.stored(before).subject()).isEqualTo("a");
        assertThat(fx.stored(after).subject()).isEqualTo("b,a");
    }

    @Test
    void anInvalidChangeLeavesTheRunningConfigurationInPlace() throws InterruptedException {
        fx = new EngineFixture(dir).configure("""
                links: {a: {type: mark}}
                chains: {main: {links: [a], ingress_lists: [in], egress_lists: [out]}}
                """).start();
        long running = fx.engine.runningVersion();
        var doc = fx.parts.config().get(ConfigKind.CHAIN, "main").orElseThrow();
        doc.putArray("links").add("nosuch");
        fx.parts.config().put(ConfigKind.CHAIN, "main", doc);
        Thread.sleep(500);
        assertThat(fx.engine.runningVersion()).isEqualTo(running);
        String uuid = fx.ingest("in");
        await().atMost(WAIT).until(() -> fx.parts.queue().length("out") == 1);
        assertThat(fx.stored(uuid).subject()).isEqualTo("a");
    }

    @Test
    void everyLinkAndChainPublishesAnEvent() {
        fx = new EngineFixture(dir).configure("""
                links: {a: {type: mark}, b: {type: pass}}
                chains: {main: {links: [a, b], ingress_lists: [in]}}
                """).start();
        List<ChainEvent> global = new CopyOnWriteArrayList<>();
        List<ChainEvent> perChain = new CopyOnWriteArrayList<>();
        fx.parts.events().subscribe(EventBus.GLOBAL_CHANNEL, global::add);
        fx.parts.events().subscribe(EventBus.chainChannel("main"), perChain::add);
        String uuid = fx.ingest("in");
        await().atMost(WAIT).until(() -> global.size() == 3 && perChain.size() == 3);
        assertThat(global).extracting(ChainEvent::uuid).containsOnly(uuid);
        assertThat(global).extracting(ChainEvent::link).containsExactly(Optional.of("a"), Optional.of("b"), Optional.empty());
        assertThat(global).extracting(ChainEvent::outcome).containsExactly("continue", "continue", "done");
    }

    @Test
    void aRunReadsTheVconOnceAndWritesItOnce() {
        fx = new EngineFixture(dir);
        CountingVconStore counting = new CountingVconStore(fx.parts.store());
        RuntimeParts counted = new RuntimeParts(counting, fx.parts.queue(), fx.parts.config(), fx.parts.events(),
                fx.parts.history(), fx.parts.clock());
        fx.configure("""
                links: {a: {type: mark}, b: {type: mark}, c: {type: mark}, p: {type: pass}}
                storages: {mem: {type: memory}}
                chains: {main: {links: [a, p, b, c], storages: [mem], ingress_lists: [in], egress_lists: [out]}}
                """);
        fx.engine = new ConserverEngine(counted, fx.compiler, EngineSettings.DEFAULT);
        fx.engine.start();
        // ingest goes around the counting store; resetting after it raced a worker that had already read
        counting.reset();
        String uuid = fx.ingest("in");
        await().atMost(WAIT).until(() -> fx.parts.queue().length("out") == 1);
        assertThat(counting.reads()).isEqualTo(1);
        assertThat(counting.writes()).isEqualTo(1);
        assertThat(fx.stored(uuid).subject()).isEqualTo("a,b,c");
    }

    @Test
    void aStoreOutageLongerThanTheLinkRetriesDelaysTheRunInsteadOfDeadLetteringIt() {
        fx = new EngineFixture(dir);
        // The store fails the first three reads: more than the chain's two attempts at its link.
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger(3);
        io.conserver.domain.port.out.VconStore real = fx.parts.store();
        io.conserver.domain.port.out.VconStore flaky = (io.conserver.domain.port.out.VconStore) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {io.conserver.domain.port.out.VconStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("get") && failures.getAndDecrement() > 0) {
                        throw new io.conserver.domain.error.RetriableException("store down");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        RuntimeParts parts = new RuntimeParts(flaky, fx.parts.queue(), fx.parts.config(), fx.parts.events(),
                fx.parts.history(), fx.parts.clock());
        fx.configure("""
                links: {a: {type: mark}}
                chains: {main: {links: [a], ingress_lists: [in], egress_lists: [out],
                                errors: {max_attempts: 2, backoff: 10ms}}}
                """);
        fx.engine = new ConserverEngine(parts, fx.compiler, new EngineSettings(Duration.ofSeconds(5), Duration.ofMillis(200)));
        fx.engine.start();
        String uuid = fx.ingest("in");
        await().atMost(WAIT).until(() -> fx.parts.queue().length("out") == 1);
        assertThat(fx.parts.queue().pop("out", 10)).containsExactly(uuid);
        assertThat(fx.parts.queue().deadLetterLists()).isEmpty();
        assertThat(fx.stored(uuid).subject()).isEqualTo("a");
    }

    @Test
    void gracefulShutdownFinishesOrReleasesInFlightWorkAndLosesNothing() {
        fx = new EngineFixture(dir).configure("""
                links: {slow: {type: slow, options: {millis: 200}}}
                chains: {main: {links: [slow], ingress_lists: [in], egress_lists: [out], workers: 4}}
                """);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(fx.ingest("in"));
        }
        fx.start();
        await().atMost(WAIT).until(() -> fx.parts.queue().length("out") >= 4);
        fx.engine.close();
        Set<String> accounted = new HashSet<>(fx.parts.queue().peek("out", 0, 100));
        accounted.addAll(fx.parts.queue().peek("in", 0, 100));
        assertThat(fx.parts.queue().inFlight("in")).as("no item is left under a lease").isZero();
        assertThat(accounted).containsExactlyInAnyOrderElementsOf(ids);
        // Started again, it drains the rest.
        fx.start();
        await().atMost(WAIT).until(() -> fx.parts.queue().length("out") == 40);
        assertThat(fx.parts.queue().peek("out", 0, 100)).containsExactlyInAnyOrderElementsOf(ids);
    }
}
