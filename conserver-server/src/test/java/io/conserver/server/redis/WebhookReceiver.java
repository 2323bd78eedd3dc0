package io.conserver.server.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The far end of the {@code webhook} link: counts the POSTs it receives per vCon uuid. */
final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    /** {@code delayMillis}: how long each request is held before its 200, so that runs overlap a fault. */
    WebhookReceiver(long delayMillis) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/hook", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                String uuid = JSON.readTree(body).path("uuid").asText();
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                received.computeIfAbsent(uuid, u -> new AtomicInteger()).incrementAndGet();
                requests.incrementAndGet();
                exchange.sendResponseHeaders(200, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** POSTs received, per uuid. */
    Map<String, AtomicInteger> received() {
        return received;
    }

    long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
