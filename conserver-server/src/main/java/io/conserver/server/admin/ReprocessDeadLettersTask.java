package io.conserver.server.admin;

import io.conserver.app.runtime.ConserverEngine;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /tasks/reprocess-dead-letters?list=DLQ:main&count=100} on the admin port: replays
 * dead letters, for operators who reach the admin port but not the API.
 */
public final class ReprocessDeadLettersTask extends Task {
    private final ConserverEngine engine;

    public ReprocessDeadLettersTask(ConserverEngine engine) {
        super("reprocess-dead-letters");
        this.engine = engine;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) throws Exception {
        List<String> lists = parameters.getOrDefault("list", List.of());
        if (lists.isEmpty()) {
            output.println("name the dead-letter list: ?list=...; the lists are " + engine.deadLetterListNames());
            return;
        }
        String given = parameters.getOrDefault("count", List.of("1000")).get(0);
        int count;
        try {
            count = Integer.parseInt(given.trim());
        } catch (NumberFormatException e) {
            output.println("count must be a whole number between 1 and 100000, was '" + given + "'");
            return;
        }
        if (count < 1 || count > 100_000) {
            output.println("count must be between 1 and 100000, was " + count);
            return;
        }
        for (String list : lists) {
            output.println(list + ": reprocessed " + engine.deadLetters().replay(list, count));
        }
    }
}
