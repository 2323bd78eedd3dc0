package io.conserver.app.link.diet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conserver.app.link.support.HttpCalls;
import io.conserver.app.link.support.HttpUrlValidator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * POSTs media bytes to a host that answers with where it keeps them: a {@code Location} header
 * (relative ones are resolved against the media URL) or a JSON body {@code {"url": "..."}}.
 */
final class MediaUploader {
    private static final String WHAT = "media POST";
    private static final int MAX_ANSWER_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI mediaUrl;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final HttpClient client;

    MediaUploader(URI mediaUrl, Map<String, String> headers, Duration timeout) {
        this.mediaUrl = mediaUrl;
        this.headers = headers;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        request(new byte[0], null);
    }

    /** Uploads {@code body} and answers the URL it can be fetched from. */
    URI upload(byte[] body, String mediatype) throws InterruptedException {
        HttpResponse<InputStream> answer = HttpCalls.await(
                client.sendAsync(request(body, mediatype), HttpResponse.BodyHandlers.ofInputStream()),
                WHAT, mediaUrl, timeout);
        try (InputStream in = answer.body()) {
            HttpCalls.requireSuccess(answer.statusCode(), WHAT, mediaUrl);
            Optional<String> location = answer.headers().firstValue("Location");
            String url = location.isPresent() ? location.get() : urlField(in.readNBytes(MAX_ANSWER_BYTES));
            URI resolved = mediaUrl.resolve(new URI(url));
            if (!HttpUrlValidator.isHttpUrl(resolved)) {
                throw new URISyntaxException(url, "not an http(s) URL");
            }
            return resolved;
        } catch (IOException e) {
            throw HttpCalls.translate(e, WHAT, mediaUrl, timeout);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(WHAT + " to " + HttpCalls.describe(mediaUrl)
                    + " answered with a URL that is not an absolute http(s) URL", e);
        }
    }

    private String urlField(byte[] answer) {
        try {
            JsonNode url = JSON.readTree(answer).path("url");
            if (url.isTextual()) {
                return url.textValue();
            }
        } catch (IOException e) {
            // reported below, like any other answer without a URL
        }
        throw new IllegalStateException(WHAT + " to " + HttpCalls.describe(mediaUrl) + " answered without a "
                + "Location header or a JSON body {\"url\": ...}; the media host must say where it keeps the media");
    }

    private HttpRequest request(byte[] body, String mediatype) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(mediaUrl).timeout(timeout)
                .header("Content-Type", mediatype == null ? "application/octet-stream" : mediatype)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::setHeader);
        return builder.build();
    }
}
