package io.conserver.app.usecase;

import io.conserver.domain.port.out.HistoryEntry;
import io.conserver.domain.port.out.PartySearch;
import io.conserver.domain.port.out.ProcessingHistory;
import io.conserver.domain.port.out.Storage;
import io.conserver.domain.port.out.VconListQuery;
import io.conserver.domain.port.out.VconStore;
import io.conserver.domain.vcon.Vcon;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads vCons: by id (falling back to the storages when the working store no longer has it, as
 * after an {@code expire} link), in batches, by creation time, by party, and their history.
 */
public final class VconQueries {
    private static final Logger LOG = LoggerFactory.getLogger(VconQueries.class);

    private final VconStore store;
    private final ProcessingHistory history;
    private final Supplier<Map<String, Storage>> storages;

    public VconQueries(VconStore store, ProcessingHistory history, Supplier<Map<String, Storage>> storages) {
        this.store = store;
        this.history = history;
        this.storages = storages;
    }

    /** The vCon from the store, or else from the first storage that has it. */
    public Optional<Vcon> get(String uuid) {
        Optional<Vcon> stored = store.get(uuid);
        return stored.isPresent() ? stored : fromStorages(uuid);
    }

    /** The vCon, or a not-found refusal. */
    public Vcon require(String uuid) {
        return get(uuid).orElseThrow(() -> RequestRefusedException.notFound("no vCon is stored under " + uuid));
    }

    /** Each requested id with its vCon, or empty where none exists, in the order asked. */
    public Map<String, Optional<Vcon>> getAll(List<String> uuids) {
        Map<String, Vcon> found = store.getAll(uuids);
        Map<String, Optional<Vcon>> result = new LinkedHashMap<>();
        for (String uuid : uuids) {
            Vcon vcon = found.get(uuid);
            result.put(uuid, vcon != null ? Optional.of(vcon) : fromStorages(uuid));
        }
        return result;
    }

    /** Ids by creation time, newest first. */
    public List<String> list(VconListQuery query) {
        return store.list(query);
    }

    /** Ids of vCons having a party that matches every given term. */
    public List<String> search(PartySearch search) {
        return store.search(search);
    }

    /** The processing history of a vCon, oldest first. */
    public List<HistoryEntry> history(String uuid) {
        List<HistoryEntry> entries = history.read(uuid);
        if (entries.isEmpty() && !store.exists(uuid)) {
            throw RequestRefusedException.notFound("no vCon is stored under " + uuid);
        }
        return new ArrayList<>(entries);
    }

    private Optional<Vcon> fromStorages(String uuid) {
        for (Map.Entry<String, Storage> entry : storages.get().entrySet()) {
            try {
                Optional<Vcon> vcon = entry.getValue().get(uuid);
                if (vcon.isPresent()) {
                    return vcon;
                }
            } catch (RuntimeException e) {
                LOG.warn("storage {} failed to read vCon {}: {}", entry.getKey(), uuid, e.toString());
            }
        }
        return Optional.empty();
    }
}
