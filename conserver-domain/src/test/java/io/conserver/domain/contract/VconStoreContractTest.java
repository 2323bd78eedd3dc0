package io.conserver.domain.contract;

import static io.conserver.domain.fixtures.VconFixtures.changed;
import static io.conserver.domain.fixtures.VconFixtures.createdAt;
import static io.conserver.domain.fixtures.VconFixtures.mailto;
import static io.conserver.domain.fixtures.VconFixtures.named;
import static io.conserver.domain.fixtures.VconFixtures.party;
import static io.conserver.domain.fixtures.VconFixtures.tel;
import static io.conserver.domain.fixtures.VconFixtures.uniqueMailto;
import static io.conserver.domain.fixtures.VconFixtures.uniqueName;
import static io.conserver.domain.fixtures.VconFixtures.uniqueTel;
import static io.conserver.domain.fixtures.VconFixtures.vcon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.conserver.domain.port.out.PartySearch;
import io.conserver.domain.port.out.VconListQuery;
import io.conserver.domain.port.out.VconStore;
import io.conserver.domain.vcon.Extras;
import io.conserver.domain.vcon.Party;
import io.conserver.domain.vcon.Vcon;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link VconStore} adapter must show. An adapter's test extends this class and
 * returns a fresh, empty store from {@link #newStore()}; {@link #closeStore} releases it afterwards.
 * Time-to-live tests use real time (a few hundred milliseconds), since adapters keep their own clocks.
 */
public abstract class VconStoreContractTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Duration SHORT_TTL = Duration.ofMillis(300);

    protected VconStore store;

    /** A new store holding no vCons. */
    protected abstract VconStore newStore();

    /** Releases what {@link #newStore()} opened. */
    protected void closeStore(VconStore store) throws Exception {
    }

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void releaseStore() throws Exception {
        closeStore(store);
    }

    @Test
    void getOfAnUnknownUuidIsEmpty() {
        assertThat(store.get(vcon().uuid())).isEmpty();
        assertThat(store.exists(vcon().uuid())).isFalse();
    }

    @Test
    void putThenGetReturnsTheSameVcon() {
        Vcon v = vcon(party(uniqueTel(), uniqueMailto(), uniqueName()));
        store.put(v);
        assertThat(store.get(v.uuid())).contains(v);
        assertThat(store.exists(v.uuid())).isTrue();
    }

    @Test
    void putAllStoresAndIndexesEveryVcon() {
        String tel = uniqueTel();
        Vcon first = vcon(party(tel, uniqueMailto(), uniqueName()));
        Vcon second = vcon(party(tel, uniqueMailto(), uniqueName()));
        Vcon replaced = vcon(party(uniqueTel(), uniqueMailto(), uniqueName()));
        store.put(replaced);
        Vcon replacement = changed(replaced, "replaced in a batch", party(tel, uniqueMailto(), uniqueName()));

        store.putAll(java.util.List.of(first, second, replacement));

        assertThat(store.get(first.uuid())).contains(first);
        assertThat(store.get(second.uuid())).contains(second);
        assertThat(store.get(replaced.uuid())).contains(replacement);
        assertThat(store.search(io.conserver.domain.port.out.PartySearch.byTel(tel)))
                .containsExactlyInAnyOrder(first.uuid(), second.uuid(), replacement.uuid());
    }

    @Test
    void putKeepsEveryFieldIncludingUnknownOnes() {
        Party odd = Party.builder().tel(uniqueTel()).name("Zoë Ünïcode ☎").org("Acme")
                .extra("role", JsonNodeFactory.instance.textNode("agent")).build();
        Vcon v = vcon(odd).toBuilder().subject("a subject with \"quotes\" and \n newline")
                .extras(Extras.of(Map.of("meta", JsonNodeFactory.instance.objectNode().put("n", 1)))).build();
        store.put(v);
        assertThat(store.get(v.uuid())).contains(v);
    }

    @Test
    void putReplacesTheStoredCopy() {
        Vcon v = vcon(tel(uniqueTel()));
        store.put(v);
        Vcon newer = changed(v, "second version", tel(uniqueTel()));
        store.put(newer);
        assertThat(store.get(v.uuid())).contains(newer);
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void vconsAreKeptApart() {
        Vcon a = vcon(tel(uniqueTel()));
        Vcon b = vcon(tel(uniqueTel()));
        store.put(a);
        store.put(b);
        assertThat(store.get(a.uuid())).contains(a);
        assertThat(store.get(b.uuid())).contains(b);
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void deleteRemovesTheVconAndSaysWhetherThereWasOne() {
        Vcon v = vcon();
        store.put(v);
        assertThat(store.delete(v.uuid())).isTrue();
        assertThat(store.get(v.uuid())).isEmpty();
        assertThat(store.exists(v.uuid())).isFalse();
        assertThat(store.delete(v.uuid())).isFalse();
        assertThat(store.count()).isZero();
    }

    @Test
    void deleteRemovesTheIndexEntries() {
        String number = uniqueTel();
        Vcon v = createdAt(T0, tel(number));
        store.put(v);
        store.delete(v.uuid());
        assertThat(store.search(PartySearch.byTel(number))).isEmpty();
        assertThat(store.list(VconListQuery.newest(10))).isEmpty();
    }

    @Test
    void countCountsLiveVcons() {
        assertThat(store.count()).isZero();
        for (int i = 0; i < 5; i++) {
            store.put(vcon());
        }
        assertThat(store.count()).isEqualTo(5);
    }

    @Test
    void getAllReturnsTheFoundVconsInTheOrderAskedWithoutTheMissingOnes() {
        Vcon a = vcon();
        Vcon b = vcon();
        Vcon c = vcon();
        List.of(a, b, c).forEach(store::put);
        String missing = vcon().uuid();
        Map<String, Vcon> found = store.getAll(List.of(c.uuid(), missing, a.uuid(), b.uuid()));
        assertThat(found.keySet()).containsExactly(c.uuid(), a.uuid(), b.uuid());
        assertThat(found.values()).containsExactly(c, a, b);
    }

    @Test
    void getAllOfNothingOrOfUnknownUuidsIsEmpty() {
        assertThat(store.getAll(List.of())).isEmpty();
        assertThat(store.getAll(List.of(vcon().uuid(), vcon().uuid()))).isEmpty();
    }

    @Test
    void getAllCopesWithManyUuids() {
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            Vcon v = vcon();
            if (i % 2 == 0) {
                store.put(v);
            }
            asked.add(v.uuid());
        }
        Map<String, Vcon> found = store.getAll(asked);
        assertThat(found).hasSize(600);
        assertThat(found.keySet()).containsExactlyElementsOf(asked.stream().filter(found::containsKey).toList());
    }

    @Test
    void ttlIsEmptyForAVconWithoutOneAndForAnAbsentVcon() {
        Vcon v = vcon();
        store.put(v);
        assertThat(store.ttl(v.uuid())).isEmpty();
        assertThat(store.ttl(vcon().uuid())).isEmpty();
    }

    @Test
    void expireOfAnAbsentVconIsFalse() {
        assertThat(store.expire(vcon().uuid(), Duration.ofMinutes(1))).isFalse();
    }

    @Test
    void ttlReportsWhatIsLeft() {
        Vcon v = vcon();
        store.put(v);
        assertThat(store.expire(v.uuid(), Duration.ofMinutes(1))).isTrue();
        Optional<Duration> left = store.ttl(v.uuid());
        assertThat(left).isPresent();
        assertThat(left.get()).isLessThanOrEqualTo(Duration.ofMinutes(1)).isGreaterThan(Duration.ofSeconds(50));
    }

    @Test
    void anElapsedTtlMakesTheVconInvisibleEverywhere() {
        String number = uniqueTel();
        Vcon v = createdAt(T0, tel(number));
        Vcon survivor = createdAt(T0.plusSeconds(1));
        store.put(v);
        store.put(survivor);
        assertThat(store.expire(v.uuid(), SHORT_TTL)).isTrue();
        await().atMost(Duration.ofSeconds(3)).until(() -> store.get(v.uuid()).isEmpty());
        assertThat(store.exists(v.uuid())).isFalse();
        assertThat(store.getAll(List.of(v.uuid(), survivor.uuid()))).containsOnlyKeys(survivor.uuid());
        assertThat(store.list(VconListQuery.newest(10))).containsExactly(survivor.uuid());
        assertThat(store.search(PartySearch.byTel(number))).isEmpty();
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.ttl(v.uuid())).isEmpty();
        assertThat(store.expire(v.uuid(), Duration.ofMinutes(1))).isFalse();
        assertThat(store.delete(v.uuid())).isFalse();
    }

    @Test
    void aVconCanBeStoredAgainAfterItExpired() {
        Vcon v = vcon(tel(uniqueTel()));
        store.put(v);
        store.expire(v.uuid(), SHORT_TTL);
        await().atMost(Duration.ofSeconds(3)).until(() -> !store.exists(v.uuid()));
        store.put(v);
        assertThat(store.get(v.uuid())).contains(v);
        assertThat(store.search(PartySearch.byTel(v.parties().get(0).tel()))).containsExactly(v.uuid());
    }

    @Test
    void aZeroTtlRemovesTheTimeToLive() throws InterruptedException {
        Vcon v = vcon();
        store.put(v);
        store.expire(v.uuid(), SHORT_TTL);
        assertThat(store.expire(v.uuid(), Duration.ZERO)).isTrue();
        assertThat(store.ttl(v.uuid())).isEmpty();
        Thread.sleep(SHORT_TTL.multipliedBy(2).toMillis());
        assertThat(store.get(v.uuid())).contains(v);
    }

    @Test
    void putReplacingClearsTheTtl() throws InterruptedException {
        Vcon v = vcon();
        store.put(v);
        store.expire(v.uuid(), SHORT_TTL);
        Vcon newer = changed(v, "rewritten");
        store.put(newer);
        assertThat(store.ttl(v.uuid())).isEmpty();
        Thread.sleep(SHORT_TTL.multipliedBy(2).toMillis());
        assertThat(store.get(v.uuid())).contains(newer);
    }

    @Test
    void listIsNewestFirst() {
        Vcon oldest = createdAt(T0);
        Vcon middle = createdAt(T0.plusSeconds(60));
        Vcon newest = createdAt(T0.plusSeconds(120));
        List.of(middle, newest, oldest).forEach(store::put);
        assertThat(store.list(VconListQuery.newest(10))).containsExactly(newest.uuid(), middle.uuid(), oldest.uuid());
    }

    @Test
    void listPagesWithOffsetAndLimit() {
        List<String> newestFirst = putOnePerMinute(7);
        assertThat(store.list(page(0, 3))).containsExactlyElementsOf(newestFirst.subList(0, 3));
        assertThat(store.list(page(3, 3))).containsExactlyElementsOf(newestFirst.subList(3, 6));
        assertThat(store.list(page(6, 3))).containsExactlyElementsOf(newestFirst.subList(6, 7));
        assertThat(store.list(page(7, 3))).isEmpty();
    }

    @Test
    void listSinceIsInclusiveAndUntilIsExclusive() {
        List<String> newestFirst = putOnePerMinute(5); // created at T0, T0+1m, ... T0+4m
        Instant since = T0.plusSeconds(60);
        Instant until = T0.plusSeconds(180);
        assertThat(store.list(range(Optional.of(since), Optional.empty())))
                .containsExactlyElementsOf(newestFirst.subList(0, 4));
        assertThat(store.list(range(Optional.empty(), Optional.of(until))))
                .containsExactlyElementsOf(newestFirst.subList(2, 5));
        assertThat(store.list(range(Optional.of(since), Optional.of(until))))
                .containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(store.list(VconListQuery.createdBefore(T0, 10))).isEmpty();
    }

    @Test
    void listCombinesBoundsAndPaging() {
        List<String> newestFirst = putOnePerMinute(10);
        VconListQuery query = new VconListQuery(Optional.of(T0.plusSeconds(120)), Optional.of(T0.plusSeconds(540)), 2, 3);
        // In range: T0+2m .. T0+8m, newest first, which are positions 1..7 of newestFirst.
        assertThat(store.list(query)).containsExactlyElementsOf(newestFirst.subList(3, 6));
    }

    @Test
    void putReplacingReindexesCreationTime() {
        Vcon v = createdAt(T0);
        store.put(v);
        Instant later = T0.plus(Duration.ofDays(2));
        store.put(v.toBuilder().createdAt(createdAt(later).createdAt()).build());
        assertThat(store.list(VconListQuery.createdBefore(T0.plus(Duration.ofDays(1)), 10))).isEmpty();
        assertThat(store.list(range(Optional.of(later), Optional.empty()))).containsExactly(v.uuid());
    }

    @Test
    void searchFindsByTelMailtoAndName() {
        String number = uniqueTel();
        String address = uniqueMailto();
        String name = uniqueName();
        Vcon byTel = vcon(tel(number));
        Vcon byMail = vcon(mailto(address));
        Vcon byName = vcon(named(name));
        List.of(byTel, byMail, byName).forEach(store::put);
        assertThat(store.search(PartySearch.byTel(number))).containsExactly(byTel.uuid());
        assertThat(store.search(PartySearch.byMailto(address))).containsExactly(byMail.uuid());
        assertThat(store.search(PartySearch.byName(name))).containsExactly(byName.uuid());
    }

    @Test
    void searchFindsEveryVconWithTheParty() {
        String number = uniqueTel();
        Vcon first = vcon(tel(number), tel(uniqueTel()));
        Vcon second = vcon(tel(uniqueTel()), tel(number));
        Vcon other = vcon(tel(uniqueTel()));
        List.of(first, second, other).forEach(store::put);
        assertThat(store.search(PartySearch.byTel(number))).containsExactlyInAnyOrder(first.uuid(), second.uuid());
    }

    @Test
    void searchAndsItsTerms() {
        String number = uniqueTel();
        String address = uniqueMailto();
        Vcon both = vcon(party(number, address, null));
        Vcon telOnly = vcon(tel(number));
        Vcon mailOnly = vcon(mailto(address));
        List.of(both, telOnly, mailOnly).forEach(store::put);
        PartySearch search = new PartySearch(Optional.of(number), Optional.of(address), Optional.empty());
        assertThat(store.search(search)).containsExactly(both.uuid());
    }

    @Test
    void searchTermsMayBeMatchedByDifferentPartiesOfOneVcon() {
        String number = uniqueTel();
        String name = uniqueName();
        Vcon v = vcon(tel(number), named(name));
        store.put(v);
        PartySearch search = new PartySearch(Optional.of(number), Optional.empty(), Optional.of(name));
        assertThat(store.search(search)).containsExactly(v.uuid());
    }

    @Test
    void searchMatchesExactly() {
        String name = uniqueName();
        String number = uniqueTel();
        store.put(vcon(party(number, null, name)));
        assertThat(store.search(PartySearch.byName(name.toLowerCase()))).isEmpty();
        assertThat(store.search(PartySearch.byName(name.substring(0, name.length() - 1)))).isEmpty();
        assertThat(store.search(PartySearch.byTel(number + "0"))).isEmpty();
        assertThat(store.search(PartySearch.byMailto(number))).isEmpty();
    }

    @Test
    void searchReturnsAVconOnceWhenSeveralPartiesMatch() {
        String number = uniqueTel();
        Vcon v = vcon(tel(number), tel(number), party(number, null, "twice"));
        store.put(v);
        assertThat(store.search(PartySearch.byTel(number))).containsExactly(v.uuid());
    }

    @Test
    void putReplacingReindexesParties() {
        String oldNumber = uniqueTel();
        String newNumber = uniqueTel();
        Vcon v = vcon(tel(oldNumber));
        store.put(v);
        store.put(changed(v, "moved", tel(newNumber)));
        assertThat(store.search(PartySearch.byTel(oldNumber))).isEmpty();
        assertThat(store.search(PartySearch.byTel(newNumber))).containsExactly(v.uuid());
    }

    @Test
    void concurrentPutsOfDifferentVconsAreAllKept() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Vcon>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> putMany(50)));
            }
            List<Vcon> all = new ArrayList<>();
            for (Future<List<Vcon>> result : results) {
                all.addAll(result.get());
            }
            assertThat(store.count()).isEqualTo(200);
            assertThat(store.getAll(all.stream().map(Vcon::uuid).toList())).hasSize(200);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Vcon> putMany(int n) {
        List<Vcon> put = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Vcon v = vcon(tel(uniqueTel()));
            store.put(v);
            put.add(v);
        }
        return put;
    }

    /** Stores {@code n} vCons created a minute apart from {@link #T0}; returns their uuids newest first. */
    private List<String> putOnePerMinute(int n) {
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Vcon v = createdAt(T0.plusSeconds(60L * i));
            store.put(v);
            newestFirst.add(0, v.uuid());
        }
        return newestFirst;
    }

    private static VconListQuery page(int offset, int limit) {
        return new VconListQuery(Optional.empty(), Optional.empty(), offset, limit);
    }

    private static VconListQuery range(Optional<Instant> since, Optional<Instant> until) {
        return new VconListQuery(since, until, 0, 100);
    }
}
