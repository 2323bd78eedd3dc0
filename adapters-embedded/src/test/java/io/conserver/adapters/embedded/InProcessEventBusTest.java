package io.conserver.adapters.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.conserver.domain.contract.EventBusContractTest;
import io.conserver.domain.port.out.ChainEvent;
import io.conserver.domain.port.out.EventBus;
import io.conserver.domain.port.out.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class InProcessEventBusTest extends EventBusContractTest {
    @Override
    protected EventBus newBus() {
        return new InProcessEventBus();
    }

    @Override
    protected void closeBus(EventBus bus) {
        ((InProcessEventBus) bus).close();
    }

    @Test
    void eachSubscriberHearsEventsInPublishingOrder() {
        List<String> heard = new CopyOnWriteArrayList<>();
        List<String> published = new ArrayList<>();
        try (Subscription ignored = bus.subscribe("events", e -> heard.add(e.uuid()))) {
            for (int i = 0; i < 500; i++) {
                published.add("v" + i);
                bus.publish("events", new ChainEvent("v" + i, "main", Optional.empty(), "done", Instant.now()));
            }
            await().atMost(Duration.ofSeconds(2)).until(() -> heard.size() == 500);
            assertThat(heard).containsExactlyElementsOf(published);
        }
    }

    @Test
    void aFailingSubscriberKeepsHearingLaterEvents() {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (Subscription ignored = bus.subscribe("events", e -> {
            heard.add(e.uuid());
            throw new IllegalStateException("listener bug");
        })) {
            bus.publish("events", new ChainEvent("a", "main", Optional.empty(), "done", Instant.now()));
            bus.publish("events", new ChainEvent("b", "main", Optional.empty(), "done", Instant.now()));
            await().atMost(Duration.ofSeconds(2)).until(() -> heard.size() == 2);
        }
    }
}
