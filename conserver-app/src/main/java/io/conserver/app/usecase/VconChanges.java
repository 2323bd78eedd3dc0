package io.conserver.app.usecase;

import com.fasterxml.jackson.databind.JsonNode;
import io.conserver.domain.error.ErrorCategory;
import io.conserver.domain.port.out.ProcessingHistory;
import io.conserver.domain.port.out.Storage;
import io.conserver.domain.port.out.VconStore;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Replaces, patches and deletes stored vCons. Every change is validated as a whole vCon before it
 * is written, so a bad request leaves the stored one untouched.
 */
public final class VconChanges {
    private final VconStore store;
    private final ProcessingHistory history;
    private final VconCodec codec;
    private final VconIntake intake;
    private final Supplier<Map<String, Storage>> storages;

    public VconChanges(VconStore store, ProcessingHistory history, VconCodec codec, VconIntake intake,
                       Supplier<Map<String, Storage>> storages) {
        this.store = store;
        this.history = history;
        this.codec = codec;
        this.intake = intake;
        this.storages = storages;
    }

    /** Replaces the vCon stored under {@code uuid} by {@code body}, whose uuid must be the same. */
    public Vcon replace(String uuid, byte[] body) {
        Vcon vcon = intake.open(body).vcon();
        requireSameUuid(uuid, vcon);
        requireStored(uuid);
        store.put(vcon);
        return vcon;
    }

    /** Applies a JSON merge patch (RFC 7396) to the stored vCon; the result must be a valid vCon. */
    public Vcon patch(String uuid, JsonNode mergePatch) {
        if (!mergePatch.isObject()) {
            throw RequestRefusedException.invalid("a merge patch for a vCon must be a JSON object");
        }
        Vcon current = requireStored(uuid);
        JsonNode patched = JsonMergePatch.apply(codec.toTree(current), mergePatch);
        Vcon vcon = codec.read(patched).vcon();
        requireSameUuid(uuid, vcon);
        store.put(vcon);
        return vcon;
    }

    /**
     * Deletes the vCon from every storage, then from the store and its history. If a storage fails
     * the vCon stays in the store, so the caller can retry and nothing is left half-deleted unseen.
     */
    public Map<String, String> delete(String uuid) {
        boolean stored = store.exists(uuid);
        Map<String, String> outcomes = new LinkedHashMap<>();
        boolean anyFailed = false;
        boolean anyHad = false;
        for (Map.Entry<String, Storage> entry : storages.get().entrySet()) {
            try {
                boolean had = entry.getValue().delete(uuid);
                anyHad |= had;
                outcomes.put(entry.getKey(), had ? "deleted" : "absent");
            } catch (RuntimeException e) {
                anyFailed = true;
                outcomes.put(entry.getKey(), "failed: " + e.getMessage());
            }
        }
        if (anyFailed) {
            throw new RequestRefusedException(ErrorCategory.UNAVAILABLE, "deleting vCon " + uuid
                    + " failed in a storage; it is kept in the store so the delete can be retried: " + outcomes);
        }
        if (!stored && !anyHad) {
            throw RequestRefusedException.notFound("no vCon is stored under " + uuid);
        }
        store.delete(uuid);
        history.delete(uuid);
        outcomes.put("store", stored ? "deleted" : "absent");
        return outcomes;
    }

    private Vcon requireStored(String uuid) {
        return store.get(uuid).orElseThrow(() -> RequestRefusedException.notFound("no vCon is stored under " + uuid));
    }

    private static void requireSameUuid(String uuid, Vcon vcon) {
        if (!uuid.equals(vcon.uuid())) {
            throw RequestRefusedException.invalid("uuid: the body's uuid " + vcon.uuid()
                    + " differs from the uuid in the path " + uuid);
        }
    }
}
