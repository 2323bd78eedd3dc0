package io.conserver.domain.error;

/**
 * A failure that may go away by itself: a store or storage that is unreachable, a timeout, a vendor
 * answering 5xx. The runtime retries these with backoff before it gives up and dead-letters the work.
 */
public class RetriableException extends ConserverException {
    private static final long serialVersionUID = 1L;

    public RetriableException(String message) {
        super(ErrorCategory.UNAVAILABLE, message);
    }

    public RetriableException(String message, Throwable cause) {
        super(ErrorCategory.UNAVAILABLE, message, cause);
    }
}
