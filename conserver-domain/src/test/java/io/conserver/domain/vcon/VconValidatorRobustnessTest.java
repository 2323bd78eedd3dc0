package io.conserver.domain.vcon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever the tree looks like, the validator answers with problems and never throws. */
class VconValidatorRobustnessTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<VconValidator> VALIDATORS =
            List.of(new VconValidator(ValidationOptions.lenient()), new VconValidator(ValidationOptions.strict()));

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{'uuid': {}, 'vcon': [], 'created_at': {}, 'updated_at': [], 'subject': {}}",
        "{'parties': 5, 'dialog': 'x', 'attachments': true, 'analysis': {}}",
        "{'parties': [5, 'x', null, [], {'civicaddress': 5}, {'civicaddress': {'pc': {}, 'a1': null}}]}",
        "{'dialog': [5, null, [], 'x', {}, {'type': 5}, {'type': null}, {'type': ['recording']}]}",
        "{'dialog': [{'type': 'recording', 'parties': {'a': 1}}]}",
        "{'dialog': [{'type': 'recording', 'parties': [[[1]], null, -1, 1.5, 123456789012345678901234567890]}]}",
        "{'dialog': [{'type': 'transfer', 'original': -5, 'target_dialog': [1e400], 'transfer_target': {}}]}",
        "{'dialog': [{'type': 'transfer', 'original': 0, 'consultation': [0, [0]], 'target_dialog': 'self'}]}",
        "{'dialog': [{'type': 'recording-set', 'recordings': 5}, {'type': 'recording-set', 'recordings': [[0], 1]}]}",
        "{'dialog': [{'type': 'recording', 'recording_set': [0]}, {'type': 'recording', 'recording_set': 1e10}]}",
        "{'dialog': [{'type': 'recording', 'session_id': [[['x']], 5, null, [null], 'legacy']}]}",
        "{'dialog': [{'type': 'recording', 'party_history': [5, {'party': 'a', 'time': 5, 'event': []}]}]}",
        "{'dialog': [{'type': 'recording', 'party_history': [{'event': 'keydown', 'button': {}}]}]}",
        "{'dialog': [{'type': 'recording', 'session_id': {'local': [], 'remote': {}}}]}",
        "{'dialog': [{'type': 'recording', 'duration': 'long'}, {'type': 'text', 'duration': -1e999}]}",
        "{'dialog': [{'type': 'recording', 'duration': -123456789012345678901234567890.5}]}",
        "{'dialog': [{'type': 'recording', 'body': {'a': [1, 2]}, 'encoding': 'base64url'}]}",
        "{'dialog': [{'type': 'text', 'body': 5, 'encoding': 5, 'mediatype': 5, 'filename': 5, 'url': 5}]}",
        "{'dialog': [{'type': 'incomplete', 'disposition': {}}, {'type': 'text', 'disposition': []}]}",
        "{'attachments': [{'url': 5, 'content_hash': [1, {}, null, []]}, {'content_hash': {}}, {'content_hash': []}]}",
        "{'attachments': [{'party': -0.0, 'dialog': '0', 'start': 5}, 5, [], null]}",
        "{'analysis': [{'dialog': {'x': 1}, 'attachment': '0', 'vendor': 7, 'type': []}]}",
        "{'analysis': [{'dialog': [[0]], 'attachment': [null, -1, 99999999999]}, 'x', null]}",
        "{'redacted': 5, 'amended': []}",
        "{'redacted': {'url': {}, 'content_hash': 5, 'uuid': 5, 'type': 5}, 'amended': {'url': 'ftp://x'}}",
        "{'critical': {'a': 1}, 'extensions': 'CC'}",
        "{'critical': [null, 5, 'CC', ''], 'extensions': [[], {}]}",
        "{'created_at': '9999-99-99T99:99:99Z', 'updated_at': '0000-00-00T00:00:00+99:99'}",
        "{'created_at': '2024-02-30T00:00:00Z', 'updated_at': '2024-02-29T00:00:00.Z'}",
        "{'uuid': 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz', 'created_at': ''}",
        "{'dialog': [{'type': 'text', 'mediatype': '/', 'body': '', 'content_hash': '-', 'url': ''}]}",
        "{'dialog': [{'type': 'text', 'parties': 9223372036854775807, 'originator': -9223372036854775808}]}",
    })
    void oddShapesNeverThrow(String json) {
        JsonNode tree = VconValidatorTest.node(json);
        for (VconValidator validator : VALIDATORS) {
            assertThatCode(() -> validator.validate(tree)).doesNotThrowAnyException();
            assertThat(validator.validate(tree)).isNotEmpty();
        }
    }

    @Test
    void deeplyNestedValuesNeverThrow() {
        ObjectNode vcon = VconValidatorTest.minimal();
        ObjectNode dialog = (ObjectNode) vcon.get("dialog").get(0);
        dialog.put("encoding", "json").set("body", nested(100_000));
        dialog.set("parties", nested(100_000));
        dialog.set("session_id", nested(100_000));
        ((ObjectNode) vcon.get("analysis").get(0)).set("dialog", nested(100_000));
        vcon.set("meta", nested(100_000));
        for (VconValidator validator : VALIDATORS) {
            assertThat(validator.validate(vcon)).isNotEmpty();
        }
    }

    @Test
    void hugeNumbersNeverThrow() {
        ObjectNode vcon = VconValidatorTest.minimal();
        ObjectNode dialog = (ObjectNode) vcon.get("dialog").get(0);
        dialog.set("parties", NODES.arrayNode().add(BigInteger.TEN.pow(400)).add(BigInteger.TEN.pow(400).negate())
                .add(new BigDecimal("1e-400")).add(Double.NaN).add(Double.POSITIVE_INFINITY).add(Long.MIN_VALUE));
        dialog.set("duration", NODES.numberNode(Double.NaN));
        ((ObjectNode) vcon.get("analysis").get(0)).set("dialog", NODES.numberNode(new BigDecimal("-1e400")));
        for (VconValidator validator : VALIDATORS) {
            assertThat(validator.validate(vcon)).extracting(Problem::path).contains("dialog[0].parties[0]",
                    "dialog[0].parties[5]", "dialog[0].duration", "analysis[0].dialog");
        }
    }

    @Test
    void binaryAndPojoNodesNeverThrow() {
        ObjectNode vcon = VconValidatorTest.minimal();
        vcon.set("uuid", NODES.binaryNode(new byte[] {1, 2}));
        vcon.set("created_at", NODES.pojoNode(new Object()));
        ObjectNode dialog = (ObjectNode) vcon.get("dialog").get(0);
        dialog.put("encoding", "base64url").set("body", NODES.binaryNode(new byte[] {3}));
        dialog.set("parties", NODES.arrayNode().add(NODES.pojoNode(List.of(1))).add(NODES.missingNode()));
        dialog.set("type", NODES.missingNode());
        for (VconValidator validator : VALIDATORS) {
            assertThat(validator.validate(vcon)).extracting(Problem::path)
                    .contains("uuid", "created_at", "dialog[0].body", "dialog[0].parties[0]", "dialog[0].type");
        }
    }

    /** Replaces random nodes of the rich vCon with random values, thousands of times, with a fixed seed. */
    @Test
    void randomMutationsNeverThrow() {
        Random random = new Random(20261120);
        for (int round = 0; round < 3_000; round++) {
            ObjectNode vcon = VconValidatorTest.rich();
            for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                mutate(vcon, random);
            }
            for (VconValidator validator : VALIDATORS) {
                assertThatCode(() -> validator.validate(vcon)).as(vcon::toString).doesNotThrowAnyException();
            }
        }
    }

    private static void mutate(ObjectNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        JsonNode value = randomValue(random);
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.properties().forEach(field -> names.add(field.getKey()));
            String name = names.isEmpty() || random.nextInt(5) == 0 ? "x" + random.nextInt(3)
                    : names.get(random.nextInt(names.size()));
            object.set(name, value);
        } else if (target instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextBoolean()) {
                array.add(value);
            } else {
                array.set(random.nextInt(array.size()), value);
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            for (JsonNode child : node) {
                collect(child, into);
            }
        }
    }

    private static JsonNode randomValue(Random random) {
        return switch (random.nextInt(14)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextInt(10) - 3);
            case 2 -> NODES.numberNode(random.nextDouble() * 10 - 5);
            case 3 -> NODES.numberNode(BigInteger.TWO.pow(70 + random.nextInt(200)));
            case 4 -> NODES.textNode("");
            case 5 -> NODES.textNode(List.of("recording", "text", "transfer", "incomplete", "recording-set", "keydown",
                    "base64url", "json", "none", "2026-11-20T15:04:05", "http://x", "sha512-").get(random.nextInt(12)));
            case 6 -> NODES.booleanNode(random.nextBoolean());
            case 7 -> NODES.objectNode();
            case 8 -> NODES.arrayNode();
            case 9 -> NODES.arrayNode().add(random.nextInt(8)).addNull().add(NODES.arrayNode().add(-1));
            case 10 -> NODES.objectNode().put("local", 1).putNull("remote");
            case 11 -> NODES.numberNode(new BigDecimal("-0.5"));
            case 12 -> nested(50);
            default -> NODES.textNode("¿?\u0000\uD800" + random.nextInt());
        };
    }

    private static JsonNode nested(int depth) {
        ArrayNode outer = NODES.arrayNode();
        ArrayNode current = outer;
        for (int i = 0; i < depth; i++) {
            ArrayNode inner = NODES.arrayNode();
            current.add(inner);
            current = inner;
        }
        return outer;
    }
}
