package io.conserver.app.runtime;

import io.conserver.domain.link.LinkContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** The context of one attempt of one link; its effects count only if the attempt succeeds. */
final class AttemptContext implements LinkContext {
    private final String chain;
    private final String link;
    private final Clock clock;
    private final RunEffects effects = new RunEffects();

    AttemptContext(String chain, String link, Clock clock) {
        this.chain = chain;
        this.link = link;
        this.clock = clock;
    }

    @Override
    public String chain() {
        return chain;
    }

    @Override
    public String link() {
        return link;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void pushAfterWrite(String list) {
        effects.push(Objects.requireNonNull(list, "list is null"));
    }

    @Override
    public void expireAfterWrite(Duration ttl) {
        effects.expire(Objects.requireNonNull(ttl, "ttl is null"));
    }

    RunEffects effects() {
        return effects;
    }
}
