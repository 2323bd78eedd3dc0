package io.conserver.server.admin;

import io.conserver.app.config.InvalidConfigException;
import io.conserver.app.usecase.ConfigChanges;
import io.conserver.server.config.ConserverConfiguration;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code POST /tasks/reload-config} on the admin port: reads the configuration file again and
 * applies its chains, links, storages and sources like a {@code PUT /config}. An invalid file is
 * refused whole and the running configuration stays. Server settings need a restart.
 */
public final class ReloadConfigTask extends Task {
    /** Reads and validates a configuration file. */
    public interface Reader {
        ConserverConfiguration read(Path file) throws Exception;
    }

    private final Supplier<Path> file;
    private final Reader reader;
    private final ConfigChanges changes;

    public ReloadConfigTask(Supplier<Path> file, Reader reader, ConfigChanges changes) {
        super("reload-config");
        this.file = file;
        this.reader = reader;
        this.changes = changes;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) throws Exception {
        Path path = file.get();
        if (path == null) {
            output.println("the server was not started from a file; nothing to reload");
            return;
        }
        try {
            long version = changes.replaceAll(reader.read(path).pluginSections());
            output.println("reloaded " + path + " as configuration version " + version);
        } catch (InvalidConfigException e) {
            output.println("not applied; the running configuration stays:");
            e.problems().forEach(p -> output.println("  " + p));
        }
    }
}
