package dev.sioconf.server.eio3;

import java.util.Arrays;
import java.util.Optional;

/**
 * Deliberate deviations from Engine.IO 3 / Socket.IO 4 (socket.io 2.x) that the reference server
 * can be started with, so that the conformance suite can show it catches each of them. The
 * {@code eio3-} prefix keeps the names apart from the legacy and eio4 faults.
 */
public enum Eio3Fault {
    LENGTH_IN_BYTES("eio3-length-in-bytes",
            "text payload lengths count UTF-8 bytes instead of characters"),
    NO_PONG("eio3-no-pong",
            "a client's ping 2 is not answered with pong 3"),
    SERVER_PINGS("eio3-server-pings",
            "the heartbeat runs as in eio4: the server pings and ends sessions that do not pong"),
    NO_IMPLICIT_CONNECT("eio3-no-implicit-connect",
            "the main namespace's 40 is not sent after the open packet"),
    CONNECT_WITH_SID("eio3-connect-with-sid",
            "a namespace CONNECT is answered with a sid object, as Socket.IO 5 does"),
    WS_BINARY_WITHOUT_TYPE("eio3-ws-binary-without-type",
            "binary WebSocket frames carry the bare data without the leading type byte 4"),
    BASE64_WITHOUT_TYPE("eio3-base64-without-type",
            "binary messages in text payloads are written b<base64> instead of b4<base64>"),
    NO_INVALID_NAMESPACE("eio3-no-invalid-namespace",
            "a CONNECT for an unknown namespace gets no 44 error"),
    NO_BINARY_PAYLOAD("eio3-no-binary-payload",
            "binary polling payloads are never used: binary goes as base64 even without b64=1");

    private final String wireName;
    private final String description;

    Eio3Fault(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    /** The name given to {@code --fault}. */
    public String wireName() {
        return wireName;
    }

    public String description() {
        return description;
    }

    public static Optional<Eio3Fault> ofWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
    }
}
