package dev.sioconf.server.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The round trips of the eio4 server contract (spec/eio4.md section 23) that both client tests
 * drive, with the exact argument lists as JSON. Binary values are written {"$binary":"<base64>"},
 * as interop/modern-client.js reports them; these argument lists must stay the same as that
 * script's, since the node test compares its report with them.
 */
final class Contract {

    /** sendMessage -> helloBack with this one argument list. */
    static final JsonNode HELLO_BACK = json("[{\"message\":\"Hello back!\"}]");
    /** echo with an ack: the event and the ack both come back with these arguments. */
    static final JsonNode ECHO_ARGS = json("[\"ping\",42,{\"k\":[1,2],\"s\":\"h\u00e9 \u2713\",\"b\":true,\"n\":null},[1.5,-7,\"x\"]]");
    /** message -> message-back, and message-with-ack -> the ack, with these arguments. */
    static final JsonNode MESSAGE_ARGS = json("[1,\"2\",{\"3\":[true]}]");
    /** echo with binary arguments (bytes 00 01 02 7f 80 fd fe ff, and "sioconf" nested in an object). */
    static final JsonNode BINARY_ARGS = json("[\"bin\",{\"$binary\":\"AAECf4D9/v8=\"},{\"nested\":{\"$binary\":\"c2lvY29uZg==\"}}]");
    /** echo with an ack once the client is on websocket after an upgrade. */
    static final JsonNode UPGRADED_ARGS = json("[\"upgraded\"]");

    private Contract() {
    }

    /** The auth object a test connects with on {@code namespace} (the values of the spec's table). */
    static String authToken(String namespace) {
        return "/".equals(namespace) ? "123" : "abc";
    }

    static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
