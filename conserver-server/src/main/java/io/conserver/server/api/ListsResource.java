package io.conserver.server.api;

import io.conserver.app.usecase.ListOperations;
import io.conserver.app.usecase.VconIntake;
import io.conserver.server.config.ConserverConfiguration;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ingress, egress and list depths. The {@code /vcon/...} routes share their root path with
 * {@link VconResource} on purpose: Jersey merges the two, and a literal segment such as
 * {@code count} then wins over {@code {uuid}} (the reference declares them apart and its
 * {@code /vcon/count} answers 422).
 */
@Path("/vcon")
@Produces(MediaType.APPLICATION_JSON)
public final class ListsResource {
    private final VconIntake intake;
    private final ListOperations lists;
    private final long maxBodyBytes;
    private final int maxIds;

    @Inject
    public ListsResource(VconIntake intake, ListOperations lists, ConserverConfiguration configuration) {
        this.intake = intake;
        this.lists = lists;
        this.maxBodyBytes = configuration.getApi().getMaxBodySize().toBytes();
        this.maxIds = configuration.getApi().getMaxListLimit();
    }

    /** Queues ids of stored vCons on an ingress list; refused whole if any id is unknown. */
    @POST
    @Path("/ingress")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> ingress(@QueryParam("ingress_list") String list, InputStream body) throws IOException {
        String name = Params.required("ingress_list", list);
        List<String> ids = IdLists.read(Bodies.read(body, maxBodyBytes, "the id list"), maxIds);
        intake.enqueue(name, ids);
        return ordered("ingress_list", name, "queued", ids.size());
    }

    /** Takes up to {@code limit} ids from the head of an egress list (FIFO). */
    @GET
    @Path("/egress")
    public List<String> egress(@QueryParam("egress_list") String list, @QueryParam("limit") String limit) {
        return lists.takeEgress(Params.required("egress_list", list), Params.intIn("limit", limit, 1, 1, maxIds));
    }

    @GET
    @Path("/count")
    public Map<String, Object> count(@QueryParam("egress_list") String list) {
        String name = Params.required("egress_list", list);
        return ordered("egress_list", name, "count", lists.count(name));
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
