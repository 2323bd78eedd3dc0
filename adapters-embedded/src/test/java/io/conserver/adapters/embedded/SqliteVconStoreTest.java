package io.conserver.adapters.embedded;

import static io.conserver.domain.fixtures.VconFixtures.tel;
import static io.conserver.domain.fixtures.VconFixtures.uniqueTel;
import static io.conserver.domain.fixtures.VconFixtures.vcon;
import static org.assertj.core.api.Assertions.assertThat;

import io.conserver.domain.contract.VconStoreContractTest;
import io.conserver.domain.port.out.PartySearch;
import io.conserver.domain.port.out.VconStore;
import io.conserver.domain.vcon.Vcon;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteVconStoreTest extends VconStoreContractTest {
    @TempDir
    Path dataDirectory;
    private EmbeddedDatabase db;

    @Override
    protected VconStore newStore() {
        db = EmbeddedDatabase.open(dataDirectory);
        return new SqliteVconStore(db);
    }

    @Override
    protected void closeStore(VconStore store) {
        db.close();
    }

    @Test
    void vconsAndIndexesSurviveReopeningTheFile() {
        Vcon v = vcon(tel(uniqueTel()));
        store.put(v);
        db.close();
        db = EmbeddedDatabase.open(dataDirectory);
        VconStore reopened = new SqliteVconStore(db);
        assertThat(reopened.get(v.uuid())).contains(v);
        assertThat(reopened.search(PartySearch.byTel(v.parties().get(0).tel()))).containsExactly(v.uuid());
    }

    @Test
    void expiredRowsArePurgedByALaterWrite() {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        VconStore timed = new SqliteVconStore(db, clock);
        Vcon v = vcon(tel(uniqueTel()));
        timed.put(v);
        timed.expire(v.uuid(), Duration.ofSeconds(1));
        clock.advance(Duration.ofMinutes(2));
        timed.put(vcon());
        assertThat(rows("SELECT COUNT(*) FROM vcons WHERE uuid = '" + v.uuid() + "'")).isZero();
        assertThat(rows("SELECT COUNT(*) FROM vcon_parties WHERE uuid = '" + v.uuid() + "'")).isZero();
    }

    private long rows(String sql) {
        return db.read(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
