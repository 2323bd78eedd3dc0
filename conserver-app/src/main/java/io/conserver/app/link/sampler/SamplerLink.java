package io.conserver.app.link.sampler;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.conserver.app.config.CheckOptionRules;
import io.conserver.app.config.OptionRules;
import io.conserver.domain.link.Link;
import io.conserver.domain.link.LinkContext;
import io.conserver.domain.link.LinkInput;
import io.conserver.domain.link.LinkOutcome;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps a sample of the vCons and halts the chain for the rest ({@code "sampled out"}). It decides
 * from the uuid and the clock alone and never loads the vCon. The methods, as in the reference
 * sampler:
 * <ul>
 *   <li>{@code percentage}: keeps each vCon with probability {@code value}/100.
 *   <li>{@code rate}: keeps each vCon with probability 1 − e<sup>−1/value</sup>, the reference's
 *       "exponential draw with mean {@code value} is at most 1": about one vCon in {@code value}
 *       for large values (one in 50.5 for 50), 63% for 1.
 *   <li>{@code modulo}: keeps a vCon when the first four bytes of the SHA-256 of its uuid, read as
 *       an unsigned number, are divisible by {@code value}: about one in {@code value}, always the
 *       same vCons, the same ones the reference keeps. The seed plays no part.
 *   <li>{@code time_based}: keeps every vCon processed during a second whose Unix time (from the
 *       link context's clock) is divisible by {@code value}, and drops the others.
 * </ul>
 * For {@code percentage} and {@code rate}, the draw is random unless a {@code seed} is given; with
 * a seed it is a hash of the seed and the uuid, so each vCon gets the same verdict on every run.
 */
public final class SamplerLink implements Link {
    private static final String SAMPLED_OUT = "sampled out";

    private final Method method;
    private final double value;
    private final Long seed;

    SamplerLink(Options options) {
        this.method = options.method();
        this.value = options.value();
        this.seed = options.seed();
    }

    @Override
    public LinkOutcome apply(LinkInput input, LinkContext context) {
        return keeps(input.uuid(), context.clock().instant().getEpochSecond())
                ? LinkOutcome.unchanged() : LinkOutcome.halt(SAMPLED_OUT);
    }

    private boolean keeps(String uuid, long epochSecond) {
        return switch (method) {
            case PERCENTAGE -> draw(uuid) < value / 100;
            case RATE -> draw(uuid) < -Math.expm1(-1 / value);
            case MODULO -> Integer.toUnsignedLong(ByteBuffer.wrap(sha256(uuid)).getInt()) % (long) value == 0;
            case TIME_BASED -> Math.floorMod(epochSecond, (long) value) == 0;
        };
    }

    /** A number in [0, 1): random, or fixed by the seed and the uuid. */
    private double draw(String uuid) {
        if (seed == null) {
            return ThreadLocalRandom.current().nextDouble();
        }
        long bits = ByteBuffer.wrap(sha256(seed + ":" + uuid)).getLong();
        return (bits >>> 11) * 0x1.0p-53;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** How the sample is chosen; see {@link SamplerLink}. */
    public enum Method {
        @JsonProperty("percentage") PERCENTAGE,
        @JsonProperty("rate") RATE,
        @JsonProperty("modulo") MODULO,
        @JsonProperty("time_based") TIME_BASED
    }

    /**
     * @param method how to sample (default {@code percentage})
     * @param value  the percentage to keep (0–100), the mean of the rate draw (&gt; 0), or the
     *               divisor for {@code modulo} and {@code time_based} (a whole number ≥ 1); default 50
     * @param seed   makes {@code percentage} and {@code rate} deterministic per uuid; absent by default
     */
    @CheckOptionRules
    public record Options(Method method, Double value, Long seed) implements OptionRules {
        public Options {
            method = method == null ? Method.PERCENTAGE : method;
            value = value == null ? 50.0 : value;
        }

        @Override
        public Map<String, String> ruleViolations() {
            String problem = switch (method) {
                case PERCENTAGE -> value >= 0 && value <= 100 ? null : "must be between 0 and 100 for percentage";
                case RATE -> value > 0 && value < Double.POSITIVE_INFINITY ? null : "must be greater than 0 for rate";
                case MODULO, TIME_BASED -> value >= 1 && value == Math.rint(value) && value <= Long.MAX_VALUE ? null
                        : "must be a whole number of at least 1 for " + method.name().toLowerCase(java.util.Locale.ROOT);
            };
            return problem == null ? Map.of() : Map.of("value", problem + ", was " + value);
        }
    }
}
