package io.conserver.server.api;

import io.conserver.app.runtime.ChainInfo;
import io.conserver.app.runtime.ConserverEngine;
import io.conserver.app.usecase.VconIntake;
import io.conserver.domain.port.out.WorkQueue;
import io.conserver.server.config.ConserverConfiguration;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.conserver.app.runtime.RuntimeParts;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The running chains: their state and queue depths, runs on request, enable and disable. */
@Path("/chains")
@Produces(MediaType.APPLICATION_JSON)
public final class ChainsResource {
    private final ConserverEngine engine;
    private final WorkQueue queue;
    private final VconIntake intake;
    private final long maxBodyBytes;
    private final int maxIds;

    @Inject
    public ChainsResource(ConserverEngine engine, RuntimeParts parts, VconIntake intake, ConserverConfiguration configuration) {
        this.engine = engine;
        this.queue = parts.queue();
        this.intake = intake;
        this.maxBodyBytes = configuration.getApi().getMaxBodySize().toBytes();
        this.maxIds = configuration.getApi().getMaxListLimit();
    }

    /** One chain as the API shows it: its configuration, list names and their depths. */
    public record ChainView(String name, boolean enabled, List<String> links, List<String> storages,
                            List<String> ingressLists, List<String> egressLists, int workers, boolean scheduled,
                            Map<String, Long> depths, String deadLetterList, long deadLetters) {
    }

    @GET
    public List<ChainView> chains() {
        return engine.chains().stream().map(this::view).toList();
    }

    /** Runs the chain over the given ids of stored vCons (the request trigger); refused whole if any id is unknown. */
    @POST
    @Path("/{name}/run")
    @Consumes(MediaType.WILDCARD)
    public Response run(@PathParam("name") String name, InputStream body) throws IOException {
        List<String> ids = IdLists.read(Bodies.read(body, maxBodyBytes, "the id list"), maxIds);
        intake.requireStored(ids);
        engine.run(name, ids);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("chain", name);
        answer.put("queued", ids.size());
        return Response.accepted(answer).build();
    }

    @POST
    @Path("/{name}/enable")
    public Map<String, Object> enable(@PathParam("name") String name) {
        return state(name, true, engine.setEnabled(name, true));
    }

    @POST
    @Path("/{name}/disable")
    public Map<String, Object> disable(@PathParam("name") String name) {
        return state(name, false, engine.setEnabled(name, false));
    }

    private static Map<String, Object> state(String name, boolean enabled, long version) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("chain", name);
        answer.put("enabled", enabled);
        answer.put("config_version", version);
        return answer;
    }

    private ChainView view(ChainInfo info) {
        Map<String, Long> depths = new LinkedHashMap<>();
        info.ingressLists().forEach(list -> depths.put(list, queue.length(list)));
        depths.put(info.runList(), queue.length(info.runList()));
        depths.put(info.resumeList(), queue.length(info.resumeList()));
        info.egressLists().forEach(list -> depths.put(list, queue.length(list)));
        return new ChainView(info.name(), info.enabled(), info.links(), info.storages(), info.ingressLists(),
                info.egressLists(), info.workers(), info.scheduled(), depths, info.deadLetterList(),
                queue.deadLetterCount(info.deadLetterList()));
    }
}
