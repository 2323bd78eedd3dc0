package io.conserver.domain.error;

/**
 * Root of the conserver's single unchecked error hierarchy. Every failure that crosses a port or
 * reaches the API is one of these, so one exception mapper in the server can answer all of them.
 * Messages say what went wrong and, where it helps, what to do about it; they never carry secrets.
 */
public abstract class ConserverException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCategory category;

    protected ConserverException(ErrorCategory category, String message) {
        super(message);
        this.category = category;
    }

    protected ConserverException(ErrorCategory category, String message, Throwable cause) {
        super(message, cause);
        this.category = category;
    }

    /** The kind of failure, which decides the HTTP status and whether a retry can help. */
    public ErrorCategory category() {
        return category;
    }
}
