package io.conserver.app.runtime;

import io.conserver.domain.error.RetriableException;
import io.conserver.domain.port.out.Storage;
import io.conserver.domain.port.out.StorageFactory;
import io.conserver.domain.vcon.Vcon;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A storage type "memory" whose saves land in a map the test reads, and which can be made to fail. */
final class TestStorages implements StorageFactory<TestStorages.Options> {
    final Map<String, Map<String, Vcon>> saved = new ConcurrentHashMap<>();
    final AtomicBoolean down = new AtomicBoolean();
    final AtomicInteger attempts = new AtomicInteger();

    record Options() { }

    Map<String, Vcon> in(String storage) {
        return saved.computeIfAbsent(storage, k -> new ConcurrentHashMap<>());
    }

    @Override
    public String type() {
        return "memory";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public Storage create(String name, Options options) {
        return new Storage() {
            @Override
            public void save(Vcon vcon) {
                attempts.incrementAndGet();
                if (down.get()) {
                    throw new RetriableException("storage " + name + " is down (test)");
                }
                in(name).put(vcon.uuid(), vcon);
            }

            @Override
            public Optional<Vcon> get(String uuid) {
                return Optional.ofNullable(in(name).get(uuid));
            }

            @Override
            public boolean delete(String uuid) {
                return in(name).remove(uuid) != null;
            }
        };
    }
}
