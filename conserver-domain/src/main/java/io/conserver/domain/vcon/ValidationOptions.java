package io.conserver.domain.vcon;

import java.util.Objects;
import java.util.Set;

/**
 * Settings for reading and validating vCons.
 *
 * @param mode                 strict or lenient, see {@link ValidationMode}
 * @param supportedExtensions  extension names this deployment understands; a name in a vCon's
 *                             {@code critical} list outside this set is an error (draft §9)
 * @param maxBytes             the largest document accepted, after decompression; larger input
 *                             fails cleanly with {@link InvalidVconException} instead of exhausting memory
 */
public record ValidationOptions(ValidationMode mode, Set<String> supportedExtensions, long maxBytes) {
    /** 64 MiB: far above any vCon with inline media we expect, far below what hurts the heap. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    public ValidationOptions {
        Objects.requireNonNull(mode, "mode");
        supportedExtensions = Set.copyOf(supportedExtensions);
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
    }

    public static ValidationOptions lenient() {
        return new ValidationOptions(ValidationMode.LENIENT, Set.of(), DEFAULT_MAX_BYTES);
    }

    public static ValidationOptions strict() {
        return new ValidationOptions(ValidationMode.STRICT, Set.of(), DEFAULT_MAX_BYTES);
    }

    public ValidationOptions withMode(ValidationMode newMode) {
        return new ValidationOptions(newMode, supportedExtensions, maxBytes);
    }

    public ValidationOptions withSupportedExtensions(Set<String> names) {
        return new ValidationOptions(mode, names, maxBytes);
    }

    public ValidationOptions withMaxBytes(long limit) {
        return new ValidationOptions(mode, supportedExtensions, limit);
    }

    public boolean isStrict() {
        return mode == ValidationMode.STRICT;
    }
}
