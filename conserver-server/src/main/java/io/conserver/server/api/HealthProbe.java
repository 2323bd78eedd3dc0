package io.conserver.server.api;

import io.conserver.app.runtime.ConserverEngine;
import io.conserver.app.runtime.RuntimeParts;
import io.conserver.domain.port.out.Storage;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the working store and every configured storage. Each check answers empty when healthy,
 * or the failure's message, which only the admin port shows.
 */
public final class HealthProbe {
    private static final String NO_SUCH_VCON = "00000000-0000-0000-0000-000000000000";

    private final RuntimeParts parts;
    private final ConserverEngine engine;

    @Inject
    public HealthProbe(RuntimeParts parts, ConserverEngine engine) {
        this.parts = parts;
        this.engine = engine;
    }

    /** Each check by name ({@code store}, {@code storage:<name>}) with its failure, if any. */
    public Map<String, Optional<String>> check() {
        Map<String, Optional<String>> checks = new LinkedHashMap<>();
        checks.put("store", probe(() -> {
            parts.store().exists(NO_SUCH_VCON);
            parts.queue().length("conserver:health");
            parts.config().version();
        }));
        for (Map.Entry<String, Storage> storage : engine.storages().entrySet()) {
            checks.put("storage:" + storage.getKey(), probe(storage.getValue()::checkHealth));
        }
        return checks;
    }

    private static Optional<String> probe(Runnable check) {
        try {
            check.run();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
