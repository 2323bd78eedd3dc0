package io.conserver.domain.contract;

import static io.conserver.domain.fixtures.VconFixtures.changed;
import static io.conserver.domain.fixtures.VconFixtures.party;
import static io.conserver.domain.fixtures.VconFixtures.tel;
import static io.conserver.domain.fixtures.VconFixtures.uniqueMailto;
import static io.conserver.domain.fixtures.VconFixtures.uniqueName;
import static io.conserver.domain.fixtures.VconFixtures.uniqueTel;
import static io.conserver.domain.fixtures.VconFixtures.vcon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.conserver.domain.port.out.Storage;
import io.conserver.domain.vcon.Vcon;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Storage} must show: saves keyed by uuid, idempotent, the latest copy
 * winning, deletes that say whether there was something to delete. Storages that cannot read back
 * (webhooks, say) turn {@link #readsBack()} off and only the write side is checked.
 */
public abstract class StorageContractTest {
    protected Storage storage;

    /** A new storage holding no vCons. */
    protected abstract Storage newStorage();

    /** Releases what {@link #newStorage()} opened; closes the storage by default. */
    protected void closeStorage(Storage storage) throws Exception {
        storage.close();
    }

    /** Whether {@link Storage#get} and {@link Storage#delete} report what is stored. */
    protected boolean readsBack() {
        return true;
    }

    @BeforeEach
    void openStorage() {
        storage = newStorage();
    }

    @AfterEach
    void releaseStorage() throws Exception {
        closeStorage(storage);
    }

    @Test
    void aHealthyStoragePassesItsHealthCheck() {
        storage.checkHealth();
    }

    @Test
    void getOfAnUnknownUuidIsEmpty() {
        assertThat(storage.get(vcon().uuid())).isEmpty();
    }

    @Test
    void saveThenGetReturnsTheSameVcon() {
        Vcon v = vcon(party(uniqueTel(), uniqueMailto(), uniqueName()));
        storage.save(v);
        assumeThat(readsBack()).isTrue();
        assertThat(storage.get(v.uuid())).contains(v);
    }

    @Test
    void savingTwiceKeepsOneCopyTheLatest() {
        Vcon v = vcon(tel(uniqueTel()));
        Vcon newer = changed(v, "second", tel(uniqueTel()));
        storage.save(v);
        storage.save(newer);
        assumeThat(readsBack()).isTrue();
        assertThat(storage.get(v.uuid())).contains(newer);
        assertThat(storage.delete(v.uuid())).isTrue();
        assertThat(storage.get(v.uuid())).isEmpty();
    }

    @Test
    void savingTheSameVconAgainIsHarmless() {
        Vcon v = vcon(tel(uniqueTel()));
        storage.save(v);
        storage.save(v);
        assumeThat(readsBack()).isTrue();
        assertThat(storage.get(v.uuid())).contains(v);
    }

    @Test
    void deleteRemovesTheCopyAndIsIdempotent() {
        Vcon v = vcon();
        Vcon other = vcon();
        storage.save(v);
        storage.save(other);
        assumeThat(readsBack()).isTrue();
        assertThat(storage.delete(v.uuid())).isTrue();
        assertThat(storage.get(v.uuid())).isEmpty();
        assertThat(storage.delete(v.uuid())).isFalse();
        assertThat(storage.get(other.uuid())).contains(other);
    }

    @Test
    void deleteOfAnUnknownUuidIsFalse() {
        assumeThat(readsBack()).isTrue();
        assertThat(storage.delete(vcon().uuid())).isFalse();
    }

    @Test
    void concurrentSavesAreAllKept() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Vcon> saved = new ArrayList<>();
        try {
            List<Future<List<Vcon>>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                writers.add(pool.submit(() -> saveMany(10)));
            }
            for (Future<List<Vcon>> writer : writers) {
                saved.addAll(writer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assumeThat(readsBack()).isTrue();
        for (Vcon v : saved) {
            assertThat(storage.get(v.uuid())).contains(v);
        }
    }

    private List<Vcon> saveMany(int n) {
        List<Vcon> saved = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Vcon v = vcon(tel(uniqueTel()));
            storage.save(v);
            saved.add(v);
        }
        return saved;
    }
}
