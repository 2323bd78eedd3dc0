package io.conserver.server.api;

import io.conserver.app.usecase.ListOperations;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /lists}: every list with its depth; {@code GET /stats/queue}: one list, as the reference answers. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class ListDepthsResource {
    private final ListOperations lists;

    @Inject
    public ListDepthsResource(ListOperations lists) {
        this.lists = lists;
    }

    @GET
    @Path("lists")
    public Map<String, Long> all() {
        return lists.lists();
    }

    @GET
    @Path("stats/queue")
    public Map<String, Object> depth(@QueryParam("list_name") String list) {
        String name = Params.required("list_name", list);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("list_name", name);
        answer.put("depth", lists.lists().getOrDefault(name, 0L));
        return answer;
    }
}
