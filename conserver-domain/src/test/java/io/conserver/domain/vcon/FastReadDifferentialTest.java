package io.conserver.domain.vcon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The codec's fast path against its full read, on the documents where they could disagree: clean vCons,
 * which the fast path reads, changed in one or two places by values and names chosen to sit on
 * the validator's boundaries (a date without its zone, an index one past the end, a legacy name, a
 * null, a number where a string belongs...). Whatever the change, either the fast path gives way, or
 * it returns exactly what the full read returns: the same vCon and the same warnings.
 */
class FastReadDifferentialTest {
    private static final VconCodec CODEC =
            new VconCodec(ValidationOptions.lenient().withSupportedExtensions(VconArbitraries.SUPPORTED_CRITICAL));
    private static final VconCodec STRICT =
            new VconCodec(ValidationOptions.strict().withSupportedExtensions(VconArbitraries.SUPPORTED_CRITICAL));
    private static final ObjectMapper MAPPER = new JsonSupport(ValidationOptions.DEFAULT_MAX_BYTES).mapper();

    /** Current, legacy, extension and unknown names, at every level. */
    private static final List<String> NAMES = List.of("vcon", "uuid", "created_at", "updated_at", "subject",
            "extensions", "critical", "parties", "dialog", "analysis", "attachments", "redacted", "amended", "group",
            "appended", "must_support", "tel", "sip", "mailto", "name", "validation", "type", "civicaddress", "role",
            "contact_list", "start", "duration", "originator", "mediatype", "mimetype", "filename", "body",
            "encoding", "url", "content_hash", "alg", "signature", "message_id", "disposition", "application",
            "campaign", "skill", "session_id", "party_history", "transferee", "transferor", "transfer_target",
            "transfer-target", "original", "consultation", "target_dialog", "recordings", "recording_set", "purpose",
            "party", "vendor", "product", "schema", "attachment", "x_unknown", "payload", "signatures");

    /** Values on the validator's boundaries, as JSON text. */
    private static final List<String> VALUES = List.of("null", "true", "0", "-1", "1", "2", "7", "2147483648", "1.5",
            "1.0e1", "0e0", "-0.5", "1e999", "\"\"", "\"x\"", "\"none\"", "\"json\"", "\"base64url\"", "\"base64\"",
            "\"text\"", "\"recording\"", "\"incomplete\"", "\"transfer\"", "\"recording-set\"", "\"audio\"",
            "\"person\"", "\"alien\"", "\"tags\"", "\"failed\"", "\"busy\"", "\"0.4.0\"", "\"0.3.0\"",
            "\"2026-01-01T00:00:00Z\"", "\"2026-01-01T00:00:00\"", "\"2026-02-30T00:00:00Z\"",
            "\"2026-01-01T00:00:60+01:00\"", "\"https://media.example.com/a\"", "\"http://media.example.com/a\"",
            "\"sha512-AAAA\"", "\"SHA512:abc\"", "\"text/plain\"", "\"text\"", "\"AAEC\"", "\"a*b\"", "\"{\\\"a\\\":1}\"",
            "\"019b0a4e-2c1a-8e3f-9dd8-dd37220d739c\"", "\"019b0a4e-2c1a-4e3f-9dd8-dd37220d739c\"", "\"lawful_basis\"",
            "\"CC\"", "{}", "[]", "[0]", "[0,1]", "[null]", "[[0]]", "[[]]", "[\"CC\"]", "[\"lawful_basis\"]",
            "[\"x\"]", "{\"a\":1}", "{\"local\":\"x\",\"remote\":\"y\"}", "[\"sha512-AAAA\"]",
            "\"\\uD83D\\uDE00\"", "\"x\\uD800\"", "\"\\uDC00\"", "\"\\\\uD800\"", "{\"\\uD800\":1}");

    @Property(tries = 1000)
    void aChangedCleanVconReadsTheSameOnBothPaths(@ForAll("cleanDocuments") ObjectNode document,
            @ForAll @IntRange(min = 1, max = 2) int changes, @ForAll Random random) {
        for (int i = 0; i < changes; i++) {
            change(document, random);
        }
        byte[] bytes = bytes(document);
        for (VconCodec codec : List.of(CODEC, STRICT)) {
            ReadResult fast = codec.readFast(bytes);
            Statistics.label(codec == CODEC ? "lenient" : "strict").collect(fast != null ? "fast" : "gave way");
            if (fast != null) {
                assertThat(fast).as("%s", document).isEqualTo(codec.readFully(bytes));
            }
        }
        // Some changes leave a vCon the fast path reads; without them this property would test nothing.
        Statistics.label("lenient").coverage(c -> c.check("fast").percentage(p -> p >= 5));
    }

    @Provide
    Arbitrary<ObjectNode> cleanDocuments() {
        return VconArbitraries.cleanVcons().map(CODEC::toTree);
    }

    private static void change(ObjectNode document, Random random) {
        List<ContainerNode<?>> containers = new ArrayList<>();
        collect(document, containers);
        ContainerNode<?> target = containers.get(random.nextInt(containers.size()));
        JsonNode value = value(random);
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            int op = random.nextInt(4);
            if (op <= 1 && !names.isEmpty()) {
                // Half the time a value of the same JSON type: a wrong type is found at once, a wrong
                // value of the right type is where the two paths could part.
                String name = names.get(random.nextInt(names.size()));
                object.set(name, op == 0 ? sameType(object.get(name), random) : value);
            } else if (op == 2 && !names.isEmpty()) {
                object.remove(names.get(random.nextInt(names.size())));
            } else {
                object.set(NAMES.get(random.nextInt(NAMES.size())), value);
            }
        } else if (target instanceof ArrayNode array) {
            if (!array.isEmpty() && random.nextBoolean()) {
                array.set(random.nextInt(array.size()), value);
            } else {
                array.add(value);
            }
        }
    }

    private static void collect(JsonNode node, List<ContainerNode<?>> out) {
        if (node instanceof ContainerNode<?> container) {
            out.add(container);
            node.forEach(child -> collect(child, out));
        }
    }

    private static JsonNode sameType(JsonNode original, Random random) {
        for (int attempt = 0; attempt < 50; attempt++) {
            JsonNode candidate = value(random);
            if (candidate.getNodeType() == original.getNodeType()) {
                return candidate;
            }
        }
        return value(random);
    }

    private static JsonNode value(Random random) {
        try {
            return MAPPER.readTree(VALUES.get(random.nextInt(VALUES.size())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode document) {
        try {
            return MAPPER.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
