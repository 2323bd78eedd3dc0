package io.conserver.server.api;

import static io.conserver.server.api.VconApiSupport.assertClientError;
import static io.conserver.server.api.VconApiSupport.assertError;
import static io.conserver.server.api.VconApiSupport.bytes;
import static io.conserver.server.api.VconApiSupport.parse;
import static io.conserver.server.api.VconApiSupport.paths;
import static io.conserver.server.api.VconApiSupport.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conserver.domain.fixtures.VconFixtures;
import io.conserver.domain.vcon.Vcon;
import io.conserver.server.ServerFixture;
import io.conserver.server.ServerInternals;
import io.conserver.server.config.ConserverConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The many-vCon endpoints over real HTTP: bulk create ({@code POST /api/vcons}, JSON array and
 * NDJSON), batch read ({@code GET /api/vcons}) and party search, plus how {@code ingress_lists}
 * pushes ids. The one chain is disabled here, so ids pushed to its ingress lists stay there to be
 * looked at.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class VconBulkEndpointTest {
    static final DropwizardAppExtension<ConserverConfiguration> APP = ServerFixture.app(
            "api.max_vcon_size", "2KiB",
            "api.max_body_size", "16KiB",
            "api.max_list_limit", "5",
            "chains.main.ingress_lists", "default,second");
    private static final MediaType NDJSON = MediaType.valueOf("application/x-ndjson");

    @BeforeAll
    static void parkTheChain() {
        JsonNode answer = api().path("chains/main/disable").request().post(Entity.json(""), JsonNode.class);
        assertThat(answer.path("enabled").asBoolean(true)).isFalse();
    }

    private static WebTarget api() {
        return VconApiSupport.api(APP);
    }

    private static Vcon fresh() {
        return VconFixtures.vcon(VconFixtures.party(VconFixtures.uniqueTel(), VconFixtures.uniqueMailto(), VconFixtures.uniqueName()));
    }

    private static Response bulk(String body, MediaType type, String... ingressLists) {
        WebTarget target = api().path("vcons");
        for (String list : ingressLists) {
            target = target.queryParam("ingress_lists", list);
        }
        return target.request().post(Entity.entity(body.getBytes(StandardCharsets.UTF_8), type));
    }

    private static JsonNode bulkOk(String body, MediaType type, String... ingressLists) {
        Response response = bulk(body, type, ingressLists);
        String text = response.readEntity(String.class);
        assertThat(response.getStatus()).as(text).isEqualTo(200);
        return parse(text);
    }

    private static String json(Vcon vcon) {
        return new String(bytes(vcon), StandardCharsets.UTF_8);
    }

    private static String json(JsonNode node) {
        return node.toString();
    }

    private static String array(String... items) {
        return "[" + String.join(",", items) + "]";
    }

    private static int status(String uuid) {
        try (Response response = api().path("vcon").path(uuid).request().get()) {
            return response.getStatus();
        }
    }

    private static ObjectNode invalid() {
        ObjectNode tree = tree(fresh());
        ((ObjectNode) tree.withArray("parties").get(0)).put("tel", 42);
        return tree;
    }

    private static Vcon tooBig() {
        return fresh().toBuilder().subject("b".repeat(2500)).build();
    }

    private static List<String> waiting(String list) {
        return ServerInternals.waiting(APP, list);
    }

    private static List<String> addedSince(List<String> before, String list) {
        List<String> now = waiting(list);
        assertThat(now.subList(0, before.size())).isEqualTo(before);
        return new ArrayList<>(now.subList(before.size(), now.size()));
    }

    private static void assertItem(JsonNode item, int index, int status, String uuid) {
        assertThat(item.path("index").asInt()).as(item.toString()).isEqualTo(index);
        assertThat(item.path("status").asInt()).as(item.toString()).isEqualTo(status);
        if (uuid == null) {
            assertThat(item.path("uuid").isNull() || item.path("uuid").isMissingNode()).as(item.toString()).isTrue();
        } else {
            assertThat(item.path("uuid").asText()).isEqualTo(uuid);
        }
        if (status == 201) {
            assertThat(item.path("problems")).as(item.toString()).isEmpty();
        } else {
            assertThat(item.path("problems")).as(item.toString()).isNotEmpty();
        }
    }

    // ---- POST /api/vcons

    @Test
    void aJsonArrayStoresEveryGoodItemAndAnswersEachBadOneWithItsProblems() {
        Vcon good1 = fresh();
        ObjectNode bad = invalid();
        Vcon good2 = fresh();
        Vcon big = tooBig();
        JsonNode result = bulkOk(array(json(good1), json(bad), json(good2), json(big), "\"not a vCon\"", "[]"),
                MediaType.APPLICATION_JSON_TYPE);

        assertThat(result.path("accepted").asInt()).isEqualTo(2);
        assertThat(result.path("refused").asInt()).isEqualTo(4);
        JsonNode items = result.path("items");
        assertThat(items).hasSize(6);
        assertItem(items.get(0), 0, 201, good1.uuid());
        assertItem(items.get(1), 1, 422, null);
        assertThat(paths(items.get(1))).contains("parties[0].tel");
        assertItem(items.get(2), 2, 201, good2.uuid());
        assertItem(items.get(3), 3, 413, null);
        assertThat(items.get(3).path("problems").get(0).path("message").asText()).contains("2048");
        assertItem(items.get(4), 4, 422, null);
        assertItem(items.get(5), 5, 422, null);

        assertThat(status(good1.uuid())).isEqualTo(200);
        assertThat(status(good2.uuid())).isEqualTo(200);
        assertThat(status(bad.path("uuid").asText())).isEqualTo(404);
        assertThat(status(big.uuid())).isEqualTo(404);
        assertThat(api().path("vcon").path(good1.uuid()).request().get(JsonNode.class)).isEqualTo(tree(good1));
    }

    @Test
    void ndjsonIsReadLineByLineSkippingBlankLines() {
        Vcon good1 = fresh();
        Vcon good2 = fresh();
        ObjectNode bad = invalid();
        String body = json(good1) + "\r\n\n" + json(bad) + "\n  \n" + "{not json\n" + json(good2) + "\n";
        JsonNode result = bulkOk(body, NDJSON);
        JsonNode items = result.path("items");
        assertThat(items).hasSize(4);
        assertItem(items.get(0), 0, 201, good1.uuid());
        assertItem(items.get(1), 1, 422, null);
        assertItem(items.get(2), 2, 422, null);
        assertItem(items.get(3), 3, 201, good2.uuid());
        assertThat(result.path("accepted").asInt()).isEqualTo(2);
        assertThat(status(good1.uuid())).isEqualTo(200);
        assertThat(status(good2.uuid())).isEqualTo(200);
        assertThat(status(bad.path("uuid").asText())).isEqualTo(404);
    }

    @Test
    void arrayItemsAreReadAsExactlyAsASingleVcon() {
        // What POST /api/vcon refuses or keeps exactly, an array item must too.
        ObjectNode base = tree(fresh());
        String open = base.toString().substring(0, base.toString().length() - 1);
        String exact = open + ",\"x_price\":1.50}";
        ObjectNode dupBase = tree(fresh());
        String duplicate = dupBase.toString().substring(0, dupBase.toString().length() - 1) + ",\"subject\":\"a\",\"subject\":\"b\"}";
        ObjectNode surrogateBase = tree(fresh());
        String surrogate = surrogateBase.toString().substring(0, surrogateBase.toString().length() - 1) + ",\"subject\":\"\\ud800\"}";
        ObjectNode deepBase = tree(fresh());
        String deep = deepBase.toString().substring(0, deepBase.toString().length() - 1)
                + ",\"x_deep\":" + "[".repeat(300) + "]".repeat(300) + "}";
        Vcon good = fresh();

        JsonNode result = bulkOk(array(exact, duplicate, surrogate, deep, json(good)), MediaType.APPLICATION_JSON_TYPE);
        JsonNode items = result.path("items");
        assertItem(items.get(0), 0, 201, base.path("uuid").asText());
        assertItem(items.get(1), 1, 422, null);
        assertItem(items.get(2), 2, 422, null);
        assertItem(items.get(3), 3, 422, null);
        assertItem(items.get(4), 4, 201, good.uuid());
        assertThat(api().path("vcon").path(base.path("uuid").asText()).request().get(String.class)).contains("\"x_price\":1.50");
        assertThat(status(dupBase.path("uuid").asText())).isEqualTo(404);
        assertThat(status(surrogateBase.path("uuid").asText())).isEqualTo(404);
        assertThat(status(deepBase.path("uuid").asText())).isEqualTo(404);
    }

    @Test
    void ingressListsPushAllAcceptedIdsInOrder() {
        List<String> beforeDefault = waiting("default");
        List<String> beforeSecond = waiting("second");
        Vcon a = fresh();
        Vcon b = fresh();
        Vcon c = fresh();
        JsonNode result = bulkOk(array(json(a), json(invalid()), json(b), json(c)), MediaType.APPLICATION_JSON_TYPE,
                "default", "second");
        assertThat(result.path("accepted").asInt()).isEqualTo(3);
        assertThat(addedSince(beforeDefault, "default")).containsExactly(a.uuid(), b.uuid(), c.uuid());
        assertThat(addedSince(beforeSecond, "second")).containsExactly(a.uuid(), b.uuid(), c.uuid());

        beforeDefault = waiting("default");
        beforeSecond = waiting("second");
        Vcon d = fresh();
        Vcon e = fresh();
        bulkOk(json(d) + "\n" + json(e), NDJSON, "second,default");
        assertThat(addedSince(beforeDefault, "default")).containsExactly(d.uuid(), e.uuid());
        assertThat(addedSince(beforeSecond, "second")).containsExactly(d.uuid(), e.uuid());
    }

    @Test
    void anUnknownIngressListRefusesTheWholeRequestAndStoresNothing() {
        List<String> before = waiting("default");
        Vcon a = fresh();
        JsonNode error = assertError(bulk(array(json(a)), MediaType.APPLICATION_JSON_TYPE, "default", "elsewhere"), 404);
        assertThat(error.path("message").asText()).contains("elsewhere").contains("default").contains("second");
        assertThat(status(a.uuid())).isEqualTo(404);
        assertThat(waiting("default")).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotAnArrayIsRefused() {
        Vcon a = fresh();
        JsonNode error = assertClientError(bulk(json(a), MediaType.APPLICATION_JSON_TYPE));
        assertThat(error.path("message").asText()).contains("array");
        assertThat(status(a.uuid())).isEqualTo(404);
        assertClientError(bulk("\"text\"", MediaType.APPLICATION_JSON_TYPE));
        assertClientError(bulk("null", MediaType.APPLICATION_JSON_TYPE));
        assertClientError(bulk("[" + json(a) + ",", MediaType.APPLICATION_JSON_TYPE));
        assertClientError(bulk("[" + json(a) + "] [", MediaType.APPLICATION_JSON_TYPE));
        assertClientError(bulk("", MediaType.APPLICATION_JSON_TYPE));
        assertClientError(bulk("[" + "[".repeat(5000) + "]".repeat(5000) + "]", MediaType.APPLICATION_JSON_TYPE));
        byte[] badUtf8 = {'[', '"', (byte) 0xFF, '"', ']'};
        assertClientError(api().path("vcons").request().post(Entity.entity(badUtf8, MediaType.APPLICATION_JSON_TYPE)));
        assertThat(status(a.uuid())).isEqualTo(404);
    }

    @Test
    void anEmptyArrayOrNdjsonStoresNothingAndSaysSo() {
        JsonNode result = bulkOk("[]", MediaType.APPLICATION_JSON_TYPE);
        assertThat(result.path("accepted").asInt()).isZero();
        assertThat(result.path("items")).isEmpty();
        assertThat(bulkOk("\n\n", NDJSON).path("items")).isEmpty();
    }

    @Test
    void aBodyOverTheBulkLimitIs413AndStoresNothing() {
        List<String> items = new ArrayList<>();
        List<Vcon> vcons = new ArrayList<>();
        while (String.join(",", items).length() < 20_000) {
            Vcon vcon = fresh();
            vcons.add(vcon);
            items.add(json(vcon));
        }
        JsonNode error = assertError(bulk(array(items.toArray(String[]::new)), MediaType.APPLICATION_JSON_TYPE, "default"), 413);
        assertThat(error.path("message").asText()).contains("16384");
        // The body is refused before any of it is read as vCons: neither end was stored.
        assertThat(status(vcons.get(0).uuid())).isEqualTo(404);
        assertThat(status(vcons.get(vcons.size() - 1).uuid())).isEqualTo(404);
    }

    // ---- POST /api/vcon ingress_lists forms

    @Test
    void singleCreateTakesRepeatedAndCommaSeparatedIngressLists() {
        List<String> beforeDefault = waiting("default");
        List<String> beforeSecond = waiting("second");
        Vcon a = fresh();
        Response response = api().path("vcon").queryParam("ingress_lists", "default").queryParam("ingress_lists", "second")
                .request().post(Entity.entity(bytes(a), MediaType.APPLICATION_JSON_TYPE));
        assertThat(response.getStatus()).isEqualTo(201);
        Vcon b = fresh();
        response = api().path("vcon").queryParam("ingress_lists", "second, default").request()
                .post(Entity.entity(bytes(b), MediaType.APPLICATION_JSON_TYPE));
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(addedSince(beforeDefault, "default")).containsExactly(a.uuid(), b.uuid());
        assertThat(addedSince(beforeSecond, "second")).containsExactly(a.uuid(), b.uuid());

        List<String> before = waiting("default");
        Vcon c = fresh();
        assertError(api().path("vcon").queryParam("ingress_lists", "default").queryParam("ingress_lists", "nope").request()
                .post(Entity.entity(bytes(c), MediaType.APPLICATION_JSON_TYPE)), 404);
        assertThat(status(c.uuid())).isEqualTo(404);
        assertThat(waiting("default")).isEqualTo(before);
    }

    // ---- GET /api/vcons

    private static List<JsonNode> batch(WebTarget target) {
        Response response = target.request().get();
        String text = response.readEntity(String.class);
        assertThat(response.getStatus()).as(text).isEqualTo(200);
        List<JsonNode> all = new ArrayList<>();
        parse(text).forEach(all::add);
        return all;
    }

    @Test
    void batchReadAnswersInOrderWithNullForMissing() {
        Vcon a = fresh();
        Vcon b = fresh();
        bulkOk(array(json(a), json(b)), MediaType.APPLICATION_JSON_TYPE);
        String missing = fresh().uuid();

        List<JsonNode> got = batch(api().path("vcons").queryParam("uuid", b.uuid()).queryParam("uuid", missing)
                .queryParam("uuid", a.uuid()));
        assertThat(got).hasSize(3);
        assertThat(got.get(0)).isEqualTo(tree(b));
        assertThat(got.get(1).isNull()).isTrue();
        assertThat(got.get(2)).isEqualTo(tree(a));

        assertThat(batch(api().path("vcons").queryParam("uuid", a.uuid() + "," + b.uuid())))
                .containsExactly(tree(a), tree(b));
        assertThat(batch(api().path("vcons").queryParam("vcon_uuids", b.uuid() + "," + a.uuid())))
                .containsExactly(tree(b), tree(a));
        assertThat(batch(api().path("vcons").queryParam("vcon_uuids", a.uuid().toUpperCase(java.util.Locale.ROOT))))
                .containsExactly(tree(a));
    }

    @Test
    void batchReadAnswersOnePlacePerRequestedIdEvenWhenRepeated() {
        Vcon a = fresh();
        Vcon b = fresh();
        bulkOk(array(json(a), json(b)), MediaType.APPLICATION_JSON_TYPE);
        List<JsonNode> got = batch(api().path("vcons").queryParam("uuid", a.uuid()).queryParam("uuid", b.uuid())
                .queryParam("uuid", a.uuid()));
        assertThat(got).containsExactly(tree(a), tree(b), tree(a));
    }

    @Test
    void batchReadRefusesBadRequestsNamingTheParameter() {
        JsonNode error = assertClientError(api().path("vcons").request().get());
        assertThat(error.path("message").asText()).contains("uuid");
        error = assertClientError(api().path("vcons").queryParam("uuid", "xyz").request().get());
        assertThat(error.path("message").asText()).startsWith("uuid").contains("xyz");
        error = assertClientError(api().path("vcons").queryParam("vcon_uuids", "xyz").request().get());
        assertThat(error.path("message").asText()).startsWith("vcon_uuids");
        WebTarget tooMany = api().path("vcons");
        for (int i = 0; i < 6; i++) {
            tooMany = tooMany.queryParam("uuid", fresh().uuid());
        }
        error = assertClientError(tooMany.request().get());
        assertThat(error.path("message").asText()).contains("at most 5");
    }

    // ---- GET /api/vcons/search

    private static List<String> search(String name, String value, String... more) {
        WebTarget target = api().path("vcons/search").queryParam(name, value);
        for (int i = 0; i + 1 < more.length; i += 2) {
            target = target.queryParam(more[i], more[i + 1]);
        }
        Response response = target.request().get();
        String text = response.readEntity(String.class);
        assertThat(response.getStatus()).as(text).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        parse(text).forEach(n -> ids.add(n.asText()));
        return ids;
    }

    @Test
    void searchFindsByEachTermAndByAllTermsTogether() {
        String tel = VconFixtures.uniqueTel();
        String mailto = VconFixtures.uniqueMailto();
        String name = VconFixtures.uniqueName();
        Vcon all = VconFixtures.vcon(VconFixtures.party(tel, mailto, name));
        Vcon telOnly = VconFixtures.vcon(VconFixtures.tel(tel));
        Vcon mailOnly = VconFixtures.vcon(VconFixtures.party(null, mailto, VconFixtures.uniqueName()));
        bulkOk(array(json(all), json(telOnly), json(mailOnly)), MediaType.APPLICATION_JSON_TYPE);

        assertThat(search("tel", tel)).containsExactlyInAnyOrder(all.uuid(), telOnly.uuid());
        assertThat(search("mailto", mailto)).containsExactlyInAnyOrder(all.uuid(), mailOnly.uuid());
        assertThat(search("name", name)).containsExactly(all.uuid());
        assertThat(search("tel", tel, "mailto", mailto)).containsExactly(all.uuid());
        assertThat(search("tel", tel, "mailto", mailto, "name", name)).containsExactly(all.uuid());
        assertThat(search("tel", tel, "name", "Nobody " + name)).isEmpty();
        assertThat(search("tel", VconFixtures.uniqueTel())).isEmpty();
    }

    @Test
    void searchWithoutATermIsRefused() {
        JsonNode error = assertClientError(api().path("vcons/search").request().get());
        assertThat(error.path("message").asText()).contains("tel").contains("mailto").contains("name");
        assertClientError(api().path("vcons/search").queryParam("tel", " ").queryParam("name", "").request().get());
    }

    @Test
    void anEmptyIngressListParameterPushesNowhere() {
        List<String> before = waiting("default");
        Vcon a = fresh();
        JsonNode result = bulkOk("[" + json(a) + "]", MediaType.APPLICATION_JSON_TYPE, "");
        assertItem(result.path("items").get(0), 0, 201, a.uuid());
        assertThat(waiting("default")).isEqualTo(before);
    }
}
