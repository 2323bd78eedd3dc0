package io.conserver.domain.error;

/**
 * What kind of failure a {@link ConserverException} reports. The server maps each category to
 * one HTTP status, so callers learn whether to fix their input, retry, or call an operator.
 */
public enum ErrorCategory {
    /** The caller sent something malformed or invalid; fixing the input is the remedy (400/422). */
    INVALID_INPUT(422),
    /** The named thing does not exist (404). */
    NOT_FOUND(404),
    /** The input is larger than a configured limit (413). */
    TOO_LARGE(413),
    /** A dependency is unavailable for now; the same request may succeed later (503). */
    UNAVAILABLE(503),
    /** An operation ran past its deadline (504). */
    TIMEOUT(504),
    /** A bug or an invariant broken inside the conserver (500). */
    INTERNAL(500);

    private final int httpStatus;

    ErrorCategory(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The HTTP status the REST API answers with for this category. */
    public int httpStatus() {
        return httpStatus;
    }
}
