package io.conserver.app.link;

import io.conserver.domain.error.ConserverException;
import io.conserver.domain.error.ErrorCategory;

/**
 * A link met a vCon it cannot process, and processing it again would fail the same way: the vCon
 * is invalid, a jq filter cannot be evaluated over it. The category is
 * {@link ErrorCategory#INVALID_INPUT}, not {@link ErrorCategory#UNAVAILABLE}, so the runtime
 * dead-letters the vCon at once instead of spending its retry budget; only a
 * {@link io.conserver.domain.error.RetriableException} (or a failure outside the conserver's
 * hierarchy) is worth retrying.
 */
public final class LinkFailedException extends ConserverException {
    private static final long serialVersionUID = 1L;

    public LinkFailedException(String message) {
        super(ErrorCategory.INVALID_INPUT, message);
    }

    public LinkFailedException(String message, Throwable cause) {
        super(ErrorCategory.INVALID_INPUT, message, cause);
    }
}
