package io.conserver.server.admin;

import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * {@code POST /tasks/rebuild-indexes} on the admin port: rebuilds the search and listing indexes
 * from the stored vCons. On Redis it walks the keys with SCAN (never KEYS), so it is safe on a busy
 * server; use it after outside systems wrote {@code vcon:} keys directly. The embedded store keeps
 * its indexes in the vCon's own transaction and has nothing to rebuild.
 */
public final class RebuildIndexesTask extends Task {
    private final LongSupplier rebuild;

    public RebuildIndexesTask(LongSupplier rebuild) {
        super("rebuild-indexes");
        this.rebuild = rebuild;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        output.println("indexed " + rebuild.getAsLong() + " vCons");
    }
}
