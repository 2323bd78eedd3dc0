package io.conserver.domain.link;

import java.time.Clock;
import java.time.Duration;

/**
 * Where a link runs and the deferred effects it may ask for. Effects are applied by the runtime only
 * after the run's changes to the vCon are stored, and are dropped if the link fails, so a retried
 * link does not repeat them.
 */
public interface LinkContext {

    /** The name of the chain running the link. */
    String chain();

    /** The instance name of the link in the configuration. */
    String link();

    /** The clock to read time from, so tests can fix it. */
    Clock clock();

    /** Pushes this vCon's id to the tail of {@code list} once the run's changes are stored. */
    void pushAfterWrite(String list);

    /** Gives this vCon a time to live in the store once the run's changes are stored. */
    void expireAfterWrite(Duration ttl);
}
