package io.conserver.domain.port.out;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The running configuration: chains, links, storages and sources stored as JSON documents under
 * {@code chains:{name}}, {@code link:{name}}, {@code storage:{name}} and {@code source:{name}}, with a
 * version number that grows on every change. The file is loaded here at start; workers read it from
 * here, so a change made through the API (or by another instance sharing the store) takes effect
 * without a restart.
 *
 * <p>Implementations are thread-safe. Validation is the caller's job: the store keeps what it is given.
 */
public interface ConfigStore {

    /** The current version; 0 for a store that has never been written. */
    long version();

    /** Every entry at the current version, read consistently. */
    ConfigSnapshot snapshot();

    /** One entry, or empty when there is none of that kind and name. */
    Optional<ObjectNode> get(ConfigKind kind, String name);

    /** Stores or replaces one entry and returns the new version. */
    long put(ConfigKind kind, String name, ObjectNode document);

    /** Removes one entry and returns the new version (unchanged when there was nothing to remove). */
    long remove(ConfigKind kind, String name);

    /**
     * Replaces the whole configuration in one atomic step (entries of a kind not given are removed)
     * and returns the new version. Readers see either the old configuration or the new one, never a mix.
     */
    long replaceAll(Map<ConfigKind, Map<String, ObjectNode>> entries);

    /**
     * Calls {@code listener} with the new version after every change, including changes made by other
     * processes sharing the store (within about a second). Versions arrive in increasing order; changes
     * made in quick succession may be reported once, with the latest version. Listeners must be quick
     * and must not throw.
     */
    Subscription onChange(LongConsumer listener);
}
