package dev.sioconf.server.eio4.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sioconf.server.json.JsonString;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON read as JavaScript's {@code JSON.parse} reads it and written byte for byte as
 * {@code JSON.stringify} writes it (SIO5-17.2). Jackson reads; the writing is done here because
 * Jackson's output differs in details clients compare: upper-case hex in {@code \\u001E},
 * {@code 1.0} where JavaScript writes {@code 1}, raw lone surrogates.
 */
public final class JsonText {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    // JavaScript numbers are doubles: integers beyond 2^53 come back rounded
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private JsonText() {
    }

    /** Object members keep the order of the text (SIO5-23.7). */
    public static JsonNode parse(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedPacketException("not JSON: " + MalformedPacketException.abbreviate(json), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new MalformedPacketException("no JSON value in '" + MalformedPacketException.abbreviate(json) + "'");
        }
        return node;
    }

    /**
     * @throws IllegalArgumentException for a binary value: binary travels as an attachment,
     *                                  see {@link BinaryPlaceholders}
     */
    public static String stringify(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        writeString(s, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.append('{');
                Iterator<Map.Entry<String, JsonNode>> members = node.properties().iterator();
                while (members.hasNext()) {
                    Map.Entry<String, JsonNode> member = members.next();
                    writeString(member.getKey(), out);
                    out.append(':');
                    write(member.getValue(), out);
                    if (members.hasNext()) {
                        out.append(',');
                    }
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> out.append(number(node));
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            case BINARY -> throw new IllegalArgumentException("a binary value has no JSON form; replace it by a placeholder");
            default -> throw new IllegalArgumentException("no JSON form for a " + node.getNodeType() + " node");
        }
    }

    private static String number(JsonNode node) {
        if (node.canConvertToLong() && node.isIntegralNumber() && Math.abs(node.longValue()) <= MAX_SAFE_INTEGER) {
            return Long.toString(node.longValue());
        }
        return javascriptNumber(node.doubleValue());
    }

    /** {@code Number.prototype.toString} of ECMA-262 (7.1.12.1) for a double. */
    static String javascriptNumber(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "null"; // what JSON.stringify writes for them
        }
        if (d == 0) {
            return "0";
        }
        String sign = d < 0 ? "-" : "";
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // the value is 0.<digits> times 10^n
        String body;
        if (k <= n && n <= 21) {
            body = digits + "0".repeat(n - k);
        } else if (0 < n && n <= 21) {
            body = digits.substring(0, n) + '.' + digits.substring(n);
        } else if (-6 < n && n <= 0) {
            body = "0." + "0".repeat(-n) + digits;
        } else {
            String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            body = mantissa + 'e' + (n - 1 >= 0 ? "+" : "-") + Math.abs(n - 1);
        }
        return sign + body;
    }

    private static void writeString(String s, StringBuilder out) {
        out.append(JsonString.quote(s));
    }
}
