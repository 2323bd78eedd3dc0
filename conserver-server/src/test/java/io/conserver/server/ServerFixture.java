package io.conserver.server;

import io.conserver.server.config.ConserverConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.WebTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the real server (Dropwizard, Guice, the embedded store in a fresh directory, the file
 * storage in another) from {@code test-conserver.yml}, with per-class overrides.
 */
public final class ServerFixture {
    private ServerFixture() {
    }

    /** A server on a fresh data directory; {@code overrides} as {@code "auth.tokens[0]", "secret"} pairs. */
    public static DropwizardAppExtension<ConserverConfiguration> app(String... overrides) {
        Path dir = tempDir();
        List<ConfigOverride> all = new ArrayList<>();
        all.add(ConfigOverride.config("store.data_dir", dir.resolve("store").toString()));
        all.add(ConfigOverride.config("storages.files.options.path", dir.resolve("files").toString()));
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            all.add(ConfigOverride.config(overrides[i], overrides[i + 1]));
        }
        return new DropwizardAppExtension<>(ConserverApplication.class, ResourceHelpers.resourceFilePath("test-conserver.yml"),
                all.toArray(ConfigOverride[]::new));
    }

    /** The API root of a running server: {@code http://localhost:port/api}. */
    public static WebTarget api(DropwizardAppExtension<ConserverConfiguration> app) {
        Client client = app.client();
        return client.target("http://localhost:" + app.getLocalPort() + "/api");
    }

    /** The directory the file storage writes to. */
    public static Path filesDir(DropwizardAppExtension<ConserverConfiguration> app) {
        return Path.of(app.getConfiguration().getStorages().path("files").path("options").path("path").asText());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("conserver-server-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
