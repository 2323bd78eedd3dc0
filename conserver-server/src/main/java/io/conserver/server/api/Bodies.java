package io.conserver.server.api;

import io.conserver.domain.error.ErrorCategory;
import io.conserver.app.usecase.RequestRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads request bodies with a size limit, so a huge body costs the server at most the limit. */
public final class Bodies {
    private Bodies() {
    }

    /** The body, or a 413 naming the limit if it is longer than {@code limit} bytes. */
    public static byte[] read(InputStream in, long limit, String what) {
        if (in == null) {
            throw RequestRefusedException.invalid(what + ": the request has no body");
        }
        // One byte past the limit is enough to know the body is too long; readNBytes grows its buffer
        // as the bytes arrive, so a small body costs a small buffer however high the limit.
        byte[] body;
        try {
            body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
        if (body.length > limit) {
            throw new RequestRefusedException(ErrorCategory.TOO_LARGE,
                    what + " is larger than the limit of " + limit + " bytes");
        }
        if (body.length == 0) {
            throw RequestRefusedException.invalid(what + ": the request body is empty");
        }
        return body;
    }
}
