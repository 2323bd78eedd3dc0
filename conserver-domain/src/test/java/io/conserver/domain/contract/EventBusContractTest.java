package io.conserver.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.conserver.domain.port.out.ChainEvent;
import io.conserver.domain.port.out.EventBus;
import io.conserver.domain.port.out.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link EventBus} adapter must show: subscribers hear the events of their own
 * channel from the moment they subscribe until they close, and a slow subscriber never holds up a
 * publisher. An adapter's test returns a fresh bus from {@link #newBus()}.
 */
public abstract class EventBusContractTest {
    private static final Duration DELIVERY = Duration.ofSeconds(2);
    private static final Duration QUIET = Duration.ofMillis(300);

    protected EventBus bus;

    /** A new bus with no subscribers. */
    protected abstract EventBus newBus();

    /** Releases what {@link #newBus()} opened. */
    protected void closeBus(EventBus bus) throws Exception {
    }

    @BeforeEach
    void openBus() {
        bus = newBus();
    }

    @AfterEach
    void releaseBus() throws Exception {
        closeBus(bus);
    }

    @Test
    void aSubscriberHearsEventsOfItsChannel() {
        List<ChainEvent> heard = new CopyOnWriteArrayList<>();
        try (Subscription ignored = bus.subscribe(EventBus.GLOBAL_CHANNEL, heard::add)) {
            ChainEvent first = event("a", Optional.of("tagger"));
            ChainEvent second = event("b", Optional.empty());
            bus.publish(EventBus.GLOBAL_CHANNEL, first);
            bus.publish(EventBus.GLOBAL_CHANNEL, second);
            await().atMost(DELIVERY).until(() -> heard.size() == 2);
            assertThat(heard).containsExactlyInAnyOrder(first, second);
        }
    }

    @Test
    void aSubscriberHearsNothingOfOtherChannels() throws InterruptedException {
        List<ChainEvent> main = new CopyOnWriteArrayList<>();
        List<ChainEvent> other = new CopyOnWriteArrayList<>();
        try (Subscription a = bus.subscribe(EventBus.chainChannel("main"), main::add);
             Subscription b = bus.subscribe(EventBus.chainChannel("other"), other::add)) {
            ChainEvent event = event("a", Optional.empty());
            bus.publish(EventBus.chainChannel("main"), event);
            await().atMost(DELIVERY).until(() -> main.contains(event));
            Thread.sleep(QUIET.toMillis());
            assertThat(other).isEmpty();
            assertThat(main).containsExactly(event);
        }
    }

    @Test
    void everySubscriberOfAChannelHearsEachEvent() {
        List<ChainEvent> first = new CopyOnWriteArrayList<>();
        List<ChainEvent> second = new CopyOnWriteArrayList<>();
        try (Subscription a = bus.subscribe("events", first::add);
             Subscription b = bus.subscribe("events", second::add)) {
            ChainEvent event = event("a", Optional.empty());
            bus.publish("events", event);
            await().atMost(DELIVERY).until(() -> first.contains(event) && second.contains(event));
            assertThat(first).hasSize(1);
            assertThat(second).hasSize(1);
        }
    }

    @Test
    void aClosedSubscriptionHearsNothingMore() throws InterruptedException {
        List<ChainEvent> closed = new CopyOnWriteArrayList<>();
        List<ChainEvent> open = new CopyOnWriteArrayList<>();
        Subscription subscription = bus.subscribe("events", closed::add);
        try (Subscription still = bus.subscribe("events", open::add)) {
            subscription.close();
            subscription.close();
            ChainEvent event = event("a", Optional.empty());
            bus.publish("events", event);
            await().atMost(DELIVERY).until(() -> open.contains(event));
            Thread.sleep(QUIET.toMillis());
            assertThat(closed).isEmpty();
        }
    }

    @Test
    void publishingWithoutSubscribersIsHarmless() {
        bus.publish("nobody-listens", event("a", Optional.empty()));
    }

    @Test
    void aSlowSubscriberNeverHoldsUpThePublisherOrOthers() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        List<ChainEvent> fast = new CopyOnWriteArrayList<>();
        try (Subscription slow = bus.subscribe("events", e -> awaitQuietly(release));
             Subscription quick = bus.subscribe("events", fast::add)) {
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                bus.publish("events", event("e" + i, Optional.empty()));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            await().atMost(DELIVERY).until(() -> fast.size() == 20);
        } finally {
            release.countDown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ChainEvent event(String uuid, Optional<String> link) {
        return new ChainEvent(uuid, "main", link, "continue", Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
