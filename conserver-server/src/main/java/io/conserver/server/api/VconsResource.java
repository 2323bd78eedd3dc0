package io.conserver.server.api;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.conserver.app.usecase.RequestRefusedException;
import io.conserver.app.usecase.VconIntake;
import io.conserver.app.usecase.VconQueries;
import io.conserver.domain.error.ConserverException;
import io.conserver.domain.port.out.PartySearch;
import io.conserver.domain.vcon.InvalidVconException;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconCodec;
import io.conserver.server.config.ConserverConfiguration;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Many vCons at a time: bulk create (a JSON array or NDJSON), batch read, and search by party.
 * In a bulk request each item stands alone: a bad item is answered with its problems and the
 * good ones around it are stored.
 */
@Path("/vcons")
@Produces(MediaType.APPLICATION_JSON)
public final class VconsResource {
    /** Only splits a bulk array into its items' bytes; the items themselves are read by the codec. */
    private static final JsonFactory JSON = new JsonFactory();
    /** Valid items are stored in groups this size, so a big request does not hold them all. */
    private static final int STORE_BATCH = 256;

    private final VconIntake intake;
    private final VconQueries queries;
    private final VconCodec codec;
    private final long maxVconBytes;
    private final long maxBodyBytes;
    private final int maxIds;
    private final Meter received;

    @Inject
    public VconsResource(VconIntake intake, VconQueries queries, VconCodec codec, ConserverConfiguration configuration,
                         MetricRegistry metrics) {
        this.intake = intake;
        this.queries = queries;
        this.codec = codec;
        this.maxVconBytes = configuration.getApi().getMaxVconSize().toBytes();
        this.maxBodyBytes = configuration.getApi().getMaxBodySize().toBytes();
        this.maxIds = configuration.getApi().getMaxListLimit();
        this.received = metrics.meter("conserver.vcons.received");
    }

    /** The answer for one item of a bulk request. */
    public record ItemResult(int index, String uuid, int status, List<ApiError.Item> problems) {
    }

    /** The answer to a bulk request. */
    public record BulkResult(int accepted, int refused, List<ItemResult> items) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public BulkResult create(InputStream body, @HeaderParam("Content-Type") String contentType,
                             @QueryParam("ingress_lists") List<String> ingressLists) throws IOException {
        List<String> lists = Params.list(ingressLists);
        intake.checkLists(lists);
        byte[] bytes = Bodies.read(body, maxBodyBytes, "the bulk request");
        List<byte[]> items = contentType != null && contentType.contains("ndjson") ? ndjsonItems(bytes) : arrayItems(bytes);
        List<ItemResult> results = new ArrayList<>(items.size());
        List<Vcon> pending = new ArrayList<>(STORE_BATCH);
        int accepted = 0;
        for (int i = 0; i < items.size(); i++) {
            ItemResult result = open(i, items.get(i), pending);
            results.add(result);
            if (result.status() == 201) {
                accepted++;
            }
            if (pending.size() == STORE_BATCH) {
                intake.store(pending, lists);
                pending.clear();
            }
        }
        intake.store(pending, lists);
        received.mark(accepted);
        return new BulkResult(accepted, items.size() - accepted, results);
    }

    private ItemResult open(int index, byte[] item, List<Vcon> pending) {
        if (item.length > maxVconBytes) {
            return new ItemResult(index, null, 413, List.of(new ApiError.Item("$", "error",
                    "the vCon is larger than the limit of " + maxVconBytes + " bytes")));
        }
        try {
            Vcon vcon = intake.open(item).vcon();
            pending.add(vcon);
            return new ItemResult(index, vcon.uuid(), 201, List.of());
        } catch (InvalidVconException e) {
            return new ItemResult(index, null, e.category().httpStatus(), e.problems().stream()
                    .map(ApiError.Item::of)
                    .toList());
        } catch (ConserverException e) {
            return new ItemResult(index, null, e.category().httpStatus(), List.of(new ApiError.Item("$", "error", e.getMessage())));
        }
    }

    /**
     * The raw bytes of each element of a JSON array, cut out of the body without parsing them into
     * a tree: each item is then read exactly as a single POST would read it (UTF-8 checked, duplicate
     * keys refused, decimals kept as written, depth limited), and a bad item is that item's problem.
     */
    private static List<byte[]> arrayItems(byte[] bytes) throws IOException {
        try (JsonParser parser = JSON.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw notAnArray();
            }
            List<byte[]> items = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw RequestRefusedException.invalid("the bulk body ends inside the array");
                }
                long start = parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                parser.finishToken();
                long end = parser.currentLocation().getByteOffset();
                if (start < 0 || end < start) {
                    throw RequestRefusedException.invalid("the bulk body must be UTF-8 JSON");
                }
                items.add(java.util.Arrays.copyOfRange(bytes, (int) start, (int) end));
            }
            if (parser.nextToken() != null) {
                throw RequestRefusedException.invalid("the bulk body has more after the closing ] of its array");
            }
            return items;
        }
    }

    private static RequestRefusedException notAnArray() {
        return RequestRefusedException.invalid("the bulk body must be a JSON array of vCons, or NDJSON with "
                + "Content-Type application/x-ndjson");
    }

    private static List<byte[]> ndjsonItems(byte[] bytes) {
        List<byte[]> items = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = i;
                while (end > start && (bytes[end - 1] == '\r' || bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) {
                    end--;
                }
                if (end > start) {
                    items.add(java.util.Arrays.copyOfRange(bytes, start, end));
                }
                start = i + 1;
            }
        }
        return items;
    }

    /** The vCons with the given ids, in order; {@code null} where none exists. */
    @GET
    public List<JsonNode> batch(@QueryParam("uuid") List<String> uuids, @QueryParam("vcon_uuids") List<String> legacy) {
        List<String> ids = new ArrayList<>();
        for (String id : Params.list(uuids)) {
            ids.add(Params.uuid("uuid", id));
        }
        for (String id : Params.list(legacy)) {
            ids.add(Params.uuid("vcon_uuids", id));
        }
        if (ids.isEmpty()) {
            throw RequestRefusedException.invalid("uuid: name at least one vCon id");
        }
        if (ids.size() > maxIds) {
            throw RequestRefusedException.invalid("uuid: at most " + maxIds + " ids per request, got " + ids.size());
        }
        // One answer per id asked for, in the same places, even when an id is asked for twice.
        Map<String, Optional<Vcon>> found = queries.getAll(ids);
        List<JsonNode> result = new ArrayList<>(ids.size());
        for (String id : ids) {
            result.add(found.getOrDefault(id, Optional.empty()).map(codec::toTree).orElse(null));
        }
        return result;
    }

    /** Ids of vCons with a party matching every given term. */
    @GET
    @Path("/search")
    public List<String> search(@QueryParam("tel") String tel, @QueryParam("mailto") String mailto,
                               @QueryParam("name") String name) {
        if (isBlank(tel) && isBlank(mailto) && isBlank(name)) {
            throw RequestRefusedException.invalid("give at least one of tel, mailto or name");
        }
        return queries.search(new PartySearch(Optional.ofNullable(tel), Optional.ofNullable(mailto), Optional.ofNullable(name)));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
