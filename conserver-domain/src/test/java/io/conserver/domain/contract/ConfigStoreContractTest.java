package io.conserver.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conserver.domain.port.out.ConfigKind;
import io.conserver.domain.port.out.ConfigSnapshot;
import io.conserver.domain.port.out.ConfigStore;
import io.conserver.domain.port.out.Subscription;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ConfigStore} adapter must show: versioned puts and removes, atomic
 * replacement, consistent snapshots and change notification. An adapter's test returns a fresh,
 * never-written store from {@link #newStore()}.
 */
public abstract class ConfigStoreContractTest {
    private static final Duration NOTICE = Duration.ofSeconds(2);

    protected ConfigStore store;

    /** A new store that has never been written (version 0). */
    protected abstract ConfigStore newStore();

    /** Releases what {@link #newStore()} opened. */
    protected void closeStore(ConfigStore store) throws Exception {
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
    void aNewStoreIsEmptyAtVersionZero() {
        assertThat(store.version()).isZero();
        ConfigSnapshot snapshot = store.snapshot();
        assertThat(snapshot.version()).isZero();
        for (ConfigKind kind : ConfigKind.values()) {
            assertThat(snapshot.of(kind)).isEmpty();
        }
        assertThat(store.get(ConfigKind.LINK, "tagger")).isEmpty();
    }

    @Test
    void putStoresTheDocumentAndRaisesTheVersion() {
        ObjectNode tagger = doc("tag", "a");
        long version = store.put(ConfigKind.LINK, "tagger", tagger);
        assertThat(version).isPositive();
        assertThat(store.version()).isEqualTo(version);
        assertThat(store.get(ConfigKind.LINK, "tagger")).contains(tagger);
        assertThat(store.get(ConfigKind.STORAGE, "tagger")).isEmpty();
    }

    @Test
    void putReplacesAnEntryAndEveryChangeRaisesTheVersion() {
        long first = store.put(ConfigKind.LINK, "tagger", doc("tag", "a"));
        long second = store.put(ConfigKind.LINK, "tagger", doc("tag", "b"));
        assertThat(second).isGreaterThan(first);
        assertThat(store.get(ConfigKind.LINK, "tagger")).contains(doc("tag", "b"));
        assertThat(store.snapshot().of(ConfigKind.LINK)).hasSize(1);
    }

    @Test
    void theStoreKeepsCopiesOfDocuments() {
        ObjectNode given = doc("tag", "a");
        store.put(ConfigKind.LINK, "tagger", given);
        given.put("type", "changed after put");
        store.get(ConfigKind.LINK, "tagger").orElseThrow().put("type", "changed after get");
        assertThat(store.get(ConfigKind.LINK, "tagger")).contains(doc("tag", "a"));
    }

    @Test
    void removeDeletesTheEntryAndRaisesTheVersion() {
        long put = store.put(ConfigKind.STORAGE, "s3", doc("s3", "bucket"));
        long removed = store.remove(ConfigKind.STORAGE, "s3");
        assertThat(removed).isGreaterThan(put);
        assertThat(store.get(ConfigKind.STORAGE, "s3")).isEmpty();
        assertThat(store.version()).isEqualTo(removed);
    }

    @Test
    void removingNothingLeavesTheVersionAlone() {
        long put = store.put(ConfigKind.STORAGE, "s3", doc("s3", "bucket"));
        assertThat(store.remove(ConfigKind.STORAGE, "missing")).isEqualTo(put);
        assertThat(store.remove(ConfigKind.LINK, "s3")).isEqualTo(put);
        assertThat(store.version()).isEqualTo(put);
    }

    @Test
    void snapshotHoldsEveryKindInStoredOrderAtTheCurrentVersion() {
        store.put(ConfigKind.LINK, "zeta", doc("tag", "z"));
        store.put(ConfigKind.LINK, "alpha", doc("tag", "a"));
        store.put(ConfigKind.CHAIN, "main", doc("chain", "main"));
        store.put(ConfigKind.SOURCE, "poll", doc("http", "poll"));
        long version = store.put(ConfigKind.STORAGE, "files", doc("file", "/tmp"));
        ConfigSnapshot snapshot = store.snapshot();
        assertThat(snapshot.version()).isEqualTo(version);
        assertThat(snapshot.of(ConfigKind.LINK).keySet()).containsExactly("zeta", "alpha");
        assertThat(snapshot.get(ConfigKind.CHAIN, "main")).contains(doc("chain", "main"));
        assertThat(snapshot.get(ConfigKind.SOURCE, "poll")).contains(doc("http", "poll"));
        assertThat(snapshot.get(ConfigKind.STORAGE, "files")).contains(doc("file", "/tmp"));
    }

    @Test
    void replaceAllReplacesEverythingAndRemovesKindsNotGiven() {
        store.put(ConfigKind.LINK, "old", doc("tag", "old"));
        long before = store.put(ConfigKind.STORAGE, "files", doc("file", "/tmp"));
        long after = store.replaceAll(Map.of(ConfigKind.LINK, ordered("b", "a"), ConfigKind.CHAIN, ordered("main")));
        assertThat(after).isGreaterThan(before);
        ConfigSnapshot snapshot = store.snapshot();
        assertThat(snapshot.version()).isEqualTo(after);
        assertThat(snapshot.of(ConfigKind.LINK).keySet()).containsExactly("b", "a");
        assertThat(snapshot.of(ConfigKind.CHAIN)).containsOnlyKeys("main");
        assertThat(snapshot.of(ConfigKind.STORAGE)).isEmpty();
        assertThat(store.get(ConfigKind.LINK, "old")).isEmpty();
    }

    @Test
    void replaceAllWithNothingEmptiesTheStore() {
        store.put(ConfigKind.LINK, "old", doc("tag", "old"));
        store.replaceAll(Map.of());
        for (ConfigKind kind : ConfigKind.values()) {
            assertThat(store.snapshot().of(kind)).isEmpty();
        }
        assertThat(store.version()).isPositive();
    }

    @Test
    void readersNeverSeeHalfAReplacement() throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<String> torn = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 100 && torn.get() == null; i++) {
                store.replaceAll(generation(i % 2 == 0 ? "even" : "odd"));
            }
            running.set(false);
        });
        writer.start();
        while (running.get() && torn.get() == null) {
            checkOneGeneration(store.snapshot(), torn);
        }
        writer.join();
        assertThat(torn.get()).as("a snapshot mixed two configurations").isNull();
    }

    @Test
    void listenersHearOfEveryChangeWithTheNewVersion() {
        List<Long> heard = new CopyOnWriteArrayList<>();
        try (Subscription ignored = store.onChange(heard::add)) {
            long version = store.put(ConfigKind.LINK, "tagger", doc("tag", "a"));
            await().atMost(NOTICE).until(() -> heard.contains(version));
            long replaced = store.replaceAll(Map.of(ConfigKind.CHAIN, ordered("main")));
            await().atMost(NOTICE).until(() -> heard.contains(replaced));
            long removed = store.remove(ConfigKind.CHAIN, "main");
            await().atMost(NOTICE).until(() -> heard.contains(removed));
        }
    }

    @Test
    void aClosedSubscriptionHearsNothingMore() throws InterruptedException {
        List<Long> heard = new CopyOnWriteArrayList<>();
        List<Long> other = new CopyOnWriteArrayList<>();
        Subscription subscription = store.onChange(heard::add);
        try (Subscription still = store.onChange(other::add)) {
            long first = store.put(ConfigKind.LINK, "tagger", doc("tag", "a"));
            await().atMost(NOTICE).until(() -> heard.contains(first));
            subscription.close();
            subscription.close();
            int before = heard.size();
            long second = store.put(ConfigKind.LINK, "tagger", doc("tag", "b"));
            await().atMost(NOTICE).until(() -> other.contains(second));
            Thread.sleep(300);
            assertThat(heard).hasSize(before).doesNotContain(second);
        }
    }

    private static void checkOneGeneration(ConfigSnapshot snapshot, AtomicReference<String> torn) {
        java.util.Set<String> markers = new java.util.HashSet<>();
        int entries = 0;
        for (ConfigKind kind : ConfigKind.values()) {
            for (ObjectNode doc : snapshot.of(kind).values()) {
                markers.add(doc.path("options").path("value").asText());
                entries++;
            }
        }
        if (markers.size() > 1 || (entries != 0 && entries != 8)) {
            torn.set(snapshot.entries().toString());
        }
    }

    private static Map<ConfigKind, Map<String, ObjectNode>> generation(String marker) {
        Map<ConfigKind, Map<String, ObjectNode>> entries = new EnumMap<>(ConfigKind.class);
        for (ConfigKind kind : ConfigKind.values()) {
            entries.put(kind, Map.of("first", doc("x", marker), "second", doc("y", marker)));
        }
        return entries;
    }

    private static Map<String, ObjectNode> ordered(String... names) {
        Map<String, ObjectNode> entries = new LinkedHashMap<>();
        for (String name : names) {
            entries.put(name, doc("tag", name));
        }
        return entries;
    }

    /** A plugin entry {@code {type, options: {value}}}. */
    protected static ObjectNode doc(String type, String value) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode().put("type", type);
        doc.putObject("options").put("value", value).putArray("list").add(1).add("two");
        return doc;
    }
}
