package io.conserver.domain.vcon;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ShortNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.Map;

/**
 * Writes bodies and extras straight to the generator. {@code JsonGenerator.writeTree} builds a
 * serializer provider and flushes the generator for every call, once per body of every dialog and
 * analysis; the plain node types are written here exactly as their own {@code serialize} writes
 * them, and anything else (POJO or binary nodes built in code) still goes through Jackson.
 */
final class NodeWriter {
    private NodeWriter() {
    }

    static void write(JsonGenerator g, JsonStrings strings, JsonNode node) throws IOException {
        Class<?> type = node.getClass();
        if (type == TextNode.class) {
            String text = node.textValue();
            if (text == null) {
                g.writeNull();
            } else {
                strings.write(text);
            }
        } else if (type == ObjectNode.class) {
            g.writeStartObject(node, node.size());
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                g.writeFieldName(field.getKey());
                write(g, strings, field.getValue());
            }
            g.writeEndObject();
        } else if (type == ArrayNode.class) {
            g.writeStartArray(node, node.size());
            for (int i = 0; i < node.size(); i++) {
                write(g, strings, node.get(i));
            }
            g.writeEndArray();
        } else if (!scalar(g, node, type)) {
            g.writeTree(node);
        }
    }

    private static boolean scalar(JsonGenerator g, JsonNode node, Class<?> type) throws IOException {
        if (type == IntNode.class) {
            g.writeNumber(node.intValue());
        } else if (type == DecimalNode.class) {
            g.writeNumber(node.decimalValue());
        } else if (type == BooleanNode.class) {
            g.writeBoolean(node.booleanValue());
        } else if (type == NullNode.class) {
            g.writeNull();
        } else if (type == LongNode.class) {
            g.writeNumber(node.longValue());
        } else if (type == BigIntegerNode.class) {
            g.writeNumber(node.bigIntegerValue());
        } else if (type == DoubleNode.class) {
            g.writeNumber(node.doubleValue());
        } else if (type == FloatNode.class) {
            g.writeNumber(node.floatValue());
        } else if (type == ShortNode.class) {
            g.writeNumber(node.shortValue());
        } else {
            return false;
        }
        return true;
    }
}
