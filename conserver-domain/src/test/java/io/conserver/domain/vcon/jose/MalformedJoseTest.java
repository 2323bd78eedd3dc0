package io.conserver.domain.vcon.jose;

import static io.conserver.domain.vcon.jose.VconSignerTest.UUID;
import static io.conserver.domain.vcon.jose.VconSignerTest.VCON;
import static io.conserver.domain.vcon.jose.VconVerifierTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conserver.domain.vcon.InvalidVconException;
import io.conserver.domain.vcon.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever the input, the verifier and decryptor answer with a result or an InvalidVconException, never else. */
class MalformedJoseTest {
    private static final TestPki PKI = TestPki.shared();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final VconVerifier verifier = new VconVerifier(TrustOptions.anyRoot());

    static Stream<Arguments> brokenJws() {
        return Stream.of(
                broken("payload is a number", "payload", jws -> jws.put("payload", 42)),
                broken("payload is missing", "payload", jws -> jws.remove("payload")),
                broken("payload is padded", "payload", jws -> jws.put("payload", jws.get("payload").textValue() + "=")),
                broken("payload is not base64url", "payload", jws -> jws.put("payload", "a+b/c")),
                broken("signatures is missing", "signatures", jws -> jws.remove("signatures")),
                broken("signatures is empty", "signatures", jws -> jws.putArray("signatures")),
                broken("signatures is an object", "signatures", jws -> jws.putObject("signatures")),
                broken("a signature is a string", "signatures[0]", jws -> signatures(jws).set(0, NODES.textNode("x"))),
                broken("protected is missing", "signatures[0].protected", jws -> first(jws).remove("protected")),
                broken("protected is a number", "signatures[0].protected", jws -> first(jws).put("protected", 7)),
                broken("protected is not base64url", "signatures[0].protected", jws -> first(jws).put("protected", "!!")),
                broken("protected is not JSON", "signatures[0].protected", jws -> first(jws).put("protected", b64("nope"))),
                broken("protected is an array", "signatures[0].protected", jws -> first(jws).put("protected", b64("[1]"))),
                broken("protected repeats a key", "signatures[0].protected",
                        jws -> first(jws).put("protected", b64("{\"alg\":\"RS256\",\"alg\":\"none\"}"))),
                broken("signature is missing", "signatures[0].signature", jws -> first(jws).remove("signature")),
                broken("signature is not base64url", "signatures[0].signature", jws -> first(jws).put("signature", "%%")),
                broken("header is a string", "signatures[0].header", jws -> first(jws).put("header", "RS256")),
                broken("alg is missing", "signatures[0].header.alg", jws -> {
                    header(jws).remove("alg");
                    first(jws).put("protected", b64("{}"));
                }),
                broken("alg is none", "signatures[0].header.alg", jws -> header(jws).put("alg", "none")),
                broken("alg is HS256", "signatures[0].header.alg", jws -> header(jws).put("alg", "HS256")),
                broken("alg is a number", "signatures[0].header.alg", jws -> header(jws).put("alg", 256)),
                broken("x5c is a string", "signatures[0].header.x5c", jws -> header(jws).put("x5c", "MIIB")),
                broken("x5c is empty", "signatures[0].header.x5c", jws -> header(jws).putArray("x5c")),
                broken("an x5c entry is a number", "signatures[0].header.x5c[1]", jws -> x5c(jws).set(1, NODES.numberNode(1))),
                broken("an x5c entry is not base64", "signatures[0].header.x5c[0]", jws -> x5c(jws).set(0, NODES.textNode("*"))),
                broken("an x5c entry is not a certificate", "signatures[0].header.x5c[0]",
                        jws -> x5c(jws).set(0, NODES.textNode("aGVsbG8="))),
                broken("crit is present", "signatures[0].header.crit", jws -> header(jws).putArray("crit").add("exp")),
                broken("the inner layer is malformed", "payload.signatures", jws -> {
                    byte[] inner = "{\"payload\":\"e30\",\"signatures\":[]}".getBytes(StandardCharsets.UTF_8);
                    jws.setAll(VconSigner.sign(inner, UUID, PKI.leaf.privateKey(), PKI.chain()));
                }),
                broken("the payload is a corrupt gzip", "payload", jws -> jws.setAll(VconSigner.sign(
                        new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}, UUID, PKI.leaf.privateKey(), PKI.chain()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenJws")
    void brokenJwsIsRejectedWithAPath(String name, String path, Consumer<ObjectNode> breakIt) {
        ObjectNode jws = VconSigner.sign(VCON, UUID, PKI.leaf.privateKey(), PKI.chain());
        breakIt.accept(jws);

        Throwable thrown = catchThrowable(() -> verifier.verify(jws));

        assertThat(thrown).isInstanceOf(InvalidVconException.class);
        assertThat(((InvalidVconException) thrown).errors()).extracting(Problem::path).contains(path);
    }

    @Test
    void nonObjectsAreRejected() {
        for (JsonNode node : new JsonNode[] {null, NullNode.instance, MissingNode.getInstance(), NODES.textNode("x"),
            NODES.arrayNode(), NODES.numberNode(1), NODES.objectNode()}) {
            assertThat(catchThrowable(() -> verifier.verify(node))).as(String.valueOf(node))
                    .isInstanceOf(InvalidVconException.class);
            assertThat(catchThrowable(() -> VconDecryptor.decrypt(node, PKI.leaf.privateKey())))
                    .as(String.valueOf(node)).isInstanceOf(InvalidVconException.class);
        }
    }

    static Stream<Arguments> brokenJwe() {
        return Stream.of(
                broken("recipients is missing", "recipients", jwe -> jwe.remove("recipients")),
                broken("recipients is empty", "recipients", jwe -> jwe.putArray("recipients")),
                broken("a recipient is a number", "recipients[0]", jwe -> ((ArrayNode) jwe.get("recipients")).set(0,
                        NODES.numberNode(3))),
                broken("encrypted_key is missing", "recipients[0].encrypted_key",
                        jwe -> ((ObjectNode) jwe.at("/recipients/0")).remove("encrypted_key")),
                broken("alg differs between headers", "protected.alg", jwe -> ((ObjectNode) jwe.at("/recipients/0/header"))
                        .put("alg", "RSA1_5")),
                broken("alg is RSA1_5", "recipients", jwe -> {
                    ((ObjectNode) jwe.at("/recipients/0/header")).put("alg", "RSA1_5");
                    jwe.put("protected", b64("{\"enc\":\"A256CBC-HS512\"}"));
                }),
                broken("iv is missing", "iv", jwe -> jwe.remove("iv")),
                broken("ciphertext is a number", "ciphertext", jwe -> jwe.put("ciphertext", 5)),
                broken("tag is not base64url", "tag", jwe -> jwe.put("tag", "a=b")),
                broken("protected is not JSON", "protected", jwe -> jwe.put("protected", b64("x"))),
                broken("unprotected is an array", "unprotected", jwe -> jwe.putArray("unprotected")),
                broken("enc is unknown", "unprotected.enc", jwe -> {
                    ((ObjectNode) jwe.get("unprotected")).put("enc", "A1CBC");
                    jwe.put("protected", b64("{\"alg\":\"RSA-OAEP\"}"));
                }),
                broken("enc differs between headers", "protected.enc",
                        jwe -> ((ObjectNode) jwe.get("unprotected")).put("enc", "A128GCM")),
                broken("zip is present", "unprotected.zip", jwe -> ((ObjectNode) jwe.get("unprotected")).put("zip", "DEF")),
                broken("the key is wrapped for someone else", "recipients", jwe -> ((ObjectNode) jwe.at("/recipients/0"))
                        .put("encrypted_key", VconEncryptor.encrypt(VCON, UUID, List.of(PKI.lone.certificate()))
                                .at("/recipients/0/encrypted_key").textValue())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenJwe")
    void brokenJweIsRejectedWithAPath(String name, String path, Consumer<ObjectNode> breakIt) {
        ObjectNode jwe = VconEncryptor.encrypt(VCON, UUID, List.of(PKI.leaf.certificate()));
        breakIt.accept(jwe);

        Throwable thrown = catchThrowable(() -> VconDecryptor.decrypt(jwe, PKI.leaf.privateKey()));

        assertThat(thrown).isInstanceOf(InvalidVconException.class);
        assertThat(((InvalidVconException) thrown).errors()).extracting(Problem::path).contains(path);
    }

    @Test
    void randomStructuralDamageNeverEscapesAsAnotherException() {
        Random random = new Random(20260701L);
        ObjectNode inner = VconSigner.sign(VCON, UUID, PKI.leaf.privateKey(), PKI.chain());
        ObjectNode wrapped = VconSigner.sign(bytes(inner), UUID, PKI.lone.privateKey(), List.of(PKI.lone.certificate()));
        ObjectNode jwe = VconEncryptor.encrypt(bytes(inner), UUID, List.of(PKI.leaf.certificate()));
        for (int i = 0; i < 300; i++) {
            JsonNode damagedJws = damage((i % 2 == 0 ? inner : wrapped).deepCopy(), random);
            JsonNode damagedJwe = damage(jwe.deepCopy(), random);
            assertOnlyInvalidVcon(() -> verifier.verify(damagedJws), damagedJws);
            assertOnlyInvalidVcon(() -> VconDecryptor.decrypt(damagedJwe, PKI.leaf.privateKey()), damagedJwe);
        }
    }

    private static void assertOnlyInvalidVcon(Runnable call, JsonNode input) {
        Throwable thrown = catchThrowable(call::run);
        if (thrown != null) {
            assertThat(thrown).as(input.toString()).isInstanceOf(InvalidVconException.class);
        }
    }

    /** Replaces one random value anywhere in the tree with a random value of another shape. */
    private static JsonNode damage(JsonNode root, Random random) {
        List<Map.Entry<JsonNode, Object>> slots = new ArrayList<>();
        collect(root, slots);
        Map.Entry<JsonNode, Object> slot = slots.get(random.nextInt(slots.size()));
        JsonNode replacement = switch (random.nextInt(8)) {
            case 0 -> NullNode.instance;
            case 1 -> NODES.numberNode(random.nextInt());
            case 2 -> NODES.textNode("");
            case 3 -> NODES.arrayNode();
            case 4 -> NODES.objectNode();
            case 5 -> NODES.textNode(b64("{\"alg\":\"RS256\",\"x5c\":[1]}"));
            case 6 -> NODES.booleanNode(true);
            default -> NODES.textNode(flip(slotValue(slot), random));
        };
        if (slot.getKey() instanceof ObjectNode object) {
            object.set((String) slot.getValue(), replacement);
        } else {
            ((ArrayNode) slot.getKey()).set((Integer) slot.getValue(), replacement);
        }
        return root;
    }

    private static void collect(JsonNode node, List<Map.Entry<JsonNode, Object>> slots) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                slots.add(Map.entry(node, name));
                collect(object.get(name), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(Map.entry(node, i));
                collect(array.get(i), slots);
            }
        }
    }

    private static String slotValue(Map.Entry<JsonNode, Object> slot) {
        JsonNode value = slot.getKey() instanceof ObjectNode object ? object.get((String) slot.getValue())
                : slot.getKey().get((Integer) slot.getValue());
        return value.isTextual() ? value.textValue() : value.toString();
    }

    private static String flip(String text, Random random) {
        if (text.isEmpty()) {
            return "A";
        }
        char[] chars = text.toCharArray();
        chars[random.nextInt(chars.length)] = "A_-=+/{}\"".charAt(random.nextInt(9));
        return new String(chars);
    }

    private static Arguments broken(String name, String path, Consumer<ObjectNode> breakIt) {
        return Arguments.of(name, path, breakIt);
    }

    private static ObjectNode first(ObjectNode jws) {
        return (ObjectNode) jws.get("signatures").get(0);
    }

    private static ObjectNode header(ObjectNode jws) {
        return (ObjectNode) first(jws).get("header");
    }

    private static ArrayNode signatures(ObjectNode jws) {
        return (ArrayNode) jws.get("signatures");
    }

    private static ArrayNode x5c(ObjectNode jws) {
        return (ArrayNode) header(jws).get("x5c");
    }

    private static String b64(String text) {
        return JoseSupport.encode(text.getBytes(StandardCharsets.UTF_8));
    }
}
