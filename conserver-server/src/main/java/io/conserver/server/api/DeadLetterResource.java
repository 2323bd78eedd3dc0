package io.conserver.server.api;

import io.conserver.app.runtime.ConserverEngine;
import io.conserver.app.runtime.RuntimeParts;
import io.conserver.app.usecase.RequestRefusedException;
import io.conserver.domain.port.out.DeadLetter;
import io.conserver.domain.port.out.WorkQueue;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dead letters of chains ({@code /dlq}) and of storages ({@code /dlq/storage}): read them with their
 * reasons, and replay them. Without a list, {@code GET} answers every dead-letter list and its size.
 */
@Path("/dlq")
@Produces(MediaType.APPLICATION_JSON)
public final class DeadLetterResource {
    private static final int MAX_REPLAY = 100_000;

    private final ConserverEngine engine;
    private final WorkQueue queue;

    @Inject
    public DeadLetterResource(ConserverEngine engine, RuntimeParts parts) {
        this.engine = engine;
        this.queue = parts.queue();
    }

    /** A dead letter as the API shows it. */
    public record Entry(String uuid, String reason, String chain, String stage, int attempts, String at, String replayTo) {
        static Entry of(DeadLetter d) {
            return new Entry(d.id(), d.reason(), d.chain(), d.stage(), d.attempts(), d.at().toString(), d.replayTo().orElse(null));
        }
    }

    @GET
    public Object list(@QueryParam("list") String list, @QueryParam("start") String start, @QueryParam("count") String count) {
        if (list == null || list.isBlank()) {
            return queue.deadLetterLists();
        }
        return entries(known(list), start, count);
    }

    @POST
    @Path("/reprocess")
    public Map<String, Object> reprocess(@QueryParam("list") String list, @QueryParam("count") String count)
            throws InterruptedException {
        return replay(known(Params.required("list", list)), count);
    }

    @GET
    @Path("/storage")
    public Object storageList(@QueryParam("storage") String storage, @QueryParam("start") String start,
                              @QueryParam("count") String count) {
        return entries(storageList(Params.required("storage", storage)), start, count);
    }

    @POST
    @Path("/storage/reprocess")
    public Map<String, Object> storageReprocess(@QueryParam("storage") String storage, @QueryParam("count") String count)
            throws InterruptedException {
        return replay(storageList(Params.required("storage", storage)), count);
    }

    private List<Entry> entries(String list, String start, String count) {
        int from = Params.intIn("start", start, 0, 0, Integer.MAX_VALUE);
        int n = Params.intIn("count", count, 100, 1, 10_000);
        return queue.deadLetters(list, from, n).stream().map(Entry::of).toList();
    }

    private String known(String list) {
        if (!engine.deadLetterListNames().contains(list) && queue.deadLetterCount(list) == 0) {
            throw RequestRefusedException.notFound("list: '" + list + "' is not a dead-letter list; they are "
                    + engine.deadLetterListNames());
        }
        return list;
    }

    private String storageList(String storage) {
        return engine.storageDeadLetterList(storage).orElseThrow(() -> RequestRefusedException.notFound(
                "storage: no storage named '" + storage + "' is configured; the storages are " + engine.storages().keySet()));
    }

    /** Both reprocess routes: the same count parameter, its default and its limit. */
    private Map<String, Object> replay(String list, String count) throws InterruptedException {
        int n = Params.intIn("count", count, 1000, 1, MAX_REPLAY);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("list", list);
        answer.put("reprocessed", engine.deadLetters().replay(list, n));
        return answer;
    }
}
