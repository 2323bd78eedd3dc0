package io.conserver.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.conserver.server.ConserverApplication;
import io.conserver.server.config.ConserverConfiguration;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code conserver check FILE}: the sample passes; a broken file gets every problem with its path. */
class CheckConfigCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void theSampleConfigurationIsValid() {
        PrintStream original = System.out;
        // The command reports success on standard output, as a shell user expects.
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(check(Path.of("..", "conserver.yml"))).isEmpty();
        } finally {
            System.setOut(original);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("configuration OK: 1 chains, 2 links, 1 storages");
    }

    @Test
    void theRedisSampleConfigurationIsValid() {
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(check(Path.of("..", "conserver-redis.yml"))).isEmpty();
        } finally {
            System.setOut(original);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("configuration OK: 1 chains, 2 links, 1 storages");
    }

    @Test
    void everyProblemIsPrintedWithItsPath(@TempDir Path dir) throws Exception {
        String sample = Files.readString(Path.of("..", "conserver.yml"));
        String broken = sample.replace("type: tag", "type: tagz")
                .replace("links: [check, mark]", "links: [check, mark, nope]")
                .replace("workers: 2", "workers: 0");
        Path file = Files.writeString(dir.resolve("broken.yml"), broken);

        assertThat(check(file)).isPresent();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("links.mark.type: unknown link type 'tagz'; known types are [diet, expire,")
                .contains("chains.main.workers: must be greater than or equal to 1")
                .contains("chains.main.links[2]: no link named 'nope' is defined under links");
    }

    private Optional<Throwable> check(Path file) {
        ConserverApplication application = new ConserverApplication();
        Bootstrap<ConserverConfiguration> bootstrap = new Bootstrap<>(application);
        application.initialize(bootstrap);
        bootstrap.addCommand(new CheckConfigCommand(application));
        Cli cli = new Cli(new JarLocation(getClass()), bootstrap, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.run("check", file.toString());
    }
}
