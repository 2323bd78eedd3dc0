package io.conserver.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conserver.domain.vcon.VconUuid;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** vCons to post, the bulk POST, egress reads, waiting, and Redis key clean-up for the multi-process tests. */
final class Load {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int BATCH = 500;

    private Load() {
    }

    /** {@code n} small vCons (one party, a subject), each with its own uuid. */
    static List<ObjectNode> vcons(int n) {
        List<ObjectNode> vcons = new ArrayList<>(n);
        String created = Instant.now().toString();
        for (int i = 0; i < n; i++) {
            ObjectNode vcon = JSON.createObjectNode();
            vcon.put("vcon", "0.4.0");
            vcon.put("uuid", VconUuid.forDomain("it.conserver.io"));
            vcon.put("created_at", created);
            vcon.put("subject", "load " + i);
            vcon.putArray("parties").addObject().put("tel", "+1555" + String.format("%07d", i));
            vcons.add(vcon);
        }
        return vcons;
    }

    static Set<String> uuids(List<ObjectNode> vcons) {
        Set<String> ids = new HashSet<>();
        vcons.forEach(v -> ids.add(v.get("uuid").asText()));
        return ids;
    }

    /** POSTs the vCons to {@code /api/vcons} in batches of {@link #BATCH}; every one must be accepted. */
    static void post(String api, String ingress, List<ObjectNode> vcons) throws IOException, InterruptedException {
        for (int from = 0; from < vcons.size(); from += BATCH) {
            ArrayNode batch = JSON.createArrayNode();
            vcons.subList(from, Math.min(vcons.size(), from + BATCH)).forEach(batch::add);
            HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/vcons?ingress_lists=" + ingress))
                    .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(batch))).build();
            HttpResponse<String> response = ConserverProcess.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).path("accepted").asInt()).as(response.body()).isEqualTo(batch.size());
        }
    }

    /** Takes up to {@code limit} ids off an egress list through {@code GET /api/vcon/egress}. */
    static List<String> takeEgress(String api, String list, int limit) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/vcon/egress?egress_list=" + list + "&limit=" + limit))
                .timeout(Duration.ofSeconds(60)).GET().build();
        HttpResponse<String> response = ConserverProcess.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JSON.readTree(response.body()).forEach(id -> ids.add(id.asText()));
        return ids;
    }

    static long egressCount(String api, String list) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/vcon/count?egress_list=" + list))
                .timeout(Duration.ofSeconds(60)).GET().build();
        HttpResponse<String> response = ConserverProcess.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        return body.path("count").asLong();
    }

    /** Polls until the condition holds; false at the deadline. */
    static boolean until(Duration timeout, Check check) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (check.holds()) {
                return true;
            }
            Thread.sleep(200);
        }
        return check.holds();
    }

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    static String randomPrefix() {
        return "it" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    /** Runs redis-cli with these arguments against the port; its output. */
    static String redisCli(int port, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port)));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    /** Deletes every key under the prefix (SCAN, never KEYS or FLUSHALL: other tests share this Redis). */
    static void deleteKeys(int port, String prefix) throws IOException, InterruptedException {
        List<String> keys = redisCli(port, "--scan", "--pattern", prefix + "*").lines().filter(l -> !l.isBlank()).toList();
        for (int i = 0; i < keys.size(); i += 500) {
            List<String> args = new ArrayList<>(List.of("DEL"));
            args.addAll(keys.subList(i, Math.min(keys.size(), i + 500)));
            redisCli(port, args.toArray(String[]::new));
        }
    }
}
