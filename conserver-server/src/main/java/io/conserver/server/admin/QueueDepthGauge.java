package io.conserver.server.admin;

import com.codahale.metrics.CachedGauge;
import io.conserver.domain.port.out.WorkQueue;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** The depth of every list, read at most once a second however often metrics are scraped. */
public final class QueueDepthGauge extends CachedGauge<Map<String, Long>> {
    private final WorkQueue queue;

    public QueueDepthGauge(WorkQueue queue) {
        super(1, TimeUnit.SECONDS);
        this.queue = queue;
    }

    @Override
    protected Map<String, Long> loadValue() {
        try {
            return new TreeMap<>(queue.lists());
        } catch (RuntimeException e) {
            // A store outage shows as an empty gauge; the health check reports the outage itself.
            return Map.of();
        }
    }
}
