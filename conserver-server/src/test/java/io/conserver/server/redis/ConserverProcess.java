package io.conserver.server.redis;

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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One conserver as a child JVM started from the shaded jar ({@code target/conserver.jar}, built in the
 * {@code package} phase before failsafe runs the ITs), with its own YAML, ports and log file.
 */
final class ConserverProcess implements AutoCloseable {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Path log;
    private final int apiPort;
    private final int adminPort;
    private final Process process;

    private ConserverProcess(String name, Path log, int apiPort, int adminPort, Process process) {
        this.name = name;
        this.log = log;
        this.apiPort = apiPort;
        this.adminPort = adminPort;
        this.process = process;
    }

    /**
     * Starts {@code java -jar conserver.jar server <name>.yml} in {@code dir}; {@code body} is the YAML
     * after the {@code server:} and {@code logging:} sections, which this method writes.
     */
    static ConserverProcess start(String name, Path dir, String body) throws IOException {
        Path jar = jar();
        int api = freePort();
        int admin = freePort();
        String yaml = """
                server:
                  applicationConnectors: [{type: http, bindHost: 127.0.0.1, port: %d}]
                  adminConnectors: [{type: http, bindHost: 127.0.0.1, port: %d}]
                  requestLog: {appenders: []}
                logging:
                  level: WARN
                  loggers: {io.conserver: INFO}
                """.formatted(api, admin) + body;
        Path file = dir.resolve(name + ".yml");
        Files.writeString(file, yaml);
        Path log = dir.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-jar", jar.toString(), "server", file.toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ConserverProcess(name, log, api, admin, process);
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("conserver.jar", "target/conserver.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no shaded jar at " + jar.toAbsolutePath()
                    + ": run these tests with ./mvnw verify (the package phase builds it)");
        }
        return jar;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    String api() {
        return "http://127.0.0.1:" + apiPort + "/api";
    }

    /** Waits until {@code GET /api/health} answers 200; fails with the log's tail if the process ends first. */
    void awaitHealthy(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            if (health() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " not healthy after " + timeout + ":\n" + logTail());
    }

    /** The status of {@code GET /api/health}, or -1 when nothing answers. */
    int health() throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(api() + "/health")).timeout(Duration.ofSeconds(30)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The sum of {@code conserver_chain_outcomes_total} on the admin port: the chain runs this instance finished. */
    long chainRuns() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/prometheus"))
                .timeout(Duration.ofSeconds(30)).GET().build();
        String text = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return text.lines().filter(line -> line.startsWith("conserver_chain_outcomes_total{"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String logTail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** A graceful stop (SIGTERM), then kill -9 if it takes too long. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
