package io.conserver.app.runtime;

import io.conserver.domain.port.out.PartySearch;
import io.conserver.domain.port.out.VconListQuery;
import io.conserver.domain.port.out.VconStore;
import io.conserver.domain.vcon.Vcon;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A real store behind a counter of vCon reads and writes, to hold the engine to one of each per run. */
final class CountingVconStore implements VconStore {
    private final VconStore delegate;
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();

    CountingVconStore(VconStore delegate) {
        this.delegate = delegate;
    }

    int reads() {
        return reads.get();
    }

    int writes() {
        return writes.get();
    }

    void reset() {
        reads.set(0);
        writes.set(0);
    }

    @Override
    public Optional<Vcon> get(String uuid) {
        reads.incrementAndGet();
        return delegate.get(uuid);
    }

    @Override
    public Map<String, Vcon> getAll(Collection<String> uuids) {
        reads.incrementAndGet();
        return delegate.getAll(uuids);
    }

    @Override
    public void put(Vcon vcon) {
        writes.incrementAndGet();
        delegate.put(vcon);
    }

    @Override
    public boolean delete(String uuid) {
        return delegate.delete(uuid);
    }

    @Override
    public boolean exists(String uuid) {
        return delegate.exists(uuid);
    }

    @Override
    public boolean expire(String uuid, Duration ttl) {
        return delegate.expire(uuid, ttl);
    }

    @Override
    public Optional<Duration> ttl(String uuid) {
        return delegate.ttl(uuid);
    }

    @Override
    public List<String> list(VconListQuery query) {
        return delegate.list(query);
    }

    @Override
    public List<String> search(PartySearch search) {
        return delegate.search(search);
    }

    @Override
    public long count() {
        return delegate.count();
    }
}
