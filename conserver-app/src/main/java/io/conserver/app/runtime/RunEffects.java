package io.conserver.app.runtime;

import io.conserver.domain.link.EmittedVcon;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What a run's links asked for besides changing the vCon, applied once the vCon is stored. */
final class RunEffects {
    private final Set<String> pushes = new LinkedHashSet<>();
    private final List<EmittedVcon> emitted = new ArrayList<>();
    private Optional<Duration> ttl = Optional.empty();

    void push(String list) {
        pushes.add(list);
    }

    void expire(Duration duration) {
        ttl = Optional.of(duration);
    }

    void emit(List<EmittedVcon> vcons) {
        emitted.addAll(vcons);
    }

    /** Keeps what a successful link attempt asked for; a failed attempt's buffer is simply dropped. */
    void absorb(RunEffects attempt) {
        pushes.addAll(attempt.pushes);
        emitted.addAll(attempt.emitted);
        attempt.ttl.ifPresent(this::expire);
    }

    Set<String> pushes() {
        return pushes;
    }

    List<EmittedVcon> emitted() {
        return emitted;
    }

    Optional<Duration> ttl() {
        return ttl;
    }
}
