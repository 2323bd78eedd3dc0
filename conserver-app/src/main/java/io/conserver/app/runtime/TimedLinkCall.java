package io.conserver.app.runtime;

import io.conserver.domain.error.ConserverException;
import io.conserver.domain.error.ErrorCategory;
import io.conserver.domain.link.LinkOutcome;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls a link on a separate thread so that its time limit can be enforced: a link that overruns is
 * interrupted and the call fails, whatever the link is doing.
 */
final class TimedLinkCall {
    private final ExecutorService executor;

    TimedLinkCall(ExecutorService executor) {
        this.executor = executor;
    }

    LinkOutcome call(LinkStep step, LazyVcon input, AttemptContext context, Duration limit) throws Exception {
        Future<LinkOutcome> future = executor.submit(() -> step.link().apply(input, context));
        try {
            LinkOutcome outcome = future.get(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
            if (outcome == null) {
                throw new IllegalStateException("link " + step.name() + " returned no outcome");
            }
            return outcome;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new LinkTimeoutException(step.name(), limit);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** A link ran past its limit. Retrying may help (the vendor behind it may be slow only now). */
    static final class LinkTimeoutException extends ConserverException {
        private static final long serialVersionUID = 1L;

        LinkTimeoutException(String link, Duration limit) {
            super(ErrorCategory.TIMEOUT, "link " + link + " timed out after " + limit.toMillis() + " ms and was interrupted");
        }
    }
}
