package io.conserver.app.link.expire;

import io.conserver.app.config.CheckOptionRules;
import io.conserver.app.config.OptionRules;
import io.conserver.domain.link.Link;
import io.conserver.domain.link.LinkContext;
import io.conserver.domain.link.LinkInput;
import io.conserver.domain.link.LinkOutcome;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Map;

/**
 * Gives the vCon a time to live in the working store, applied once the run's changes are stored,
 * and lets it go on unchanged. It never loads the vCon.
 */
public final class ExpireLink implements Link {
    private final Duration ttl;

    ExpireLink(Options options) {
        this.ttl = options.timeToLive();
    }

    @Override
    public LinkOutcome apply(LinkInput input, LinkContext context) {
        context.expireAfterWrite(ttl);
        return LinkOutcome.unchanged();
    }

    /** The time to live this link sets. */
    public Duration ttl() {
        return ttl;
    }

    /**
     * Give one of the two, not both.
     *
     * @param seconds the time to live in seconds, as in the reference (default 86400, one day)
     * @param ttl     the time to live as a duration ({@code 30m}, {@code 7d}, {@code PT12H}), at least 1s
     */
    @CheckOptionRules
    public record Options(@Positive Long seconds, Duration ttl) implements OptionRules {
        /** One day, the reference's default. */
        public static final long DEFAULT_SECONDS = 86_400;

        public Options {
            seconds = seconds == null && ttl == null ? Long.valueOf(DEFAULT_SECONDS) : seconds;
        }

        /** The time to live these options give. */
        public Duration timeToLive() {
            return ttl != null ? ttl : Duration.ofSeconds(seconds);
        }

        @Override
        public Map<String, String> ruleViolations() {
            if (seconds != null && ttl != null) {
                return Map.of("ttl", "give either seconds or ttl, not both");
            }
            return ttl != null && ttl.compareTo(Duration.ofSeconds(1)) < 0
                    ? Map.of("ttl", "must be at least 1s, was " + ttl) : Map.of();
        }
    }
}
