package io.conserver.app.runtime;

import io.conserver.domain.link.LinkFactory;
import io.conserver.domain.port.out.StorageFactory;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The link and storage factories this process knows, keyed by type name. Filled explicitly by the
 * wiring (never by classpath scanning), so the set of plugins is visible in one place.
 */
public final class Plugins {
    private final Map<String, LinkFactory<?>> links = new TreeMap<>();
    private final Map<String, StorageFactory<?>> storages = new TreeMap<>();

    public Plugins(Collection<? extends LinkFactory<?>> linkFactories, Collection<? extends StorageFactory<?>> storageFactories) {
        linkFactories.forEach(f -> register(links, f.type(), f));
        storageFactories.forEach(f -> register(storages, f.type(), f));
    }

    public Optional<LinkFactory<?>> link(String type) {
        return Optional.ofNullable(links.get(type));
    }

    public Optional<StorageFactory<?>> storage(String type) {
        return Optional.ofNullable(storages.get(type));
    }

    public SortedSet<String> linkTypes() {
        return new TreeSet<>(links.keySet());
    }

    public SortedSet<String> storageTypes() {
        return new TreeSet<>(storages.keySet());
    }

    private static <F> void register(Map<String, F> into, String type, F factory) {
        if (into.putIfAbsent(type, factory) != null) {
            throw new IllegalArgumentException("two plugins claim the type name '" + type + "'");
        }
    }
}
