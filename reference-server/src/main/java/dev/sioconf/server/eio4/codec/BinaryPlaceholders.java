package dev.sioconf.server.eio4.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Swaps binary values for {@code {"_placeholder":true,"num":N}} and back (section 20). Binary
 * values are Jackson binary nodes; N counts from 0 in document order, arrays by index and
 * objects by member order, as socket.io-parser walks them.
 */
public final class BinaryPlaceholders {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** JSON without binary values, and the binary values it had, in placeholder order. */
    public record Deconstructed(JsonNode data, List<byte[]> attachments) {
    }

    private BinaryPlaceholders() {
    }

    public static boolean containsBinary(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isBinary()) {
            return true;
        }
        for (JsonNode child : node) {
            if (containsBinary(child)) {
                return true;
            }
        }
        return false;
    }

    /** Leaves {@code data} as it is and returns a copy with placeholders. */
    public static Deconstructed deconstruct(JsonNode data) {
        List<byte[]> attachments = new ArrayList<>();
        JsonNode replaced = replaceBinary(data, attachments);
        return new Deconstructed(replaced, List.copyOf(attachments));
    }

    /**
     * Puts the attachments back where the placeholders number them.
     *
     * @throws MalformedPacketException when a placeholder numbers no attachment (SIO5-20.4)
     */
    public static JsonNode reconstruct(JsonNode data, List<byte[]> attachments) {
        if (isPlaceholder(data)) {
            JsonNode num = data.get("num");
            if (num == null || !num.canConvertToExactIntegral() || !num.canConvertToInt()
                    || num.intValue() < 0 || num.intValue() >= attachments.size()) {
                throw new MalformedPacketException("placeholder " + JsonText.stringify(data) + " numbers none of "
                        + attachments.size() + " attachments");
            }
            return NODES.binaryNode(attachments.get(num.intValue()).clone());
        }
        if (data.isArray()) {
            ArrayNode copy = NODES.arrayNode(data.size());
            data.forEach(element -> copy.add(reconstruct(element, attachments)));
            return copy;
        }
        if (data.isObject()) {
            ObjectNode copy = NODES.objectNode();
            for (Map.Entry<String, JsonNode> member : data.properties()) {
                copy.set(member.getKey(), reconstruct(member.getValue(), attachments));
            }
            return copy;
        }
        return data;
    }

    /**
     * A wire BINARY_EVENT or BINARY_ACK with its attachments, as the EVENT or ACK it stands for.
     *
     * @throws MalformedPacketException when the count differs from the announced one or a
     *                                  placeholder numbers no attachment
     */
    public static SocketPacket reconstruct(SocketPacket wirePacket, List<byte[]> attachments) {
        if (!wirePacket.type().isBinary()) {
            throw new IllegalArgumentException(wirePacket.type() + " carries no attachments");
        }
        if (attachments.size() != wirePacket.attachments()) {
            throw new MalformedPacketException("the packet announces " + wirePacket.attachments()
                    + " attachments, got " + attachments.size());
        }
        SocketPacketType type = wirePacket.type() == SocketPacketType.BINARY_EVENT
                ? SocketPacketType.EVENT : SocketPacketType.ACK;
        JsonNode data = wirePacket.data() == null ? null : reconstruct(wirePacket.data(), attachments);
        return new SocketPacket(type, wirePacket.namespace(), 0, wirePacket.ackId(), data);
    }

    private static JsonNode replaceBinary(JsonNode node, List<byte[]> attachments) {
        if (node.isBinary()) {
            ObjectNode placeholder = NODES.objectNode();
            placeholder.put("_placeholder", true);
            placeholder.put("num", attachments.size());
            attachments.add(binaryValue(node));
            return placeholder;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode(node.size());
            node.forEach(element -> copy.add(replaceBinary(element, attachments)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                copy.set(member.getKey(), replaceBinary(member.getValue(), attachments));
            }
            return copy;
        }
        return node;
    }

    private static boolean isPlaceholder(JsonNode node) {
        if (!node.isObject()) {
            return false;
        }
        JsonNode flag = node.get("_placeholder");
        return flag != null && flag.isBoolean() && flag.booleanValue();
    }

    private static byte[] binaryValue(JsonNode node) {
        try {
            return node.binaryValue();
        } catch (IOException e) {
            throw new IllegalStateException("a binary node always has its bytes", e);
        }
    }
}
