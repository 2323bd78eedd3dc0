package io.conserver.server.admin;

import com.codahale.metrics.MetricRegistry;
import io.conserver.app.runtime.RunListener;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Turns the engine's run notifications into Dropwizard metrics: a timer per chain, link and storage,
 * and a meter per outcome. Names carry their labels in brackets ({@code conserver.link[chain=a,link=b]})
 * so the Prometheus page can turn them into labels.
 */
public final class MetricsRunListener implements RunListener {
    private final MetricRegistry metrics;

    public MetricsRunListener(MetricRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public void linkFinished(String chain, String link, String outcome, Duration took) {
        metrics.timer(MetricNames.tagged("conserver.link.seconds", "chain", chain, "link", link))
                .update(took.toNanos(), TimeUnit.NANOSECONDS);
        metrics.meter(MetricNames.tagged("conserver.link.outcomes", "chain", chain, "link", link, "outcome", outcome)).mark();
    }

    @Override
    public void storageFinished(String chain, String storage, String outcome, Duration took) {
        metrics.timer(MetricNames.tagged("conserver.storage.seconds", "chain", chain, "storage", storage))
                .update(took.toNanos(), TimeUnit.NANOSECONDS);
        metrics.meter(MetricNames.tagged("conserver.storage.outcomes", "chain", chain, "storage", storage, "outcome", outcome)).mark();
        if ("dead_letter".equals(outcome)) {
            metrics.meter(MetricNames.tagged("conserver.dead_letters", "chain", chain, "stage", "storage:" + storage)).mark();
        }
    }

    @Override
    public void chainFinished(String chain, String outcome, Duration took) {
        metrics.timer(MetricNames.tagged("conserver.chain.seconds", "chain", chain)).update(took.toNanos(), TimeUnit.NANOSECONDS);
        metrics.meter(MetricNames.tagged("conserver.chain.outcomes", "chain", chain, "outcome", outcome)).mark();
        // A run ends in "error" only after its retries are spent and its id is on the dead-letter list.
        if ("error".equals(outcome)) {
            metrics.meter(MetricNames.tagged("conserver.dead_letters", "chain", chain, "stage", "chain")).mark();
        }
    }
}
