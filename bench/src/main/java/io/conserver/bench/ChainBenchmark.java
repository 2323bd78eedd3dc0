package io.conserver.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.conserver.adapters.embedded.EmbeddedDatabase;
import io.conserver.adapters.embedded.InProcessEventBus;
import io.conserver.adapters.embedded.SqliteConfigStore;
import io.conserver.adapters.embedded.SqliteProcessingHistory;
import io.conserver.adapters.embedded.SqliteVconStore;
import io.conserver.adapters.embedded.SqliteWorkQueue;
import io.conserver.adapters.redis.RedisSettings;
import io.conserver.adapters.redis.RedisWorkingStore;
import io.conserver.app.config.ConfigDocuments;
import io.conserver.app.config.OptionsBinder;
import io.conserver.app.link.BuiltinLinks;
import io.conserver.app.runtime.ConfigCompiler;
import io.conserver.app.runtime.ConserverEngine;
import io.conserver.app.runtime.EngineSettings;
import io.conserver.app.runtime.Plugins;
import io.conserver.app.runtime.RunListener;
import io.conserver.app.runtime.RuntimeParts;
import io.conserver.domain.port.out.ChainEvent;
import io.conserver.domain.port.out.EventBus;
import io.conserver.domain.port.out.Subscription;
import io.conserver.domain.port.out.WorkQueue;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconCodec;
import io.conserver.domain.vcon.VconUuid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.KeysScanOptions;

/**
 * End-to-end throughput and latency of the chain engine on the embedded store (a plain main, not
 * JMH: what it measures is a whole pipeline of threads, a queue and a database, not a call).
 *
 * <p>In a temporary data directory it configures one chain, {@code bench}: ingress list
 * {@code bench}, links {@code tag -> jq (.parties | length > 0) -> sampler (100%)}, no storages,
 * egress list {@code done}. Each round, over vCons of about 5 KB generated beforehand:
 * <ol>
 *   <li><b>ingest</b>: {@code store.put} + {@code queue.push} per vCon (on Redis: one
 *       {@link RedisWorkingStore#ingest}), from one thread, engine
 *       stopped (the push goes to a list no chain takes from);
 *   <li><b>drain</b>: the engine runs; the ids are pushed one by one on {@code bench} and the clock
 *       stops when the chain-finished event of the last one arrives (events of the {@code EventBus});
 *       latency is from each id's push to its chain-finished event, so it includes the wait in
 *       the list behind the ids pushed before it;
 *   <li><b>baseline</b>: engine stopped again, one {@code store.get} + one {@code store.put} per vCon
 *       on as many threads as the chain has workers: the least a chain run that changes the vCon
 *       costs (one read, one write). The drain rate is also given as a ratio of it.
 * </ol>
 * A warm-up round (2,000 vCons by default) runs first and is not reported.
 *
 * <p>Arguments: {@code [N (20000)] [workers (4)] [warm-up (2000)] [--store embedded|redis] [--url redis://...]}.
 * With {@code --store redis} the same rounds run on the Redis store (default {@code redis://127.0.0.1:6379})
 * under a random key prefix whose keys are deleted at the end; ingest is then
 * {@link RedisWorkingStore#ingest} (store + index + enqueue in one round trip, as the API does).
 */
