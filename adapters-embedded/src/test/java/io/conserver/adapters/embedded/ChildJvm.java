package io.conserver.adapters.embedded;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link DurabilityChild} in its own JVM, on this JVM's classpath, whose stdout lines are collected
 * as they come. Only lines ended by a newline count: a line the kill cut short was never acknowledged.
 */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final Path stderr;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile IOException readFailure;

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(this::readLines, "child-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(DurabilityChild.Mode mode, Path dataDirectory, Path scratch) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path stderr = scratch.resolve("child-" + mode + ".err");
        Process process = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), DurabilityChild.class.getName(),
                mode.name(), dataDirectory.toString())
                .redirectError(stderr.toFile()).start();
        return new ChildJvm(process, stderr);
    }

    /**
     * Waits until at least {@code count} lines start with {@code prefix} and {@code atLeast} has
     * passed, or until {@code atMost} has passed; fails at once if the child dies on its own.
     */
    void awaitLines(String prefix, int count, Duration atLeast, Duration atMost) throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            Duration ran = Duration.ofNanos(System.nanoTime() - start);
            if (!process.isAlive()) {
                fail("the child exited with " + process.exitValue() + " before it was killed:\n" + stderr());
            }
            if (ran.compareTo(atMost) >= 0 || (ran.compareTo(atLeast) >= 0 && lines(prefix).size() >= count)) {
                return;
            }
            Thread.sleep(20);
        }
    }

    /**
     * Kills the child with SIGKILL, waits for it, and returns its exit status once its stdout is drained.
     * The signal goes through the {@link ProcessHandle}: {@link Process#destroyForcibly()} sends the same
     * SIGKILL but also closes our end of the pipe, dropping acknowledgements printed but not yet read.
     */
    int kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        int status = process.waitFor();
        reader.join(Duration.ofSeconds(10).toMillis());
        if (reader.isAlive() || readFailure != null) {
            fail("the child's stdout was not read to its end", readFailure);
        }
        return status;
    }

    /** The words after {@code prefix} of each complete line starting with it, in the order printed. */
    List<String[]> lines(String prefix) {
        List<String[]> found = new ArrayList<>();
        for (String line : lines) {
            String[] words = line.split(" ");
            if (words[0].equals(prefix)) {
                found.add(words);
            }
        }
        return found;
    }

    /** The second word (an id) of each complete line starting with {@code prefix}. */
    List<String> ids(String prefix) {
        return lines(prefix).stream().map(words -> words[1]).toList();
    }

    String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void readLines() {
        try (InputStream in = process.getInputStream()) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines.add(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else {
                        line.write(buffer[i]);
                    }
                }
            }
        } catch (IOException e) {
            readFailure = e;
        }
    }
}
