package io.conserver.app.link.webhook;

import io.conserver.app.link.support.HttpCalls;
import io.conserver.app.link.support.HttpUrl;
import io.conserver.domain.link.Link;
import io.conserver.domain.link.LinkContext;
import io.conserver.domain.link.LinkInput;
import io.conserver.domain.link.LinkOutcome;
import io.conserver.domain.vcon.VconCodec;
import io.conserver.domain.error.RetriableException;
import jakarta.validation.constraints.NotEmpty;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * POSTs the vCon's JSON to every configured URL at once and continues unchanged once all of them
 * answered 2xx. Any failure fails the link, after every URL had its chance, so the runtime retries
 * it: a URL that accepted the vCon may therefore receive it again (at-least-once delivery).
 */
public final class WebhookLink implements Link {
    private static final VconCodec CODEC = VconCodec.lenient();

    private final Options options;
    private final HttpClient client;

    /**
     * The options of a webhook link.
     *
     * @param urls    where to POST the vCon, absolute http(s) URLs
     * @param headers extra request headers, e.g. an authorization token (never logged)
     * @param timeout how long to wait for each connection and each answer
     */
    public record Options(@NotEmpty @HttpUrl List<URI> urls, Map<String, String> headers,
                          @DurationMin(millis = 1) Duration timeout) {
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

        public Options {
            // Null entries are kept for @HttpUrl to report by index.
            urls = urls == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(urls));
            headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            headers.forEach((name, value) -> {
                if (value == null) {
                    throw new IllegalArgumentException("headers." + name + " has no value");
                }
            });
            timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        }
    }

    /**
     * @throws IllegalArgumentException when a header cannot be set by a client (Host, Content-Length...)
     */
    public WebhookLink(Options options) {
        this.options = options;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        options.urls().forEach(url -> request(url, new byte[0]));
    }

    public Options options() {
        return options;
    }

    @Override
    public LinkOutcome apply(LinkInput input, LinkContext context) throws InterruptedException {
        byte[] body = CODEC.write(input.vcon());
        List<CompletableFuture<HttpResponse<Void>>> calls = new ArrayList<>();
        for (URI url : options.urls()) {
            calls.add(client.sendAsync(request(url, body), HttpResponse.BodyHandlers.discarding()));
        }
        RuntimeException failure = null;
        for (int i = 0; i < calls.size(); i++) {
            try {
                URI url = options.urls().get(i);
                HttpCalls.requireSuccess(HttpCalls.await(calls.get(i), "webhook POST", url, options.timeout())
                        .statusCode(), "webhook POST", url);
            } catch (InterruptedException e) {
                calls.forEach(c -> c.cancel(true));
                throw e;
            } catch (RuntimeException e) {
                failure = merge(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return LinkOutcome.unchanged();
    }

    /** The first failure, retriable if any was: a retry is worth it as long as one URL may recover. */
    private static RuntimeException merge(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        RuntimeException winner = !(first instanceof RetriableException) && next instanceof RetriableException
                ? next : first;
        winner.addSuppressed(winner == first ? next : first);
        return winner;
    }

    private HttpRequest request(URI url, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(options.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        options.headers().forEach(builder::setHeader);
        return builder.build();
    }
}
