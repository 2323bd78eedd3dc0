package io.conserver.app.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.conserver.app.config.ConfigDocuments;
import io.conserver.app.config.OptionsBinder;
import io.conserver.domain.port.out.HistoryEntry;
import io.conserver.domain.vcon.Party;
import io.conserver.domain.vcon.Vcon;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A running engine on the embedded store in a temporary directory, with the test link types and the
 * "memory" storage type, configured from YAML the way the server does it.
 */
final class EngineFixture implements AutoCloseable {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final TestLinks links = new TestLinks();
    final TestStorages storages = new TestStorages();
    final EmbeddedKit kit;
    final RuntimeParts parts;
    final ConfigCompiler compiler;
    ConserverEngine engine;

    EngineFixture(Path dir) {
        this.kit = EmbeddedKit.open(dir);
        this.parts = kit.parts();
        this.compiler = new ConfigCompiler(new Plugins(links.factories(), List.of(storages)), new OptionsBinder());
    }

    EngineFixture configure(String yaml) {
        try {
            parts.config().replaceAll(ConfigDocuments.split(YAML.readTree(yaml)));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
        return this;
    }

    EngineFixture start() {
        engine = new ConserverEngine(parts, compiler, new EngineSettings(Duration.ofSeconds(5), Duration.ofMillis(200)));
        engine.start();
        return this;
    }

    /** Stores a new vCon and pushes its id onto {@code list}, as an ingest would. */
    String ingest(String list) {
        Vcon vcon = newVcon();
        parts.store().put(vcon);
        parts.queue().push(list, vcon.uuid());
        return vcon.uuid();
    }

    static Vcon newVcon() {
        return Vcon.create("engine.test").withParty(Party.builder().tel("+15551230000").name("Alice").build());
    }

    Vcon stored(String uuid) {
        return parts.store().get(uuid).orElseThrow();
    }

    List<HistoryEntry> history(String uuid) {
        return parts.history().read(uuid);
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
        kit.close();
    }
}
