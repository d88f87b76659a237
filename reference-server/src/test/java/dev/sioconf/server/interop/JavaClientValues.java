package dev.sioconf.server.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * Converts between Jackson's JSON values (the contract's notation, binary as {"$binary":base64})
 * and the values io.socket:socket.io-client 2.1.2 sends and receives (org.json objects and
 * arrays, byte[] for binary, boxed numbers, {@link JSONObject#NULL}).
 */
final class JavaClientValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JavaClientValues() {
    }

    /** An argument list of the contract as the Java client's emit arguments. */
    static Object[] toClientArgs(JsonNode args) {
        Object[] out = new Object[args.size()];
        for (int i = 0; i < args.size(); i++) {
            out[i] = toClient(args.get(i));
        }
        return out;
    }

    static Object toClient(JsonNode node) {
        try {
            if (isBinary(node)) {
                return Base64.getDecoder().decode(node.get("$binary").asText());
            }
            if (node.isObject()) {
                JSONObject o = new JSONObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    o.put(e.getKey(), toClient(e.getValue()));
                }
                return o;
            }
            if (node.isArray()) {
                JSONArray a = new JSONArray();
                node.forEach(n -> a.put(toClient(n)));
                return a;
            }
        } catch (JSONException e) {
            throw new IllegalArgumentException(node.toString(), e);
        }
        if (node.isNull()) {
            return JSONObject.NULL;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        throw new IllegalArgumentException("no client value for " + node);
    }

    /** What the Java client handed to a listener or an ack, as a JSON array in the contract's notation. */
    static ArrayNode fromClientArgs(Object... args) {
        ArrayNode out = NODES.arrayNode();
        for (Object arg : args) {
            out.add(fromClient(arg));
        }
        return out;
    }

    static JsonNode fromClient(Object value) {
        try {
            if (value == null || value == JSONObject.NULL) {
                return NODES.nullNode();
            }
            if (value instanceof byte[]) {
                return NODES.objectNode().put("$binary", Base64.getEncoder().encodeToString((byte[]) value));
            }
            if (value instanceof JSONObject) {
                JSONObject o = (JSONObject) value;
                ObjectNode out = NODES.objectNode();
                for (Iterator<?> it = o.keys(); it.hasNext();) {
                    String key = String.valueOf(it.next());
                    out.set(key, fromClient(o.get(key)));
                }
                return out;
            }
            if (value instanceof JSONArray) {
                JSONArray a = (JSONArray) value;
                ArrayNode out = NODES.arrayNode();
                for (int i = 0; i < a.length(); i++) {
                    out.add(fromClient(a.get(i)));
                }
                return out;
            }
        } catch (JSONException e) {
            throw new IllegalStateException(String.valueOf(value), e);
        }
        if (value instanceof String) {
            return NODES.textNode((String) value);
        }
        if (value instanceof Boolean) {
            return NODES.booleanNode((Boolean) value);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).intValue());
        }
        if (value instanceof Long || value instanceof BigInteger) {
            long l = ((Number) value).longValue();
            return l == (int) l ? NODES.numberNode((int) l) : NODES.numberNode(l);
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return NODES.numberNode(((Number) value).doubleValue());
        }
        // anything else would be a client type this conversion does not know: make it visible
        return NODES.textNode("<" + value.getClass().getName() + ": " + value + ">");
    }

    private static boolean isBinary(JsonNode node) {
        return node.isObject() && node.size() == 1 && node.path("$binary").isTextual();
    }
}
