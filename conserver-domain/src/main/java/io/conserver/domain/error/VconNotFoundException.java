package io.conserver.domain.error;

/** No vCon with the given uuid is in the store (it was never stored, was deleted or has expired). */
public final class VconNotFoundException extends ConserverException {
    private static final long serialVersionUID = 1L;

    public VconNotFoundException(String uuid) {
        super(ErrorCategory.NOT_FOUND, "no vCon with uuid " + uuid + " is in the store");
    }
}
