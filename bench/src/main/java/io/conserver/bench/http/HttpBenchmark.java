package io.conserver.bench.http;

import io.conserver.bench.VconSamples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * HTTP load on the conserver's write API beside a minimal Dropwizard server doing the least the same
 * endpoints can do ({@link BaselineApplication}), so the conserver's rate comes out as a ratio of
 * the framework's, measured in the same run on the same machine.
 *
 * <p>It starts both servers in their own JVMs with the same JVM flags: the conserver from its jar
 * ({@code server <tmp>/conserver.yml}: embedded store in a temporary directory, no chains so the
 * engine is idle, request log off, logging WARN) and the baseline from the benchmarks jar, and
 * unless {@code --no-durable} a third JVM: the <em>durable baseline</em>, the same baseline writing
 * each vCon to SQLite before it answers (see {@link BaselineApplication}), which shows how much of
 * the gap a durable write alone accounts for. Then, for each round, for each workload, it loads the
 * baseline, the durable baseline and the conserver in turn (so drift of a noisy machine falls on
 * all): a warm-up, then a measured window. Workloads:
 * <ul>
 *   <li><b>single</b>: {@code POST /api/vcon} of one 5 KB vCon, from 32 threads each sending
 *       blocking requests back to back (java.net.http.HttpClient, HTTP/1.1, keep-alive);
 *   <li><b>bulk</b>: {@code POST /api/vcons} of a JSON array of 100 such vCons, from 4 threads.
 * </ul>
 * Every vCon sent carries a new uuid (templated into the bytes), so the conserver stores each one.
 * Each response's status is checked (non-2xx, or a bulk answer with {@code "refused"} other than 0,
 * counts as an error). Per phase it prints requests/s, vCons/s, latency p50/p99/max of the requests
 * completed in the window, errors, and the server process's CPU time per vCon (from /proc via
 * {@link ProcessHandle}); the client shares the machine, so the CPU figure is the steadier
 * measure of the server's own cost. At the end it prints the conserver/baseline ratios.
 *
 * <p>Options: {@code --prewarm S (30: before the rounds, each server under each workload, not
 * measured) --warmup S (10: before each measured phase) --measure S (20) --rounds N (2) --concurrency N (32)
 * --bulk-concurrency N (4) --batch N (100) --heap SIZE (1g) --jar PATH
 * (conserver-server/target/conserver.jar) --workloads single,bulk --jfr FILE} (a flight
 * recording of the conserver JVM, written when it stops) {@code --jvm-arg ARG} (repeatable, for
 * both server JVMs) {@code --keep} (keep the temporary directory and the servers' logs)
 * {@code --no-durable} (skip the durable baseline).
 */
public final class HttpBenchmark {
    /** The size asked of {@link VconSamples}; it comes out at 4,959 bytes, the 5 KB vCon. */
    private static final int VCON_BYTES = 5_600;
    private static final String SAMPLE_UUID = "019b0a4e-2c1a-8e3f-9dd8-dd37220d739c";
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
    private static final int MAX_ERRORS_SHOWN = 5;

    private final Options options;
    /** Each run's uuids start with its own 8 hex digits; the last 12 count the vCons sent. */
    private final String uuidPrefix = String.format("%08x", ThreadLocalRandom.current().nextInt());
    private final AtomicLong sent = new AtomicLong();

    private HttpBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        new HttpBenchmark(Options.parse(args)).run();
    }

    // ---------------------------------------------------------------------------------------------
    // The run

    private void run() throws Exception {
        byte[] vcon = VconSamples.ofSize(VCON_BYTES);
        Path jar = Path.of(options.jar).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist; build it first (bin/bench http does)");
        }
        Path tmp = Files.createTempDirectory("conserver-httpbench-");
        List<Server> servers = new ArrayList<>();
        Thread cleanup = new Thread(() -> servers.forEach(Server::stop));
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            System.out.printf(Locale.ROOT, "HTTP benchmark: vCon of %,d bytes; single POST /api/vcon at concurrency %d; "
                            + "POST /api/vcons of %d vCons at concurrency %d; pre-warm %d s, warm-up %d s, measure %d s, %d round(s); "
                            + "server JVMs: %s%n", vcon.length, options.concurrency, options.batch, options.bulkConcurrency,
                    options.prewarmSeconds, options.warmupSeconds, options.measureSeconds, options.rounds, String.join(" ", jvmFlags()));
            Server baseline = startBaseline(tmp, "baseline", null);
            servers.add(baseline);
            if (options.durable) {
                servers.add(startBaseline(tmp, "durable", tmp.resolve("durable-baseline.db")));
            }
            Server conserver = startConserver(tmp, jar);
            servers.add(conserver);
            for (Server server : servers) {
                server.awaitHealthy();
            }
            StringBuilder up = new StringBuilder();
            servers.forEach(s -> up.append(String.format(Locale.ROOT, "%s %s (pid %d), ", s.name, s.base, s.process.pid())));
            System.out.printf("servers up: %stemp %s%n", up, tmp);

            if (options.prewarmSeconds > 0) {
                // The conserver has far more code for the JIT to compile than the baseline; on a
                // small machine that takes a while, and a round measured during it says little.
                System.out.printf("pre-warming each server for %d s per workload (not measured)%n", options.prewarmSeconds);
                for (Workload workload : options.workloads) {
                    for (Server server : servers) {
                        phase(server, workload, vcon, options.prewarmSeconds, 0);
                    }
                }
            }
            Map<String, List<Result>> results = new LinkedHashMap<>();
            for (int round = 1; round <= options.rounds; round++) {
                for (Workload workload : options.workloads) {
                    for (Server server : servers) {
                        Result result = phase(server, workload, vcon, options.warmupSeconds, options.measureSeconds);
                        System.out.println(result.line(round));
                        results.computeIfAbsent(workload.name + "/" + server.name, k -> new ArrayList<>()).add(result);
                    }
                }
            }
            summary(results);
        } finally {
            servers.forEach(Server::stop);
            Runtime.getRuntime().removeShutdownHook(cleanup);
            if (options.keep) {
                System.out.println("kept " + tmp);
            } else {
                deleteTree(tmp);
            }
        }
    }

    private List<String> jvmFlags() {
        List<String> flags = new ArrayList<>(List.of("-Xms" + options.heap, "-Xmx" + options.heap));
        flags.addAll(options.jvmArgs);
        return flags;
    }

    /** The minimal baseline, or with {@code store} the durable one that also writes to that SQLite file. */
    private Server startBaseline(Path tmp, String name, Path store) throws IOException {
        int port = freePort();
        int admin = freePort();
        Path benchJar = Path.of(URI.create(HttpBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toString()));
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmFlags());
        command.addAll(List.of("-cp", benchJar.toString(), BaselineApplication.class.getName(), "server", "baseline.yml"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile());
        builder.environment().put("BASELINE_PORT", Integer.toString(port));
        builder.environment().put("BASELINE_ADMIN_PORT", Integer.toString(admin));
        if (store != null) {
            builder.environment().put("BASELINE_STORE", store.toString());
        }
        return Server.start(name, builder, tmp.resolve(name + ".log"), port, admin);
    }

    private Server startConserver(Path tmp, Path jar) throws IOException {
        int port = freePort();
        int admin = freePort();
        Path data = Files.createDirectories(tmp.resolve("conserver-data"));
        Path yml = tmp.resolve("conserver.yml");
        // No chains: nothing takes from a list, the engine is idle; only the API path is measured.
        Files.writeString(yml, """
                server:
                  requestLog:
                    appenders: []
                  applicationConnectors:
                    - type: http
                      bindHost: 127.0.0.1
                      port: %d
                  adminConnectors:
                    - type: http
                      bindHost: 127.0.0.1
                      port: %d
                logging:
                  level: WARN
                store:
                  type: embedded
                  data_dir: %s
                """.formatted(port, admin, data.toString().replace("\\", "/")));
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmFlags());
        if (options.jfr != null) {
            command.add("-XX:FlightRecorderOptions:stackdepth=256");
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + Path.of(options.jfr).toAbsolutePath());
        }
        command.addAll(List.of("-jar", jar.toString(), "server", yml.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile());
        return Server.start("conserver", builder, tmp.resolve("conserver.log"), port, admin);
    }

    // ---------------------------------------------------------------------------------------------
    // One phase: warm-up, then the measured window

    private Result phase(Server server, Workload workload, byte[] vcon, int warmupSeconds, int measureSeconds)
            throws InterruptedException {
        int vconsPerRequest = workload.bulk ? options.batch : 1;
        Template template = workload.bulk ? Template.array(vcon, options.batch) : Template.single(vcon);
        int threads = workload.bulk ? options.bulkConcurrency : options.concurrency;
        URI uri = URI.create(server.base + (workload.bulk ? "/api/vcons" : "/api/vcon"));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();

        long now = System.nanoTime();
        long measureStart = now + Duration.ofSeconds(warmupSeconds).toNanos();
        long measureEnd = measureStart + Duration.ofSeconds(measureSeconds).toNanos();
        Worker[] workers = new Worker[threads];
        CountDownLatch done = new CountDownLatch(threads);
        ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        AtomicInteger errorSampleCount = new AtomicInteger();
        long[] cpuAtStart = new long[2];
        Thread cpuMark = new Thread(() -> {
            sleepUntil(measureStart);
            cpuAtStart[0] = server.cpuNanos();
            cpuAtStart[1] = cpuNanos(ProcessHandle.current());
        });
        cpuMark.start();
        for (int t = 0; t < threads; t++) {
            Worker worker = new Worker();
            workers[t] = worker;
            Thread thread = new Thread(() -> {
                try {
                    while (true) {
                        long start = System.nanoTime();
                        if (start >= measureEnd) {
                            return;
                        }
                        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(template.next(this)))
                                .build();
                        String error;
                        try {
                            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            error = check(response, workload.bulk);
                        } catch (IOException e) {
                            error = e.toString();
                        }
                        long end = System.nanoTime();
                        if (end >= measureStart && end < measureEnd) {
                            if (error == null) {
                                worker.record(end - start);
                            } else {
                                worker.errors++;
                                if (errorSampleCount.getAndIncrement() < MAX_ERRORS_SHOWN) {
                                    errorSamples.add(error);
                                }
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "load-" + t);
            thread.setDaemon(true);
            thread.start();
        }
        sleepUntil(measureEnd);
        long cpuAtEnd = server.cpuNanos();
        long clientCpuAtEnd = cpuNanos(ProcessHandle.current());
        cpuMark.join();
        if (!done.await(REQUEST_TIMEOUT.toSeconds() + 10, java.util.concurrent.TimeUnit.SECONDS)) {
            System.out.println("  (some requests were still running " + REQUEST_TIMEOUT + " after the window)");
        }
        if (!server.process.isAlive()) {
            throw new IllegalStateException(server.name + " died; its log: " + server.log + "\n" + server.tail());
        }

        int count = Arrays.stream(workers).mapToInt(w -> w.count).sum();
        long[] latencies = new long[count];
        int at = 0;
        int errors = 0;
        for (Worker worker : workers) {
            System.arraycopy(worker.latencies, 0, latencies, at, worker.count);
            at += worker.count;
            errors += worker.errors;
        }
        Arrays.sort(latencies);
        double seconds = Math.max(1, measureSeconds);
        return new Result(server.name, workload, threads, count / seconds, count * (double) vconsPerRequest / seconds,
                percentile(latencies, 0.50), percentile(latencies, 0.99), count == 0 ? 0 : latencies[count - 1],
                errors, List.copyOf(errorSamples),
                count == 0 ? 0 : (cpuAtEnd - cpuAtStart[0]) / ((double) count * vconsPerRequest),
                count == 0 ? 0 : (clientCpuAtEnd - cpuAtStart[1]) / ((double) count * vconsPerRequest));
    }

    /** Null when the response is what a success looks like, otherwise what was wrong. */
    private static String check(HttpResponse<byte[]> response, boolean bulk) {
        int status = response.statusCode();
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (status / 100 != 2) {
            return "HTTP " + status + ": " + body.substring(0, Math.min(300, body.length()));
        }
        if (bulk && !body.contains("\"refused\":0")) {
            return "bulk answer with refused items: " + body.substring(0, Math.min(300, body.length()));
        }
        return null;
    }

    private static final class Worker {
        long[] latencies = new long[4096];
        int count;
        int errors;

        void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }
    }

    /** The body of each request: the sample vCon(s) with a fresh uuid written over each one's. */
    private record Template(byte[] bytes, int[] uuidOffsets) {
        static Template single(byte[] vcon) {
            return new Template(vcon, new int[] {indexOf(vcon, SAMPLE_UUID.getBytes(StandardCharsets.US_ASCII))});
        }

        static Template array(byte[] vcon, int count) {
            int uuidAt = indexOf(vcon, SAMPLE_UUID.getBytes(StandardCharsets.US_ASCII));
            byte[] bytes = new byte[2 + count * vcon.length + (count - 1)];
            int[] offsets = new int[count];
            bytes[0] = '[';
            int at = 1;
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    bytes[at++] = ',';
                }
                System.arraycopy(vcon, 0, bytes, at, vcon.length);
                offsets[i] = at + uuidAt;
                at += vcon.length;
            }
            bytes[at] = ']';
            return new Template(bytes, offsets);
        }

        byte[] next(HttpBenchmark run) {
            byte[] body = bytes.clone();
            for (int offset : uuidOffsets) {
                run.writeUuid(body, offset);
            }
            return body;
        }
    }

    /** A version 8 uuid: this run's prefix, the sample's middle, and a counter in the last 12 digits. */
    private void writeUuid(byte[] body, int offset) {
        String uuid = uuidPrefix + SAMPLE_UUID.substring(8, 24) + String.format("%012x", sent.getAndIncrement());
        byte[] ascii = uuid.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, body, offset, ascii.length);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("the sample vCon has no uuid " + SAMPLE_UUID);
    }

    // ---------------------------------------------------------------------------------------------
    // Figures

    private record Result(String server, Workload workload, int threads, double requestsPerSecond, double vconsPerSecond,
                          long p50, long p99, long max, int errors, List<String> errorSamples, double cpuNanosPerVcon,
                          double clientCpuNanosPerVcon) {
        String line(int round) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "round %d  %-6s %-9s c=%-3d %,9.1f req/s %,10.1f vCons/s   p50 %7.2f ms  p99 %7.2f ms  max %8.2f ms"
                            + "   errors %d   CPU/vCon server %.3f ms, client %.3f ms",
                    round, workload.name, server, threads, requestsPerSecond, vconsPerSecond, ms(p50), ms(p99), ms(max),
                    errors, cpuNanosPerVcon / 1e6, clientCpuNanosPerVcon / 1e6));
            for (String sample : errorSamples) {
                line.append("\n    error: ").append(sample);
            }
            return line.toString();
        }
    }

    private void summary(Map<String, List<Result>> results) {
        System.out.println();
        System.out.println("summary (mean over rounds; ratio = conserver / baseline; CPU ratio = baseline CPU per vCon / conserver's):");
        for (Workload workload : options.workloads) {
            List<Result> base = results.get(workload.name + "/baseline");
            List<Result> ours = results.get(workload.name + "/conserver");
            double baseRate = mean(base, Result::vconsPerSecond);
            double ourRate = mean(ours, Result::vconsPerSecond);
            double baseCpu = mean(base, Result::cpuNanosPerVcon);
            double ourCpu = mean(ours, Result::cpuNanosPerVcon);
            StringBuilder perRound = new StringBuilder();
            for (int i = 0; i < base.size(); i++) {
                perRound.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f",
                        ours.get(i).vconsPerSecond() / base.get(i).vconsPerSecond()));
            }
            String what = workload.bulk ? "bulk   POST /api/vcons x" + options.batch : "single POST /api/vcon";
            System.out.printf(Locale.ROOT, "  %-28s baseline %,10.1f vCons/s  conserver %,10.1f vCons/s  ratio %.2f (per round: %s)%s"
                            + "   CPU/vCon baseline %.3f ms, conserver %.3f ms, CPU ratio %.2f   errors %d%n",
                    what, baseRate, ourRate, ourRate / baseRate, perRound,
                    workload.bulk ? "" : ourRate / baseRate >= 0.80 ? "  [target >= 0.80 met]" : "  [target >= 0.80 NOT met]",
                    baseCpu / 1e6, ourCpu / 1e6, baseCpu / ourCpu,
                    Stream.concat(base.stream(), ours.stream()).mapToInt(Result::errors).sum());
            List<Result> durable = results.get(workload.name + "/durable");
            if (durable != null) {
                double durableRate = mean(durable, Result::vconsPerSecond);
                System.out.printf(Locale.ROOT, "  %-28s durable baseline %,10.1f vCons/s = %.2f of the baseline; conserver = %.2f of the "
                                + "durable baseline   CPU/vCon durable baseline %.3f ms   errors %d%n",
                        "", durableRate, durableRate / baseRate, ourRate / durableRate,
                        mean(durable, Result::cpuNanosPerVcon) / 1e6, durable.stream().mapToInt(Result::errors).sum());
            }
        }
    }

    private static double mean(List<Result> results, java.util.function.ToDoubleFunction<Result> f) {
        return results.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    // ---------------------------------------------------------------------------------------------
    // Server processes

    private static final class Server {
        final String name;
        final Process process;
        final Path log;
        final String base;
        final int adminPort;

        private Server(String name, Process process, Path log, int port, int adminPort) {
            this.name = name;
            this.process = process;
            this.log = log;
            this.base = "http://127.0.0.1:" + port;
            this.adminPort = adminPort;
        }

        static Server start(String name, ProcessBuilder builder, Path log, int port, int admin) throws IOException {
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            System.out.println("+ " + String.join(" ", builder.command()) + "   (in " + builder.directory() + ", log " + log + ")");
            return new Server(name, builder.start(), log, port, admin);
        }

        void awaitHealthy() throws InterruptedException {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI health = URI.create("http://127.0.0.1:" + adminPort + "/healthcheck");
            long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting:\n" + tail());
                }
                try {
                    HttpResponse<Void> response = client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException(name + " was not healthy after " + STARTUP_TIMEOUT + ":\n" + tail());
        }

        long cpuNanos() {
            return HttpBenchmark.cpuNanos(process.toHandle());
        }

        String tail() {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException | UncheckedIOException e) {
                return "(no log: " + e + ")";
            }
        }

        /** SIGTERM, so Dropwizard stops cleanly (and a flight recording is written); then SIGKILL. */
        void stop() {
            if (!process.isAlive()) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A process's CPU time so far (user + system), or -1 when the OS does not say. */
    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            try {
                Thread.sleep(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Options

    private enum Workload {
        SINGLE("single", false), BULK("bulk", true);

        final String name;
        final boolean bulk;

        Workload(String name, boolean bulk) {
            this.name = name;
            this.bulk = bulk;
        }
    }

    private static final class Options {
        int prewarmSeconds = 30;
        int warmupSeconds = 10;
        int measureSeconds = 20;
        int rounds = 2;
        int concurrency = 32;
        int bulkConcurrency = 4;
        int batch = 100;
        String heap = "1g";
        String jar = "conserver-server/target/conserver.jar";
        String jfr;
        boolean keep;
        boolean durable = true;
        List<Workload> workloads = List.of(Workload.SINGLE, Workload.BULK);
        List<String> jvmArgs = new ArrayList<>();

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--keep")) {
                    o.keep = true;
                    continue;
                }
                if (arg.equals("--no-durable")) {
                    o.durable = false;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw usage("missing a value after " + arg);
                }
                String value = args[++i];
                switch (arg) {
                    case "--prewarm" -> o.prewarmSeconds = Integer.parseInt(value);
                    case "--warmup" -> o.warmupSeconds = Integer.parseInt(value);
                    case "--measure" -> o.measureSeconds = Integer.parseInt(value);
                    case "--rounds" -> o.rounds = Integer.parseInt(value);
                    case "--concurrency" -> o.concurrency = Integer.parseInt(value);
                    case "--bulk-concurrency" -> o.bulkConcurrency = Integer.parseInt(value);
                    case "--batch" -> o.batch = Integer.parseInt(value);
                    case "--heap" -> o.heap = value;
                    case "--jar" -> o.jar = value;
                    case "--jfr" -> o.jfr = value;
                    case "--jvm-arg" -> o.jvmArgs.add(value);
                    case "--workloads" -> o.workloads = Arrays.stream(value.split(","))
                            .map(w -> Workload.valueOf(w.trim().toUpperCase(Locale.ROOT))).toList();
                    default -> throw usage("unknown option " + arg);
                }
            }
            if (o.measureSeconds <= 0 || o.rounds <= 0 || o.concurrency <= 0 || o.bulkConcurrency <= 0 || o.batch <= 0) {
                throw usage("--measure, --rounds, --concurrency, --bulk-concurrency and --batch must be positive");
            }
            return o;
        }

        private static IllegalArgumentException usage(String problem) {
            return new IllegalArgumentException(problem + "; options: --prewarm S --warmup S --measure S --rounds N --concurrency N "
                    + "--bulk-concurrency N --batch N --heap SIZE --jar PATH --workloads single,bulk --jfr FILE "
                    + "--jvm-arg ARG --keep --no-durable");
        }
    }
}