public final class ChainBenchmark {
    private static final String CHAIN = "bench";
    private static final String INGRESS = "bench";
    private static final String EGRESS = "done";
    /** Where the ingest phase pushes: a list no chain takes from. */
    private static final String STAGED = "staged";
    /** The size asked of {@link VconSamples}; it comes out at 4,959 bytes, the 5 KB vCon. */
    private static final int VCON_BYTES = 5_600;
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);
    private static final List<String> LINKS = List.of("tag", "jq", "sampler");

    private final int workers;
    private final Vcon template;
    private final RuntimeParts parts;
    private final ConfigCompiler compiler;
    private final Timings timings = new Timings();
    private BiConsumer<Vcon, String> ingest;
    private String ingestWhat;

    private ChainBenchmark(RuntimeParts parts, int workers, Vcon template) {
        this.parts = parts;
        this.workers = workers;
        this.template = template;
        this.compiler = new ConfigCompiler(new Plugins(BuiltinLinks.factories(), List.of()), new OptionsBinder());
    }

    public static void main(String[] argv) throws Exception {
        // Hibernate Validator logs through jboss-logging, which otherwise falls back to JUL at INFO.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        List<String> args = new ArrayList<>();
        String storeType = "embedded";
        String url = "redis://127.0.0.1:6379";
        for (int i = 0; i < argv.length; i++) {
            if (argv[i].equals("--store") && i + 1 < argv.length) {
                storeType = argv[++i];
            } else if (argv[i].equals("--url") && i + 1 < argv.length) {
                url = argv[++i];
            } else {
                args.add(argv[i]);
            }
        }
        int n = args.size() > 0 ? Integer.parseInt(args.get(0)) : 20_000;
        int workers = args.size() > 1 ? Integer.parseInt(args.get(1)) : 4;
        int warmup = args.size() > 2 ? Integer.parseInt(args.get(2)) : 2_000;
        if (n < 1 || workers < 1 || warmup < 0 || !(storeType.equals("embedded") || storeType.equals("redis"))) {
            System.err.println("usage: ChainBenchmark [N >= 1] [workers >= 1] [warm-up >= 0] [--store embedded|redis] [--url redis://host:port]");
            System.exit(2);
        }
        Vcon template = VconCodec.lenient().read(VconSamples.ofSize(VCON_BYTES)).vcon();
        int bytes = VconCodec.lenient().write(template).length;
        System.out.printf(Locale.ROOT, "command: ChainBenchmark %d %d %d --store %s  (N, workers, warm-up)%n", n, workers, warmup, storeType);
        int exit;
        try (Store store = storeType.equals("redis") ? Store.redis(url, workers) : Store.embedded()) {
            System.out.printf(Locale.ROOT, "setup: java %s, %d cores, vCon %,d bytes, chain %s: tag -> jq -> sampler 100%%, "
                    + "no storages, %s%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), bytes, CHAIN, store.description());
            ChainBenchmark bench = new ChainBenchmark(store.parts(), workers, template);
            bench.ingest = store.ingest();
            bench.ingestWhat = store.ingestWhat();
            bench.configure();
            if (warmup > 0) {
                Result w = bench.round(warmup);
                System.out.printf(Locale.ROOT, "warm-up: %,d vCons through ingest, drain and baseline (drain %,.0f vCons/s; "
                        + "not reported)%n", warmup, w.drainRate());
                bench.timings.clear();
            }
            Result r = bench.round(n);
            r.print(workers, bench.ingestWhat);
            bench.timings.print();
            exit = r.complete() ? 0 : 1;
        }
        System.exit(exit);
    }

    /** The working store under test and how to close it (and remove what the benchmark left). */
    private interface Store extends AutoCloseable {
        RuntimeParts parts();

        String description();

        /** One ingest of a vCon onto a list. */
        BiConsumer<Vcon, String> ingest();

        String ingestWhat();

        @Override
        void close() throws Exception;

        static Store embedded() throws IOException {
            Path dir = Files.createTempDirectory("conserver-chainbench");
            EmbeddedDatabase db = EmbeddedDatabase.open(dir);
            InProcessEventBus events = new InProcessEventBus();
            SqliteConfigStore config = new SqliteConfigStore(db);
            RuntimeParts parts = new RuntimeParts(new SqliteVconStore(db), new SqliteWorkQueue(db), config, events,
                    new SqliteProcessingHistory(db), Clock.systemUTC());
            return new Store() {
                public RuntimeParts parts() {
                    return parts;
                }

                public String description() {
                    return "embedded store, data dir " + dir;
                }

                public BiConsumer<Vcon, String> ingest() {
                    return (vcon, list) -> {
                        parts.store().put(vcon);
                        parts.queue().push(list, vcon.uuid());
                    };
                }

                public String ingestWhat() {
                    return "store.put + queue.push";
                }

                public void close() {
                    config.close();
                    events.close();
                    db.close();
                    deleteRecursively(dir);
                }
            };
        }

        static Store redis(String url, int workers) {
            String prefix = "bench" + UUID.randomUUID().toString().substring(0, 8) + ":";
            RedisSettings settings = RedisSettings.single(url).withKeyPrefix(prefix)
                    .withConnectionPoolSize(Math.max(RedisSettings.DEFAULT_POOL_SIZE, 3 * workers + 16));
            RedissonClient client = Redisson.create(RedisWorkingStore.clientConfig(settings));
            RedisWorkingStore redis = RedisWorkingStore.open(client, settings);
            RuntimeParts parts = new RuntimeParts(redis.store(), redis.queue(), redis.config(), redis.events(), redis.history(),
                    Clock.systemUTC());
            return new Store() {
                public RuntimeParts parts() {
                    return parts;
                }

                public String description() {
                    return redis.description();
                }

                public BiConsumer<Vcon, String> ingest() {
                    return redis::ingest;
                }

                public String ingestWhat() {
                    return "RedisWorkingStore.ingest: store + index + enqueue in one round trip";
                }

                public void close() {
                    redis.close();
                    try {
                        List<String> keys = new ArrayList<>();
                        client.getKeys().getKeys(KeysScanOptions.defaults().pattern(prefix + "*").chunkSize(1000)).forEach(keys::add);
                        for (int i = 0; i < keys.size(); i += 1000) {
                            client.getKeys().delete(keys.subList(i, Math.min(keys.size(), i + 1000)).toArray(String[]::new));
                        }
                    } finally {
                        client.shutdown();
                    }
                }
            };
        }
    }

    /** Stores the one-chain configuration, as the server does from its YAML. */
    private void configure() throws IOException {
        String json = """
                {"links": {
                   "tag":     {"type": "tag",     "options": {"tags": ["bench:chain"]}},
                   "jq":      {"type": "jq",      "options": {"filter": ".parties | length > 0"}},
                   "sampler": {"type": "sampler", "options": {"method": "percentage", "value": 100}}},
                 "chains": {
                   "%s": {"links": %s, "ingress_lists": ["%s"], "egress_lists": ["%s"],
                          "workers": %d}}}
                """.formatted(CHAIN, new ObjectMapper().writeValueAsString(LINKS), INGRESS, EGRESS, workers);
        parts.config().replaceAll(ConfigDocuments.split(new ObjectMapper().readTree(json)));
    }

    private Result round(int count) throws InterruptedException {
        List<Vcon> vcons = generate(count);
        List<String> ids = vcons.stream().map(Vcon::uuid).toList();
        WorkQueue queue = parts.queue();

        long ingestStart = System.nanoTime();
        for (Vcon vcon : vcons) {
            ingest.accept(vcon, STAGED);
        }
        long ingestNanos = System.nanoTime() - ingestStart;
        queue.pop(STAGED, count);

        Drain drain = drain(ids);
        queue.pop(EGRESS, count);

        long baselineNanos = baseline(ids);
        return new Result(count, ingestNanos, drain, baselineNanos);
    }

    /** Runs the engine, pushes every id on the ingress list and waits for every chain-finished event. */
    private Drain drain(List<String> ids) throws InterruptedException {
        int count = ids.size();
        Map<String, Integer> index = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            index.put(ids.get(i), i);
        }
        long[] pushedAt = new long[count];
        AtomicLongArray finishedAt = new AtomicLongArray(count);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        CountDownLatch finished = new CountDownLatch(count);
        Subscription subscription = parts.events().subscribe(EventBus.GLOBAL_CHANNEL, event -> {
            if (isChainEnd(event)) {
                long now = System.nanoTime();
                Integer i = index.get(event.uuid());
                if (i != null && finishedAt.compareAndSet(i, 0, now)) {
                    outcomes.computeIfAbsent(event.outcome(), o -> new AtomicInteger()).incrementAndGet();
                    finished.countDown();
                }
            }
        });
        ConserverEngine engine = new ConserverEngine(parts, compiler, EngineSettings.DEFAULT, timings);
        try {
            engine.start();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                pushedAt[i] = System.nanoTime();
                parts.queue().push(INGRESS, ids.get(i));
            }
            long pushNanos = System.nanoTime() - start;
            boolean all = finished.await(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long last = 0;
            List<Long> latencies = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long at = finishedAt.get(i);
                if (at != 0) {
                    last = Math.max(last, at);
                    latencies.add(at - pushedAt[i]);
                }
            }
            return new Drain(all, pushNanos, last == 0 ? 0 : last - start, sortedArray(latencies),
                    new TreeMap<>(outcomes), parts.queue().length(EGRESS));
        } finally {
            engine.close();
            subscription.close();
        }
    }

    private static boolean isChainEnd(ChainEvent event) {
        return CHAIN.equals(event.chain()) && event.link().isEmpty();
    }

    /** One get and one put per vCon on {@code workers} threads, with no engine. */
    private long baseline(List<String> ids) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < workers; t++) {
            int first = t;
            threads.add(new Thread(() -> {
                awaitQuietly(go);
                for (int i = first; i < ids.size(); i += workers) {
                    Vcon vcon = parts.store().get(ids.get(i)).orElseThrow();
                    parts.store().put(vcon);
                }
            }, "baseline-" + t));
        }
        threads.forEach(Thread::start);
        long start = System.nanoTime();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return System.nanoTime() - start;
    }

    /** Copies of the ~5 KB sample, each with its own uuid. */
    private List<Vcon> generate(int count) {
        List<Vcon> vcons = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            vcons.add(template.toBuilder().uuid(VconUuid.forDomain("bench.conserver.io")).build());
        }
        return vcons;
    }

    private static long[] sortedArray(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double rate(int count, long nanos) {
        return nanos <= 0 ? 0 : count / (nanos / 1e9);
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** p in [0, 1] of sorted values (nearest rank). */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private record Drain(boolean complete, long pushNanos, long nanos, long[] latencies, Map<String, AtomicInteger> outcomes,
                         long egressLength) {
    }

    private record Result(int count, long ingestNanos, Drain drain, long baselineNanos) {
        boolean complete() {
            return drain.complete;
        }

        double drainRate() {
            return rate(drain.latencies.length, drain.nanos);
        }

        void print(int workers, String ingestWhat) {
            long[] l = drain.latencies;
            double baseline = rate(count, baselineNanos);
            System.out.printf(Locale.ROOT, "ingest:   %,d vCons in %.2f s = %,.0f vCons/s (%s, 1 thread)%n",
                    count, ingestNanos / 1e9, rate(count, ingestNanos), ingestWhat);
            System.out.printf(Locale.ROOT, "drain:    %,d of %,d vCons in %.2f s = %,.0f vCons/s (push -> chain-finished event, "
                    + "%d workers)%s%n", l.length, count, drain.nanos / 1e9, drainRate(), workers,
                    drain.complete ? "" : "  INCOMPLETE after " + DRAIN_TIMEOUT.toSeconds() + " s");
            System.out.printf(Locale.ROOT, "pushing:  %,d ids pushed in %.2f s = %,.0f pushes/s (while the engine drains)%n",
                    count, drain.pushNanos / 1e9, rate(count, drain.pushNanos));
            System.out.printf(Locale.ROOT, "latency:  p50 %.1f ms, p99 %.1f ms, max %.1f ms (push -> chain finished, "
                    + "includes the wait in the list)%n", millis(percentile(l, 0.50)), millis(percentile(l, 0.99)),
                    millis(percentile(l, 1.0)));
            System.out.printf(Locale.ROOT, "outcomes: %s; egress list %s holds %,d%n", drain.outcomes, EGRESS, drain.egressLength);
            System.out.printf(Locale.ROOT, "baseline: %,d vCons in %.2f s = %,.0f vCons/s (store.get + store.put, %d threads, "
                    + "no engine)%n", count, baselineNanos / 1e9, baseline, workers);
            System.out.printf(Locale.ROOT, "ratio:    drain / baseline = %.2f%n", baseline == 0 ? 0 : drainRate() / baseline);
        }
    }

    /** The engine's own timings of each run and link, told through its {@link RunListener}. */
    private static final class Timings implements RunListener {
        private final Map<String, LongAdder[]> links = new ConcurrentHashMap<>();
        private final List<Long> runs = new ArrayList<>();

        @Override
        public void linkFinished(String chain, String link, String outcome, Duration took) {
            LongAdder[] sums = links.computeIfAbsent(link, l -> new LongAdder[] {new LongAdder(), new LongAdder()});
            sums[0].increment();
            sums[1].add(took.toNanos());
        }

        @Override
        public void chainFinished(String chain, String outcome, Duration took) {
            synchronized (runs) {
                runs.add(took.toNanos());
            }
        }

        void clear() {
            links.clear();
            synchronized (runs) {
                runs.clear();
            }
        }

        void print() {
            long[] sorted;
            synchronized (runs) {
                sorted = sortedArray(runs);
            }
            System.out.printf(Locale.ROOT, "run time: p50 %.2f ms, p99 %.2f ms, max %.2f ms (one run from its "
                    + "start after the take to its end, as the engine times it)%n", millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.99)),
                    millis(percentile(sorted, 1.0)));
            StringBuilder line = new StringBuilder();
            for (String link : LINKS) {
                LongAdder[] sums = links.get(link);
                if (sums != null) {
                    line.append(line.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.3f ms", link,
                            millis(sums[1].sum() / Math.max(1, sums[0].sum()))));
                }
            }
            System.out.println("links:    mean " + line);
        }
    }
}
