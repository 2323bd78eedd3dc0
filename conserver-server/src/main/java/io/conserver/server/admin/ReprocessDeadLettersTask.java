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
        int count = Integer.parseInt(parameters.getOrDefault("count", List.of("1000")).get(0));
        for (String list : lists) {
            output.println(list + ": reprocessed " + engine.deadLetters().replay(list, count));
        }
    }
}
