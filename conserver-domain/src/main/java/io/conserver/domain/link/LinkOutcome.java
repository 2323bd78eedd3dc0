package io.conserver.domain.link;

import io.conserver.domain.vcon.Vcon;
import java.util.List;
import java.util.Objects;

/**
 * What a link decided. Never null: a link that wants to stop says {@link Halt} with a reason.
 */
public sealed interface LinkOutcome {

    /** Go on to the next link with this vCon (unchanged when it is the one the link was given). */
    record Continue(Vcon vcon) implements LinkOutcome {
        public Continue {
            Objects.requireNonNull(vcon, "vcon is null; use LinkOutcome.unchanged() to continue without loading");
        }
    }

    /** Go on to the next link without having loaded or changed the vCon. */
    record Unchanged() implements LinkOutcome {
    }

    /** Stop here: no further links, no storage, no egress. The vCon's earlier changes are still stored. */
    record Halt(String reason) implements LinkOutcome {
        public Halt {
            Objects.requireNonNull(reason, "reason is null");
        }
    }

    /**
     * New vCons to store and push to their lists, then {@code then} (a {@link Continue},
     * {@link Unchanged} or {@link Halt}) for the vCon being processed.
     */
    record Emit(List<EmittedVcon> emitted, LinkOutcome then) implements LinkOutcome {
        public Emit {
            emitted = List.copyOf(emitted);
            Objects.requireNonNull(then, "then is null");
            if (then instanceof Emit || then instanceof HandOff) {
                throw new IllegalArgumentException("an emit must be followed by continue, unchanged or halt");
            }
        }
    }

    /**
     * Store the vCon and push its id to {@code list} for an outside worker. The chain resumes at the
     * next link when the id comes back on the chain's resume list.
     */
    record HandOff(String list, Vcon vcon) implements LinkOutcome {
        public HandOff {
            Objects.requireNonNull(list, "list is null");
        }
    }

    static LinkOutcome proceed(Vcon vcon) {
        return new Continue(vcon);
    }

    static LinkOutcome unchanged() {
        return new Unchanged();
    }

    static LinkOutcome halt(String reason) {
        return new Halt(reason);
    }
}
