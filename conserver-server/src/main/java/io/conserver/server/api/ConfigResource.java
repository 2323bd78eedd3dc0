package io.conserver.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conserver.app.usecase.ConfigChanges;
import io.conserver.app.usecase.RequestRefusedException;
import io.conserver.domain.port.out.ConfigKind;
import io.conserver.server.config.ConserverConfiguration;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The running configuration ({@code links}, {@code storages}, {@code chains}, {@code sources}):
 * read with secrets masked, replaced whole or one entry at a time. A change is checked in full and
 * refused whole, with every problem and its path; a good one reaches the running workers at once.
 */
@Path("/config")
@Produces(MediaType.APPLICATION_JSON)
public final class ConfigResource {
    private static final Map<String, ConfigKind> SECTIONS = Map.of("links", ConfigKind.LINK, "storages", ConfigKind.STORAGE,
            "chains", ConfigKind.CHAIN, "sources", ConfigKind.SOURCE);

    private final ConfigChanges changes;
    private final ObjectMapper json = new ObjectMapper();
    private final long maxBodyBytes;

    @Inject
    public ConfigResource(ConfigChanges changes, ConserverConfiguration configuration) {
        this.changes = changes;
        this.maxBodyBytes = configuration.getApi().getMaxBodySize().toBytes();
    }

    @GET
    public JsonNode get() {
        ObjectNode view = (ObjectNode) changes.view();
        view.put("version", changes.version());
        return view;
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> replace(InputStream body) throws IOException {
        JsonNode root = read(body);
        if (root.isObject()) {
            ((ObjectNode) root).remove("version");
        }
        return version(changes.replaceAll(root));
    }

    /** The reference's verb for the same change. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> replaceByPost(InputStream body) throws IOException {
        return replace(body);
    }

    @GET
    @Path("/{section}/{name}")
    public JsonNode getEntry(@PathParam("section") String section, @PathParam("name") String name) {
        return changes.view(kind(section), name);
    }

    @PUT
    @Path("/{section}/{name}")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> putEntry(@PathParam("section") String section, @PathParam("name") String name,
                                        InputStream body) throws IOException {
        ConfigKind kind = kind(section);
        return version(changes.put(kind, name, read(body)));
    }

    @DELETE
    @Path("/{section}/{name}")
    public Map<String, Object> deleteEntry(@PathParam("section") String section, @PathParam("name") String name) {
        return version(changes.remove(kind(section), name));
    }

    private JsonNode read(InputStream body) throws IOException {
        return json.readTree(Bodies.read(body, maxBodyBytes, "the configuration"));
    }

    private static ConfigKind kind(String section) {
        ConfigKind kind = SECTIONS.get(section);
        if (kind == null) {
            throw RequestRefusedException.notFound("section: '" + section + "' is not one of " + SECTIONS.keySet());
        }
        return kind;
    }

    private static Map<String, Object> version(long version) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("version", version);
        return answer;
    }
}
