package io.conserver.server.api;

import static io.conserver.server.api.VconApiSupport.allMessages;
import static io.conserver.server.api.VconApiSupport.assertClientError;
import static io.conserver.server.api.VconApiSupport.assertError;
import static io.conserver.server.api.VconApiSupport.body;
import static io.conserver.server.api.VconApiSupport.bytes;
import static io.conserver.server.api.VconApiSupport.parse;
import static io.conserver.server.api.VconApiSupport.paths;
import static io.conserver.server.api.VconApiSupport.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conserver.domain.fixtures.VconFixtures;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.jose.TestPki;
import io.conserver.domain.vcon.jose.VconSigner;
import io.conserver.server.ServerFixture;
import io.conserver.server.config.ConserverConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The single-vCon endpoints over real HTTP: {@code POST/GET/PUT/PATCH/DELETE /api/vcon[/{uuid}]},
 * the listing and the history, each with its error answers. One server for the class, with
 * {@code api.max_vcon_size} at 2 KiB so the size limit is cheap to reach.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class VconEndpointTest {
    static final DropwizardAppExtension<ConserverConfiguration> APP = ServerFixture.app("api.max_vcon_size", "2KiB");
    private static final MediaType VCON_GZIP = MediaType.valueOf("application/vcon+gzip");

    private static WebTarget api() {
        return VconApiSupport.api(APP);
    }

    private static Response post(byte[] body, MediaType type) {
        return api().path("vcon").request().post(Entity.entity(body, type));
    }

    private static Response post(Vcon vcon) {
        return post(bytes(vcon), MediaType.APPLICATION_JSON_TYPE);
    }

    private static Vcon created(Vcon vcon) {
        Response response = post(vcon);
        assertThat(response.getStatus()).as(response.readEntity(String.class)).isEqualTo(201);
        response.close();
        return vcon;
    }

    private static Response get(String uuid) {
        return api().path("vcon").path(uuid).request().get();
    }

    private static JsonNode stored(String uuid) {
        Response response = get(uuid);
        String text = response.readEntity(String.class);
        assertThat(response.getStatus()).as(text).isEqualTo(200);
        return parse(text);
    }

    private static void assertNotStored(String uuid) {
        assertError(get(uuid), 404);
    }

    private static Vcon fresh() {
        return VconFixtures.vcon(VconFixtures.party(VconFixtures.uniqueTel(), VconFixtures.uniqueMailto(), VconFixtures.uniqueName()));
    }

    private static List<Path> filesOf(String uuid) throws IOException {
        if (!Files.isDirectory(ServerFixture.filesDir(APP))) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(ServerFixture.filesDir(APP))) {
            return files.filter(p -> p.getFileName().toString().startsWith(uuid)).toList();
        }
    }

    // ---- POST /api/vcon

    @Test
    void createAnswers201WithTheStoredVconAndItsLocation() {
        Vcon vcon = fresh().toBuilder().subject("first call").build();
        Response response = post(vcon);
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getLocation()).isNotNull();
        assertThat(response.getLocation().getPath()).isEqualTo("/api/vcon/" + vcon.uuid());
        assertThat(response.getHeaderString("X-Vcon-Warnings")).isNotNull();
        JsonNode answered = body(response);
        assertThat(answered).isEqualTo(tree(vcon));

        JsonNode stored = stored(vcon.uuid());
        assertThat(stored).isEqualTo(tree(vcon));
        assertThat(stored.path("subject").asText()).isEqualTo("first call");
        assertThat(stored.path("parties").get(0).path("tel").asText()).isEqualTo(vcon.parties().get(0).tel());
        // The Location answers with the same vCon.
        assertThat(VconApiSupport.patient(APP.client().target(response.getLocation())).request().get(JsonNode.class)).isEqualTo(stored);
    }

    @Test
    void createKeepsNumbersAndUnknownFieldsExactly() {
        ObjectNode tree = tree(fresh());
        byte[] body = (tree.toString().substring(0, tree.toString().length() - 1) + ",\"x_price\":1.50}")
                .getBytes(StandardCharsets.UTF_8);
        String uuid = tree.path("uuid").asText();
        Response response = post(body, MediaType.APPLICATION_JSON_TYPE);
        assertThat(response.getStatus()).as(response.readEntity(String.class)).isEqualTo(201);
        Response got = get(uuid);
        assertThat(got.readEntity(String.class)).contains("\"x_price\":1.50");
    }

    @Test
    void createWithAnIngressListRunsTheChainAndRecordsHistory() {
        Vcon vcon = fresh();
        Response response = api().path("vcon").queryParam("ingress_lists", "default").request()
                .post(Entity.entity(bytes(vcon), MediaType.APPLICATION_JSON_TYPE));
        assertThat(response.getStatus()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(60)).until(() ->
                api().path("vcon").path(vcon.uuid()).path("history").request().get(JsonNode.class)
                        .findValuesAsText("link").contains("(chain)"));
        JsonNode history = api().path("vcon").path(vcon.uuid()).path("history").request().get(JsonNode.class);
        assertThat(history.isArray()).isTrue();
        assertThat(history.findValuesAsText("link")).containsExactly("check", "mark", "storage:files", "(chain)");
        for (JsonNode entry : history) {
            assertThat(entry.path("chain").asText()).isEqualTo("main");
            assertThat(entry.path("outcome").asText()).isNotBlank();
            assertThat(entry.has("duration_ms")).isTrue();
            assertThat(Instant.parse(entry.path("at").asText())).isBeforeOrEqualTo(Instant.now());
        }
        assertThat(stored(vcon.uuid()).toString()).contains("seen:yes");
    }

    @Test
    void createToAnUnknownIngressListIs404NamingTheKnownListsAndStoresNothing() throws IOException {
        Vcon vcon = fresh();
        Response response = api().path("vcon").queryParam("ingress_lists", "default,nowhere").request()
                .post(Entity.entity(bytes(vcon), MediaType.APPLICATION_JSON_TYPE));
        JsonNode error = assertError(response, 404);
        assertThat(error.path("message").asText()).contains("nowhere").contains("default");
        assertNotStored(vcon.uuid());
        assertThat(filesOf(vcon.uuid())).isEmpty();
    }

    @Test
    void malformedJsonIsRefusedWithAProblem() {
        JsonNode error = assertClientError(post("{\"uuid\": ".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE));
        assertThat(error.path("problems")).isNotEmpty();
        assertThat(allMessages(error)).containsIgnoringCase("JSON");

        assertClientError(post("not json at all".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE));
        assertClientError(post("[]".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE));
        assertClientError(post("{} {}".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE));
    }

    @Test
    void anInvalidVconIs422WithEveryProblemAndItsPath() {
        ObjectNode tree = tree(fresh());
        ((ObjectNode) tree.withArray("parties").get(0)).put("tel", 42);
        tree.withArray("parties").add("not a party");
        JsonNode error = assertError(post(bytes(tree), MediaType.APPLICATION_JSON_TYPE), 422);
        assertThat(paths(error)).contains("parties[0].tel", "parties[1]");
        assertThat(error.path("message").asText()).contains("2 error");
        assertThat(error.path("problems").findValuesAsText("severity")).contains("error");
        assertNotStored(tree.path("uuid").asText());
    }

    @Test
    void anEmptyBodyIsRefused() {
        JsonNode error = assertClientError(post(new byte[0], MediaType.APPLICATION_JSON_TYPE));
        assertThat(error.path("message").asText()).contains("empty");
        assertClientError(api().path("vcon").request().post(null));
        assertClientError(post("   \n".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE));
    }

    @Test
    void aBodyOverTheSizeLimitIs413AndNothingIsStored() {
        Vcon vcon = fresh().toBuilder().subject("x".repeat(3000)).build();
        JsonNode error = assertError(post(vcon), 413);
        assertThat(error.path("message").asText()).contains("2048");
        assertNotStored(vcon.uuid());
    }

    @Test
    void aGzipBodyIsAccepted() {
        Vcon vcon = fresh().toBuilder().subject("compressed").build();
        Response response = post(VconApiSupport.CODEC.writeGzip(vcon), VCON_GZIP);
        assertThat(response.getStatus()).as(response.readEntity(String.class)).isEqualTo(201);
        assertThat(stored(vcon.uuid()).path("subject").asText()).isEqualTo("compressed");
    }

    @Test
    void aGzipBombIsRefusedAndNothingIsStored() throws IOException {
        ObjectNode tree = tree(fresh());
        String json = tree.toString();
        String padded = json.substring(0, json.length() - 1) + ",\"x_pad\":\"" + " ".repeat(1_000_000) + "\"}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(padded.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(out.size()).isLessThan(2048);
        assertClientError(post(out.toByteArray(), VCON_GZIP));
        assertNotStored(tree.path("uuid").asText());
    }

    @Test
    void aSignedVconIsRefusedBecauseNoVerificationKeyIsConfigured() {
        Vcon vcon = fresh();
        TestPki.Issued signer = TestPki.issue("CN=Endpoint Test Signer", null, TestPki.ec(),
                Instant.now().minusSeconds(3600), Instant.now().plusSeconds(86_400), false);
        ObjectNode signed = VconSigner.sign(bytes(vcon), vcon.uuid(), signer.privateKey(), List.of(signer.certificate()));
        JsonNode error = assertError(post(bytes(signed), MediaType.APPLICATION_JSON_TYPE), 422);
        assertThat(allMessages(error)).contains("signed").contains("not configured");
        assertNotStored(vcon.uuid());
    }

    @Test
    void deeplyNestedJsonIsRefusedCleanly() {
        String uuid = fresh().uuid();
        String deep = "{\"uuid\":\"" + uuid + "\",\"x_deep\":" + "[".repeat(400) + "]".repeat(400) + "}";
        assertClientError(post(deep.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE));
        String deeper = "[".repeat(100_000);
        assertClientError(post(deeper.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE));
        assertNotStored(uuid);
    }

    @Test
    void hugeNumbersAreRefusedCleanlyOrKeptExactly() {
        ObjectNode base = tree(fresh());
        String json = base.toString().substring(0, base.toString().length() - 1);
        // Longer than any parser limit: refused.
        assertClientError(post((json + ",\"x_n\":" + "9".repeat(1500) + "}").getBytes(StandardCharsets.UTF_8),
                MediaType.APPLICATION_JSON_TYPE));
        assertNotStored(base.path("uuid").asText());

        // Short to write but astronomically large: where a count or index is expected it must be refused quickly.
        ObjectNode dialogVcon = tree(fresh());
        String withDialog = dialogVcon.toString();
        withDialog = withDialog.substring(0, withDialog.length() - 1)
                + ",\"dialog\":[{\"type\":\"text\",\"start\":\"2026-01-01T00:00:00Z\",\"parties\":[1e999999999],"
                + "\"duration\":1e999999999,\"body\":\"hi\",\"encoding\":\"none\",\"mediatype\":\"text/plain\"}]}";
        assertClientError(post(withDialog.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE));
        assertNotStored(dialogVcon.path("uuid").asText());
    }

    @Test
    void invalidUtf8IsRefusedCleanly() {
        ObjectNode tree = tree(fresh());
        String json = tree.toString();
        byte[] head = (json.substring(0, json.length() - 1) + ",\"subject\":\"bad ").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}".getBytes(StandardCharsets.UTF_8);
        for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
            byte[] body = new byte[head.length + bad.length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(bad, 0, body, head.length, bad.length);
            System.arraycopy(tail, 0, body, head.length + bad.length, tail.length);
            JsonNode error = assertClientError(post(body, MediaType.APPLICATION_JSON_TYPE));
            assertThat(allMessages(error)).contains("UTF-8");
        }
        assertNotStored(tree.path("uuid").asText());
    }

    @Test
    void aLoneSurrogateEscapeAndDuplicateKeysAreRefused() {
        ObjectNode tree = tree(fresh());
        String json = tree.toString().substring(0, tree.toString().length() - 1);
        assertError(post((json + ",\"subject\":\"\\ud800\"}").getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE), 422);
        assertError(post((json + ",\"subject\":\"a\",\"subject\":\"b\"}").getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE), 422);
        assertNotStored(tree.path("uuid").asText());
    }

    // ---- GET /api/vcon/{uuid}

    @Test
    void getAnswersTheStoredVconAndIgnoresUuidCase() {
        Vcon vcon = created(fresh());
        assertThat(stored(vcon.uuid())).isEqualTo(tree(vcon));
        assertThat(stored(vcon.uuid().toUpperCase(java.util.Locale.ROOT))).isEqualTo(tree(vcon));
    }

    @Test
    void getOfAnUnknownVconIs404() {
        JsonNode error = assertError(get("00000000-0000-4000-8000-000000000000"), 404);
        assertThat(error.path("message").asText()).contains("00000000-0000-4000-8000-000000000000");
    }

    @Test
    void getOfSomethingThatIsNotAUuidIsRefusedNamingTheParameter() {
        JsonNode error = assertClientError(get("not-a-uuid"));
        assertThat(error.path("message").asText()).contains("uuid").contains("not-a-uuid");
        assertClientError(get("00000000-0000-4000-8000-00000000000g"));
        assertClientError(get("0-0-0-0-0"));
    }

    // ---- PUT /api/vcon/{uuid}

    private static Response put(String uuid, byte[] body) {
        return api().path("vcon").path(uuid).request().put(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
    }

    @Test
    void putReplacesTheStoredVcon() {
        Vcon vcon = created(fresh());
        Vcon replacement = VconFixtures.changed(vcon, "replaced", VconFixtures.named("New Party"));
        Response response = put(vcon.uuid(), bytes(replacement));
        assertThat(response.getStatus()).as(response.readEntity(String.class)).isEqualTo(200);
        JsonNode stored = stored(vcon.uuid());
        assertThat(stored).isEqualTo(tree(replacement));
        assertThat(stored.path("parties")).hasSize(1);
        assertThat(stored.path("parties").get(0).path("name").asText()).isEqualTo("New Party");
        assertThat(stored.path("parties").get(0).has("tel")).isFalse();
    }

    @Test
    void putWithAnotherUuidInTheBodyIs422AndChangesNothing() {
        Vcon vcon = created(fresh());
        Vcon other = fresh();
        JsonNode error = assertError(put(vcon.uuid(), bytes(other)), 422);
        assertThat(error.path("message").asText()).contains(vcon.uuid()).contains(other.uuid());
        assertThat(stored(vcon.uuid())).isEqualTo(tree(vcon));
        assertNotStored(other.uuid());
    }

    @Test
    void putOfAnUnknownVconIs404AndCreatesNothing() {
        Vcon vcon = fresh();
        assertError(put(vcon.uuid(), bytes(vcon)), 404);
        assertNotStored(vcon.uuid());
    }

    @Test
    void putOfAnInvalidVconIs422WithPathsAndLeavesTheStoredOneUntouched() {
        Vcon vcon = created(fresh());
        ObjectNode invalid = tree(vcon);
        invalid.put("subject", "should not be stored");
        ((ObjectNode) invalid.withArray("parties").get(0)).put("mailto", false);
        JsonNode error = assertError(put(vcon.uuid(), bytes(invalid)), 422);
        assertThat(paths(error)).contains("parties[0].mailto");
        assertThat(stored(vcon.uuid())).isEqualTo(tree(vcon));

        assertClientError(put(vcon.uuid(), "{oops".getBytes(StandardCharsets.UTF_8)));
        assertClientError(put(vcon.uuid(), new byte[0]));
        assertError(put(vcon.uuid(), bytes(vcon.toBuilder().subject("y".repeat(3000)).build())), 413);
        assertClientError(put("nope", bytes(vcon)));
        assertThat(stored(vcon.uuid())).isEqualTo(tree(vcon));
    }

    // ---- PATCH /api/vcon/{uuid}

    private static Response patch(String uuid, String body) {
        return api().path("vcon").path(uuid).request().method("PATCH",
                Entity.entity(body.getBytes(StandardCharsets.UTF_8), MediaType.valueOf("application/merge-patch+json")));
    }

    @Test
    void patchChangesTheSubjectAndNullRemovesAField() {
        Vcon vcon = created(fresh().toBuilder().subject("before").build());
        Response response = patch(vcon.uuid(), "{\"subject\":\"after\"}");
        assertThat(response.getStatus()).as(response.readEntity(String.class)).isEqualTo(200);
        JsonNode stored = stored(vcon.uuid());
        assertThat(stored.path("subject").asText()).isEqualTo("after");
        assertThat(stored.path("parties")).isEqualTo(tree(vcon).path("parties"));

        Response removed = patch(vcon.uuid(), "{\"subject\":null}");
        assertThat(removed.getStatus()).isEqualTo(200);
        assertThat(body(removed).has("subject")).isFalse();
        assertThat(stored(vcon.uuid()).has("subject")).isFalse();
    }

    @Test
    void patchMergesIntoNestedObjectsAndKeepsNumbersExactly() {
        Vcon vcon = created(fresh());
        Response response = patch(vcon.uuid(), "{\"x_meta\":{\"a\":1.50,\"b\":\"two\"}}");
        assertThat(response.getStatus()).as(response.readEntity(String.class)).isEqualTo(200);
        response = patch(vcon.uuid(), "{\"x_meta\":{\"b\":null,\"c\":true}}");
        assertThat(response.getStatus()).as(response.readEntity(String.class)).isEqualTo(200);
        String text = get(vcon.uuid()).readEntity(String.class);
        assertThat(parse(text).path("x_meta")).isEqualTo(parse("{\"a\":1.50,\"c\":true}"));
        assertThat(text).contains("\"a\":1.50");
    }

    @Test
    void aPatchThatMakesTheVconInvalidIs422AndLeavesTheStoredOneUntouched() {
        Vcon vcon = created(fresh().toBuilder().subject("kept").build());
        JsonNode error = assertError(patch(vcon.uuid(), "{\"subject\":\"lost\",\"parties\":[{\"tel\":7}]}"), 422);
        assertThat(paths(error)).contains("parties[0].tel");
        assertError(patch(vcon.uuid(), "{\"uuid\":\"" + fresh().uuid() + "\"}"), 422);
        assertError(patch(vcon.uuid(), "{\"uuid\":null}"), 422);
        assertThat(stored(vcon.uuid())).isEqualTo(tree(vcon));
    }

    @Test
    void aPatchThatIsNotAnObjectOrNotJsonIsRefused() {
        Vcon vcon = created(fresh());
        for (String bad : List.of("[1,2]", "\"subject\"", "null", "42", "{\"subject\":", "", "   ",
                "{\"subject\":\"a\",\"subject\":\"b\"}", "{\"subject\":\"\\ud800\"}")) {
            JsonNode error = assertClientError(patch(vcon.uuid(), bad));
            assertThat(error.path("message").asText()).as(bad).isNotBlank();
        }
        assertThat(stored(vcon.uuid())).isEqualTo(tree(vcon));
    }

    @Test
    void hostilePatchesAreRefusedCleanly() {
        Vcon vcon = created(fresh());
        // Nested past the vCon limit but within the size limit.
        assertClientError(patch(vcon.uuid(), "{\"x_deep\":" + "{\"a\":".repeat(300) + "1" + "}".repeat(300) + "}"));
        assertClientError(patch(vcon.uuid(), "{\"x_deep\":" + "[".repeat(900) + "]".repeat(900) + "}"));
        assertClientError(patch(vcon.uuid(), "{\"x_n\":" + "9".repeat(1500) + "}"));
        assertError(patch(vcon.uuid(), "{\"subject\":\"" + "z".repeat(3000) + "\"}"), 413);
        byte[] badUtf8 = {'{', '"', 's', 'u', 'b', 'j', 'e', 'c', 't', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        assertClientError(api().path("vcon").path(vcon.uuid()).request().method("PATCH",
                Entity.entity(badUtf8, MediaType.APPLICATION_JSON_TYPE)));
        assertThat(stored(vcon.uuid())).isEqualTo(tree(vcon));
    }

    @Test
    void patchOfAnUnknownVconIs404AndOfANonUuidIsRefused() {
        assertError(patch(fresh().uuid(), "{\"subject\":\"x\"}"), 404);
        JsonNode error = assertClientError(patch("abc", "{\"subject\":\"x\"}"));
        assertThat(error.path("message").asText()).contains("uuid");
    }

    // ---- DELETE /api/vcon/{uuid}

    @Test
    void deleteRemovesTheVconFromTheStoreAndTheFileStorage() throws IOException {
        Vcon vcon = fresh();
        Response response = api().path("vcon").queryParam("ingress_lists", "default").request()
                .post(Entity.entity(bytes(vcon), MediaType.APPLICATION_JSON_TYPE));
        assertThat(response.getStatus()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> !filesOf(vcon.uuid()).isEmpty()
                && api().path("vcon").path(vcon.uuid()).path("history").request().get(JsonNode.class)
                .findValuesAsText("link").contains("(chain)"));

        Response deleted = api().path("vcon").path(vcon.uuid()).request().delete();
        assertThat(deleted.getStatus()).isEqualTo(200);
        JsonNode answer = body(deleted);
        assertThat(answer.path("uuid").asText()).isEqualTo(vcon.uuid());
        assertThat(answer.path("deleted").path("files").asText()).isEqualTo("deleted");
        assertThat(answer.path("deleted").path("store").asText()).isEqualTo("deleted");

        assertThat(filesOf(vcon.uuid())).isEmpty();
        assertNotStored(vcon.uuid());
        assertError(api().path("vcon").path(vcon.uuid()).path("history").request().get(), 404);
        assertError(api().path("vcon").path(vcon.uuid()).request().delete(), 404);
    }

    @Test
    void deleteOfAVconOnlyInTheStoreAnswersAbsentForTheStorage() {
        Vcon vcon = created(fresh());
        JsonNode answer = api().path("vcon").path(vcon.uuid()).request().delete(JsonNode.class);
        assertThat(answer.path("deleted").path("files").asText()).isEqualTo("absent");
        assertThat(answer.path("deleted").path("store").asText()).isEqualTo("deleted");
        assertNotStored(vcon.uuid());
    }

    @Test
    void deleteOfAnUnknownOrMalformedIdIsRefused() {
        assertError(api().path("vcon").path(fresh().uuid()).request().delete(), 404);
        JsonNode error = assertClientError(api().path("vcon").path("12345").request().delete());
        assertThat(error.path("message").asText()).contains("uuid");
    }

    // ---- GET /api/vcon (listing)

    private static List<String> list(String since, String until, Integer page, Integer size) {
        WebTarget target = api().path("vcon");
        target = since == null ? target : target.queryParam("since", since);
        target = until == null ? target : target.queryParam("until", until);
        target = page == null ? target : target.queryParam("page", page);
        target = size == null ? target : target.queryParam("size", size);
        Response response = target.request().get();
        String text = response.readEntity(String.class);
        assertThat(response.getStatus()).as(text).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        parse(text).forEach(n -> ids.add(n.asText()));
        return ids;
    }

    @Test
    void listAnswersIdsNewestFirstWithinSinceAndUntilByPage() {
        // A window in the past no other test writes to.
        Instant base = Instant.parse("2011-03-04T05:06:00Z");
        Vcon first = created(VconFixtures.createdAt(base, VconFixtures.named("a")));
        Vcon second = created(VconFixtures.createdAt(base.plusSeconds(10), VconFixtures.named("b")));
        Vcon third = created(VconFixtures.createdAt(base.plusSeconds(20), VconFixtures.named("c")));
        Vcon later = created(VconFixtures.createdAt(base.plusSeconds(60), VconFixtures.named("d")));

        String since = "2011-03-04T05:06:00Z";
        String until = "2011-03-04T05:07:00Z";
        assertThat(list(since, until, null, null)).containsExactly(third.uuid(), second.uuid(), first.uuid());
        assertThat(list(since, until, 1, 2)).containsExactly(third.uuid(), second.uuid());
        assertThat(list(since, until, 2, 2)).containsExactly(first.uuid());
        assertThat(list(since, until, 3, 2)).isEmpty();
        assertThat(list("2011-03-04T05:06:10Z", until, null, null)).containsExactly(third.uuid(), second.uuid());
        // Offsets other than Z are the same instants.
        assertThat(list("2011-03-04T07:06:10+02:00", "2011-03-04T00:06:20-05:00", null, null)).containsExactly(second.uuid());
        assertThat(list(since, null, 1, 1000)).contains(later.uuid(), third.uuid());
        assertThat(list(null, "2011-03-04T05:06:01Z", 1, 1000)).contains(first.uuid()).doesNotContain(second.uuid());
        // The newest of all: something created now comes before the past window.
        Vcon now = created(fresh());
        List<String> newest = list(null, null, 1, 1000);
        assertThat(newest.indexOf(now.uuid())).isLessThan(newest.indexOf(later.uuid()));
        assertThat(newest.indexOf(later.uuid())).isLessThan(newest.indexOf(third.uuid()));
    }

    @Test
    void listRefusesBadParametersNamingThem() {
        record Case(String name, String value) {
        }
        for (Case bad : List.of(new Case("page", "0"), new Case("page", "-1"), new Case("page", "abc"),
                new Case("page", "99999999999"), new Case("size", "0"), new Case("size", "1001"), new Case("size", "1.5"),
                new Case("since", "yesterday"), new Case("since", "2026-01-01"), new Case("until", "2026-13-01T00:00:00Z"),
                new Case("until", "12345"))) {
            Response response = api().path("vcon").queryParam(bad.name(), bad.value()).request().get();
            JsonNode error = assertClientError(response);
            assertThat(error.path("message").asText()).as(bad.toString()).startsWith(bad.name());
        }
    }

    // ---- GET /api/vcon/{uuid}/history

    @Test
    void historyOfAStoredButUnprocessedVconIsEmptyAndOfAnUnknownOneIs404() {
        Vcon vcon = created(fresh());
        assertThat(api().path("vcon").path(vcon.uuid()).path("history").request().get(JsonNode.class)).isEmpty();
        assertError(api().path("vcon").path(fresh().uuid()).path("history").request().get(), 404);
        assertClientError(api().path("vcon").path("bad").path("history").request().get());
    }

    // ---- every error has the one shape

    @Test
    void routingErrorsHaveTheApiErrorShape() {
        assertError(api().path("vcon").path(fresh().uuid()).path("nothing-here").request().get(), 404);
        assertError(api().path("nothing").request().get(), 404);
        assertError(api().path("vcon").path(fresh().uuid()).request().post(Entity.json("{}")), 405);
        assertError(api().path("vcon").request().delete(), 405);
        Vcon vcon = created(fresh());
        assertClientError(api().path("vcon").path(vcon.uuid()).request("application/xml").get());
    }

    @Test
    void whatJettyRefusesBeforeJerseyHasTheApiErrorShapeToo() {
        for (String odd : List.of("vcon/a%2Fb", "vcon/%00", "vcon/..%2F..%2Fetc", "vcon/%C0%AF")) {
            JsonNode error = assertError(api().path(odd).request().get(), 400);
            assertThat(error.path("error").asText()).isEqualTo("invalid_request");
        }
        Response tooLong = api().path("vcon").queryParam("page", "1".repeat(20_000)).request().get();
        assertThat(tooLong.getStatus()).isBetween(400, 499);
        assertClientError(tooLong);
        Response bigHeader = api().path("vcon").request().header("X-Big", "h".repeat(20_000)).get();
        assertClientError(bigHeader);
    }
}
