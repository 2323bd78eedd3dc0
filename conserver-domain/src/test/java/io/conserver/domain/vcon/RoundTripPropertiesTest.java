package io.conserver.domain.vcon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** What is written reads back equal, and what is not understood survives, in its place, untouched. */
class RoundTripPropertiesTest {
    private static final VconCodec CODEC =
            new VconCodec(ValidationOptions.lenient().withSupportedExtensions(VconArbitraries.SUPPORTED_CRITICAL));
    private static final ObjectMapper MAPPER = new JsonSupport(ValidationOptions.DEFAULT_MAX_BYTES).mapper();

    @Property(tries = 300)
    void writtenVconsReadBackEqualAndValid(@ForAll("vcons") Vcon v) {
        byte[] written = CODEC.write(v);
        Vcon read = CODEC.parse(written);

        assertThat(read).as(() -> "first difference: " + diff(read, v, "$")).isEqualTo(v);
        assertThat(CODEC.write(read)).isEqualTo(written);
        assertThat(CODEC.validate(v)).noneMatch(Problem::isError);
    }

    /**
     * The fast path reads what it accepts as the full read does. Every read in the tests is checked so
     * (see VconCodec); this property also proves the generated vCons reach the fast path often enough
     * for that check to mean something.
     */
    @Property(tries = 300)
    void fastReadsAgreeWithTheFullRead(@ForAll("someClean") Vcon v) {
        byte[] written = CODEC.write(v);
        ReadResult full = CODEC.readFully(written);
        ReadResult fast = CODEC.readFast(written);

        Statistics.label("fast path").collect(fast != null);
        Statistics.label("fast path").coverage(c -> c.check(true).percentage(p -> p >= 30));
        if (fast != null) {
            assertThat(fast).isEqualTo(full);
        }
    }

    @Property(tries = 300)
    void unknownFieldsAtAnyLevelSurviveInOrder(@ForAll("vcons") Vcon v, @ForAll("values") List<JsonNode> values,
            @ForAll Random random) {
        ObjectNode doc = CODEC.toTree(v);
        List<JsonPointer> targets = objectsTakingUnknownFields(doc);
        for (int i = 0; i < values.size(); i++) {
            JsonPointer at = targets.get(random.nextInt(targets.size()));
            boolean civic = at.toString().endsWith("/civicaddress");
            insertAt((ObjectNode) doc.at(at), "x_unknown_" + i, civic ? TextNode.valueOf("v" + i) : values.get(i),
                    random);
        }

        JsonNode once = tree(CODEC.write(CODEC.parse(bytes(doc))));
        JsonNode twice = tree(CODEC.write(CODEC.parse(bytes(once))));
        for (JsonPointer at : targets) {
            Map<String, JsonNode> expected = unknowns(doc.at(at));
            assertThat(unknowns(once.at(at))).as("unknown fields at %s", at).containsExactlyEntriesOf(expected);
            assertThat(unknowns(twice.at(at))).as("unknown fields at %s", at).containsExactlyEntriesOf(expected);
        }
    }

    /** The path of the first model component that differs, with both values, to make a failure readable. */
    private static String diff(Object a, Object b, String path) {
        if (java.util.Objects.equals(a, b)) {
            return null;
        }
        if (a instanceof Record && b instanceof Record) {
            for (var c : a.getClass().getRecordComponents()) {
                try {
                    String d = diff(c.getAccessor().invoke(a), c.getAccessor().invoke(b), path + "." + c.getName());
                    if (d != null) {
                        return d;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        if (a instanceof List<?> la && b instanceof List<?> lb && la.size() == lb.size()) {
            for (int i = 0; i < la.size(); i++) {
                String d = diff(la.get(i), lb.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
        }
        return path + ": " + a + " (" + (a == null ? null : a.getClass().getSimpleName()) + ") vs " + b + " ("
                + (b == null ? null : b.getClass().getSimpleName()) + ")";
    }

    @Provide
    Arbitrary<Vcon> vcons() {
        return VconArbitraries.vcons();
    }

    /** Half of them clean, which the fast path reads, and half as generated, which it mostly leaves. */
    @Provide
    Arbitrary<Vcon> someClean() {
        return net.jqwik.api.Arbitraries.oneOf(VconArbitraries.cleanVcons(), VconArbitraries.vcons());
    }

    @Provide
    Arbitrary<List<JsonNode>> values() {
        return VconArbitraries.json(2).list().ofMaxSize(8);
    }

    /** Every object the model keeps extras for: the vCon, its parts, and theirs. */
    private static List<JsonPointer> objectsTakingUnknownFields(JsonNode doc) {
        List<JsonPointer> out = new ArrayList<>(List.of(JsonPointer.empty()));
        for (String field : List.of("redacted", "amended")) {
            if (doc.has(field)) {
                out.add(JsonPointer.compile("/" + field));
            }
        }
        for (String list : List.of("parties", "dialog", "attachments", "analysis")) {
            for (int i = 0; i < doc.path(list).size(); i++) {
                String item = "/" + list + "/" + i;
                out.add(JsonPointer.compile(item));
                JsonNode node = doc.at(item);
                if (node.has("civicaddress")) {
                    out.add(JsonPointer.compile(item + "/civicaddress"));
                }
                for (int h = 0; h < node.path("party_history").size(); h++) {
                    out.add(JsonPointer.compile(item + "/party_history/" + h));
                }
                sessionIds(node.path("session_id"), item + "/session_id", out);
            }
        }
        return out;
    }

    private static void sessionIds(JsonNode node, String at, List<JsonPointer> out) {
        if (node.isObject()) {
            if (!node.isEmpty()) { // {} is "no session id"; a field in it would call for local and remote
                out.add(JsonPointer.compile(at));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                sessionIds(node.get(i), at + "/" + i, out);
            }
        }
    }

    /** Puts the field at a random position among the existing ones, not just at the end. */
    private static void insertAt(ObjectNode target, String name, JsonNode value, Random random) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(target.properties());
        fields.add(random.nextInt(fields.size() + 1), Map.entry(name, value));
        target.removeAll();
        fields.forEach(f -> target.set(f.getKey(), f.getValue()));
    }

    /** The fields the model does not name, in document order. */
    private static Map<String, JsonNode> unknowns(JsonNode object) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        object.properties().forEach(f -> {
            if (f.getKey().startsWith("x_")) {
                out.put(f.getKey(), f.getValue());
            }
        });
        return out;
    }

    private static byte[] bytes(JsonNode doc) {
        try {
            return MAPPER.writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(byte[] json) {
        return VconCodecTest.tree(json);
    }
}
