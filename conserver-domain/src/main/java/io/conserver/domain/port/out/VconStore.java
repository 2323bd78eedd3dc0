package io.conserver.domain.port.out;

import io.conserver.domain.vcon.Vcon;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The working store of vCons, keyed {@code vcon:{uuid}}. It holds the current copy that chains read
 * and write, keeps secondary indexes (creation time; party tel, mailto and name) consistent with
 * every put and delete, and honours an optional time to live per vCon.
 *
 * <p>Implementations are thread-safe. A vCon that {@link #put} returned for is durable: it survives a
 * crash of the process. Failures of the backing system surface as
 * {@link io.conserver.domain.error.RetriableException}.
 */
public interface VconStore {

    /** The vCon with this uuid, or empty when it is absent or expired. */
    Optional<Vcon> get(String uuid);

    /**
     * The vCons found among {@code uuids}, in the order asked, keyed by uuid. Missing or expired ones
     * are simply absent from the map. Implementations fetch them in one round trip where they can.
     */
    Map<String, Vcon> getAll(Collection<String> uuids);

    /**
     * Stores or replaces the vCon under its uuid and updates every index in the same atomic step. A
     * replace clears any time to live, so a vCon never vanishes because an earlier copy was expiring.
     */
    void put(Vcon vcon);

    /**
     * Stores several vCons as {@link #put} would, in order. Adapters override it to write them in one
     * transaction or round trip (bulk ingest); when it returns, every one of them is stored.
     */
    default void putAll(List<Vcon> vcons) {
        for (Vcon vcon : vcons) {
            put(vcon);
        }
    }

    /** Removes the vCon and its index entries; true when there was a live one to remove (not an expired one). */
    boolean delete(String uuid);

    /** True when a live (not expired) vCon with this uuid is stored. */
    boolean exists(String uuid);

    /**
     * Sets the time to live of a stored vCon: after {@code ttl} it behaves as deleted. A zero ttl
     * removes any time to live. Returns false when no such vCon exists.
     */
    boolean expire(String uuid, Duration ttl);

    /** The time to live still left, or empty when the vCon is absent or has none. */
    Optional<Duration> ttl(String uuid);

    /** The uuids of live vCons whose {@code created_at} is in the query's range, newest first, paged. */
    List<String> list(VconListQuery query);

    /**
     * The uuids of live vCons that have a party matching every term of the query (exact matches; see
     * {@link PartySearch}), each once, in no particular order.
     */
    List<String> search(PartySearch search);

    /** How many live vCons are stored. */
    long count();
}
