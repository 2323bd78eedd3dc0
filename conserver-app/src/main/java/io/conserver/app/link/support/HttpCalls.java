package io.conserver.app.link.support;

import io.conserver.domain.error.RetriableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Turns the outcome of an HTTP call made by a link into the conserver's errors: timeouts, network
 * failures, 5xx, 408 and 429 become {@link RetriableException}; other non-2xx answers become
 * {@link IllegalStateException}, since repeating the same request cannot change them. Messages name
 * the URL without user info, query or fragment, which may carry credentials; header values never
 * appear.
 */
public final class HttpCalls {
    private HttpCalls() {
    }

    /** The URL as shown in messages: scheme, host, port and path only. */
    public static String describe(URI uri) {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme() + "://" + uri.getHost() + port + path;
    }

    /**
     * Waits for an answer, translating failures; on interruption the call is cancelled and the
     * interruption propagates.
     */
    public static <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> call, String what, URI uri,
                                            Duration timeout) throws InterruptedException {
        try {
            return call.get();
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw translate(e.getCause(), what, uri, timeout);
        }
    }

    /** The conserver error for a failed call. */
    public static RuntimeException translate(Throwable failure, String what, URI uri, Duration timeout) {
        if (failure instanceof HttpTimeoutException) {
            return new RetriableException(what + " to " + describe(uri) + " got no answer within " + timeout
                    + "; the link is retried", failure);
        }
        if (failure instanceof IOException) {
            return new RetriableException(what + " to " + describe(uri) + " failed: " + failure
                    + "; the link is retried", failure);
        }
        return new IllegalStateException(what + " to " + describe(uri) + " failed: " + failure, failure);
    }

    /** Throws unless {@code status} is 2xx. */
    public static void requireSuccess(int status, String what, URI uri) {
        if (status >= 200 && status < 300) {
            return;
        }
        String message = what + " to " + describe(uri) + " answered HTTP " + status;
        if (status >= 500 || status == 408 || status == 429) {
            throw new RetriableException(message + "; the link is retried");
        }
        throw new IllegalStateException(message + "; check the URL and headers, retrying the same request "
                + "cannot succeed");
    }
}
