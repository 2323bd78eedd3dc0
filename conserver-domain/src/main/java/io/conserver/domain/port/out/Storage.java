package io.conserver.domain.port.out;

import io.conserver.domain.vcon.Vcon;
import java.util.Optional;

/**
 * An outside system a chain projects its vCons into after the last link (files, S3, PostgreSQL,
 * webhooks). One instance serves every chain that names it, from many threads at once.
 *
 * <p>{@link #save} is idempotent and keyed by uuid: saving the same vCon twice leaves one copy, the
 * latest. Outages raise {@link io.conserver.domain.error.RetriableException}; the runtime retries and,
 * if that is not enough, records a storage dead letter to replay later.
 */
public interface Storage extends AutoCloseable {

    /** Stores or replaces the vCon under its uuid. */
    void save(Vcon vcon);

    /** The stored copy, or empty when there is none; storages that cannot read back answer empty. */
    Optional<Vcon> get(String uuid);

    /** Removes the stored copy; true when there was one. */
    boolean delete(String uuid);

    /** Checks the outside system is reachable, throwing a {@link io.conserver.domain.error.RetriableException} when not. */
    default void checkHealth() {
    }

    /** Releases what the storage holds (clients are closed by whoever built them). */
    @Override
    default void close() {
    }
}
