package io.conserver.domain.vcon;

import java.util.Objects;

/**
 * One finding about a vCon document.
 *
 * @param path     where it is, as a JSON path from the vCon's root, e.g. {@code dialog[2].parties[0]};
 *                 the root itself is {@code $}
 * @param severity whether it rejects the vCon ({@link Severity#ERROR}) or is only reported
 * @param message  a plain sentence a person can act on
 */
public record Problem(String path, Severity severity, String message) {
    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(String path, String message) {
        return new Problem(path, Severity.ERROR, message);
    }

    public static Problem warning(String path, String message) {
        return new Problem(path, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code dialog[2].parties[0]: error: index 7 is out of range (3 parties)}. */
    @Override
    public String toString() {
        return path + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
