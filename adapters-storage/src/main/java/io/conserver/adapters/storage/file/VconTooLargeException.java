package io.conserver.adapters.storage.file;

import io.conserver.domain.error.ConserverException;
import io.conserver.domain.error.ErrorCategory;

/** A vCon is bigger than the storage accepts; retrying cannot help, slimming the vCon or raising the limit can. */
public final class VconTooLargeException extends ConserverException {
    private static final long serialVersionUID = 1L;

    public VconTooLargeException(String message) {
        super(ErrorCategory.TOO_LARGE, message);
    }
}
