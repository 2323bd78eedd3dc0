package io.conserver.domain.contract;

import io.conserver.domain.fixtures.InMemoryConfigStore;
import io.conserver.domain.fixtures.InMemoryEventBus;
import io.conserver.domain.fixtures.InMemoryProcessingHistory;
import io.conserver.domain.fixtures.InMemoryStorage;
import io.conserver.domain.fixtures.InMemoryVconStore;
import io.conserver.domain.fixtures.InMemoryWorkQueue;
import io.conserver.domain.port.out.ChainEvent;
import io.conserver.domain.port.out.ConfigStore;
import io.conserver.domain.port.out.EventBus;
import io.conserver.domain.port.out.HistoryEntry;
import io.conserver.domain.port.out.Lease;
import io.conserver.domain.port.out.PartySearch;
import io.conserver.domain.port.out.ProcessingHistory;
import io.conserver.domain.port.out.Storage;
import io.conserver.domain.port.out.Subscription;
import io.conserver.domain.port.out.VconStore;
import io.conserver.domain.port.out.WorkQueue;
import io.conserver.domain.vcon.Vcon;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Contract suites bound to adapters with one deliberate bug each, for
 * {@link ContractSuitesCatchBrokenAdaptersTest}. The bugs are made by forwarding to the in-memory
 * fakes through {@link Proxy} and changing one method. Not named {@code *Test}, so only the test kit
 * runs these.
 */
final class BrokenAdapters {
    private BrokenAdapters() {
    }

    /** An instance of {@code port} that forwards to {@code real} except for the methods in {@code replacements}. */
    @SuppressWarnings("unchecked")
    static <T> T forwarding(Class<T> port, T real, Map<String, Replacement<T>> replacements) {
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            Replacement<T> replacement = replacements.get(method.getName());
            return replacement != null ? replacement.call(real, args) : method.invoke(real, args);
        });
    }

    /** A replacement for one port method, given the real adapter and the call's arguments. */
    @FunctionalInterface
    interface Replacement<T> {
        Object call(T real, Object[] args) throws Exception;
    }

    static class StoreIgnoringTtl extends VconStoreContractTest {
        @Override
        protected VconStore newStore() {
            return forwarding(VconStore.class, new InMemoryVconStore(),
                    Map.of("expire", (real, args) -> real.exists((String) args[0])));
        }
    }

    static class StoreOringSearchTerms extends VconStoreContractTest {
        @Override
        protected VconStore newStore() {
            return forwarding(VconStore.class, new InMemoryVconStore(), Map.of("search", (real, args) -> {
                PartySearch search = (PartySearch) args[0];
                List<String> found = new ArrayList<>();
                search.tel().ifPresent(t -> found.addAll(real.search(PartySearch.byTel(t))));
                search.mailto().ifPresent(m -> found.addAll(real.search(PartySearch.byMailto(m))));
                search.name().ifPresent(n -> found.addAll(real.search(PartySearch.byName(n))));
                return found.stream().distinct().toList();
            }));
        }
    }

    static class StoreKeepingOldIndexes extends VconStoreContractTest {
        @Override
        protected VconStore newStore() {
            List<Vcon> everPut = new ArrayList<>();
            return forwarding(VconStore.class, new InMemoryVconStore(), Map.of(
                    "put", (real, args) -> {
                        everPut.add((Vcon) args[0]);
                        real.put((Vcon) args[0]);
                        return null;
                    },
                    "search", (real, args) -> everPut.stream()
                            .filter(v -> real.exists(v.uuid()) && v.parties().stream()
                                    .anyMatch(p -> ((PartySearch) args[0]).tel().orElseThrow().equals(p.tel())))
                            .map(Vcon::uuid).distinct().toList()));
        }
    }

    static class QueueReleasingToTheTail extends WorkQueueContractTest {
        @Override
        protected WorkQueue newQueue() {
            return forwarding(WorkQueue.class, new InMemoryWorkQueue(), Map.of("release", (real, args) -> {
                Lease lease = (Lease) args[0];
                boolean held = real.ack(lease);
                real.push(lease.list(), lease.id());
                return held;
            }));
        }
    }

    static class QueueThatNeverWaits extends WorkQueueContractTest {
        @Override
        protected WorkQueue newQueue() {
            return forwarding(WorkQueue.class, new InMemoryWorkQueue(), Map.of("take",
                    (real, args) -> real.take((String) args[0], (Duration) args[1], Duration.ZERO)));
        }
    }

    static class QueueRequeueingToTheTail extends WorkQueueContractTest {
        @Override
        protected WorkQueue newQueue() {
            return forwarding(WorkQueue.class, new InMemoryWorkQueue(), Map.of("requeueExpired", (real, args) -> {
                int requeued = real.requeueExpired();
                for (String list : real.lists().keySet()) {
                    real.move(list, list, requeued);
                }
                return requeued;
            }));
        }
    }

    static class ConfigStoreThatNeverCalls extends ConfigStoreContractTest {
        @Override
        protected ConfigStore newStore() {
            Subscription nothing = () -> { };
            return forwarding(ConfigStore.class, new InMemoryConfigStore(), Map.of("onChange", (real, args) -> nothing));
        }
    }

    static class BusIgnoringChannels extends EventBusContractTest {
        @Override
        @SuppressWarnings("unchecked")
        protected EventBus newBus() {
            return forwarding(EventBus.class, new InMemoryEventBus(), Map.of(
                    "publish", (real, args) -> {
                        real.publish("all", (ChainEvent) args[1]);
                        return null;
                    },
                    "subscribe", (real, args) -> real.subscribe("all", (Consumer<ChainEvent>) args[1])));
        }
    }

    static class HistoryNewestFirst extends ProcessingHistoryContractTest {
        @Override
        protected ProcessingHistory newHistory() {
            return forwarding(ProcessingHistory.class, new InMemoryProcessingHistory(), Map.of("read", (real, args) -> {
                List<HistoryEntry> all = new ArrayList<>(real.read((String) args[0]));
                Collections.reverse(all);
                return all;
            }));
        }
    }

    static class StorageKeepingTheFirstSave extends StorageContractTest {
        @Override
        protected Storage newStorage() {
            return forwarding(Storage.class, new InMemoryStorage(), Map.of("save", (real, args) -> {
                Vcon v = (Vcon) args[0];
                Optional<Vcon> kept = real.get(v.uuid());
                if (kept.isEmpty()) {
                    real.save(v);
                }
                return null;
            }));
        }
    }
}
