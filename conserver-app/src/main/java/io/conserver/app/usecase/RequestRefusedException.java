package io.conserver.app.usecase;

import io.conserver.domain.error.ConserverException;
import io.conserver.domain.error.ErrorCategory;

/**
 * A request a use case will not carry out as asked: an unknown list, a uuid that does not match,
 * a missing vCon. The category decides the HTTP status; the message names what to fix.
 */
public final class RequestRefusedException extends ConserverException {
    private static final long serialVersionUID = 1L;

    public RequestRefusedException(ErrorCategory category, String message) {
        super(category, message);
    }

    public static RequestRefusedException notFound(String message) {
        return new RequestRefusedException(ErrorCategory.NOT_FOUND, message);
    }

    public static RequestRefusedException invalid(String message) {
        return new RequestRefusedException(ErrorCategory.INVALID_INPUT, message);
    }
}
