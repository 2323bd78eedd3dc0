package io.conserver.server.admin;

import com.codahale.metrics.health.HealthCheck;
import io.conserver.server.api.HealthProbe;
import java.util.Map;
import java.util.Optional;

/** The admin port's health check: the same probes as {@code /api/health}, with each failure's message. */
public final class ProbeHealthCheck extends HealthCheck {
    private final HealthProbe probe;

    public ProbeHealthCheck(HealthProbe probe) {
        this.probe = probe;
    }

    @Override
    protected Result check() {
        Map<String, Optional<String>> checks = probe.check();
        ResultBuilder result = checks.values().stream().allMatch(Optional::isEmpty) ? Result.builder().healthy()
                : Result.builder().unhealthy();
        checks.forEach((name, failure) -> result.withDetail(name, failure.orElse("ok")));
        return result.build();
    }
}
