package io.conserver.server.api;

import io.conserver.app.usecase.RequestRefusedException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Parses request parameters with messages that name the parameter and say what is allowed. */
public final class Params {
    private Params() {
    }

    public static String uuid(String name, String value) {
        try {
            if (value == null || value.length() != 36) {
                throw new IllegalArgumentException();
            }
            UUID.fromString(value);
            return value.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw RequestRefusedException.invalid(name + ": '" + clip(value) + "' is not a UUID");
        }
    }

    public static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw RequestRefusedException.invalid(name + " is required");
        }
        return value;
    }

    public static int intIn(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw RequestRefusedException.invalid(name + " must be between " + min + " and " + max + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw RequestRefusedException.invalid(name + ": '" + clip(value) + "' is not a whole number");
        }
    }

    public static Optional<Instant> instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.trim()).toInstant());
        } catch (DateTimeParseException e) {
            throw RequestRefusedException.invalid(name + ": '" + clip(value) + "' is not an RFC 3339 time such as 2026-01-31T12:00:00Z");
        }
    }

    /** Repeated parameters, each of which may also hold a comma-separated list. */
    public static List<String> list(List<String> values) {
        List<String> all = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        all.add(part.trim());
                    }
                }
            }
        }
        return all;
    }

    static String clip(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }
}
