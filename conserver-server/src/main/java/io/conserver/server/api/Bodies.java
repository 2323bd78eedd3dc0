package io.conserver.server.api;

import io.conserver.domain.error.ErrorCategory;
import io.conserver.app.usecase.RequestRefusedException;
import java.io.ByteArrayOutputStream;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[16384];
        long total = 0;
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > limit) {
                    throw new RequestRefusedException(ErrorCategory.TOO_LARGE,
                            what + " is larger than the limit of " + limit + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
        if (total == 0) {
            throw RequestRefusedException.invalid(what + ": the request body is empty");
        }
        return out.toByteArray();
    }
}
