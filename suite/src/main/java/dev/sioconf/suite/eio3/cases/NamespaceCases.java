package dev.sioconf.suite.eio3.cases;

import static dev.sioconf.suite.eio3.Sio4Packets.join;
import static dev.sioconf.suite.eio3.Sio4Packets.joined;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.eio3.Eio3Codec;
import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.engine.OpenPacket;
import dev.sioconf.suite.junit.Eio3Case;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.WebSocketWire;
import java.util.List;
import java.util.Map;

/**
 * spec/eio3.md section 18: namespaces. The main namespace is joined by the server as the session
 * opens; {@code /custom} by a CONNECT answered {@code 40/custom,}. The cases wait for each CONNECT
 * answer before sending on the namespace: socket.io 2.5.1 joins asynchronously and drops what
 * comes for a namespace not yet joined.
 */
class NamespaceCases {

    @Requirement("SIO4-18.1")
    @Eio3Case(transports = {EngineTransport.POLLING, EngineTransport.POLLING_JSONP},
            does = "polling handshake (with j=0 on JSONP); expects the body to be exactly <n>:0{...}2:40, "
                    + "the open packet and the main namespace's CONNECT")
    void pollingHandshakeBodyCarriesTheMainNamespaceConnect(EngineTester t) {
        boolean jsonp = t.transport() == EngineTransport.POLLING_JSONP;
        HttpAnswer a = t.get(t.eio() + "&transport=polling" + (jsonp ? "&j=0" : ""));
        assertThat(a.status()).as("handshake status").isEqualTo(200);
        List<String> packets = SocketIoTransportCases.packetsOf(t, a, jsonp);
        OpenPacket.parse(packets.get(0));
        assertThat(packets).as("packets of the handshake answer").hasSize(2);
        assertThat(packets.get(1)).as("the packet after the open packet").isEqualTo("40");
        assertThat(Eio3Codec.payload(packets)).as("the handshake payload").endsWith("2:40");
    }

    @Requirement("SIO4-18.1")
    @Eio3Case(transports = EngineTransport.WEBSOCKET,
            does = "opens a WebSocket with ?EIO=3&transport=websocket; expects the open packet, then a text frame 40")
    void websocketSendsTheMainNamespaceConnectAsSecondFrame(EngineTester t) {
        WebSocketWire ws = t.openWebSocket(t.path(), t.eio() + "&transport=websocket", Map.of());
        OpenPacket.parse(ws.next(EngineBounds.PROMPT));
        assertThat(ws.next(EngineBounds.PROMPT)).as("second frame").isEqualTo("40");
    }

    @Requirement("SIO4-18.1")
    @Eio3Case(does = "opens a session and reads the first Socket.IO packet; expects 40, then nothing more")
    void theMainNamespaceConnectIsTheFirstSocketIoPacket(EngineTester t) {
        EngineConnection c = joined(t); // asserts the first Socket.IO packet is 40 (on UPGRADE, before the upgrade)
        c.inbox().assertExhausted(EngineBounds.QUIET);
    }

    @Requirement("SIO4-18.2")
    @Eio3Case(does = "sends 40/custom, and expects exactly 40/custom,; then message-with-ack on /custom")
    void connectToACustomNamespaceIsAnsweredWithoutData(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("0/custom,");
        c.inbox().assertNextSio("0/custom,");
        c.emit("/custom", 1, "[\"message-with-ack\",\"in\"]");
        c.inbox().assertNextSio("3/custom,1[\"in\"]");
    }

    @Requirement("SIO4-18.2")
    @Eio3Case(does = "joins /custom on a session already on /, then sends sendMessage on each namespace")
    void oneSessionJoinsSeveralNamespaces(EngineTester t) {
        EngineConnection c = joined(t, "/", "/custom");
        c.emit("/custom", "[\"sendMessage\"]");
        c.inbox().assertNextSio("2/custom,[\"helloBack\",{\"message\":\"Hello back!\"}]");
        c.emit("/", "[\"sendMessage\"]");
        c.inbox().assertNextSio("2[\"helloBack\",{\"message\":\"Hello back!\"}]");
    }

    @Requirement("SIO4-18.3")
    @Eio3Case(does = "sends 40/custom?token=abc, and expects exactly 40/custom,; then message-with-ack on /custom")
    void queryStringAfterTheNamespaceIsAnsweredAsTheBareNamespace(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("0/custom?token=abc,");
        c.inbox().assertNextSio("0/custom,");
        c.emit("/custom", 2, "[\"message-with-ack\",\"q\"]");
        c.inbox().assertNextSio("3/custom,2[\"q\"]");
    }

    @Requirement("SIO4-18.4")
    @Eio3Case(does = "joins /custom, sends 40/random, and expects exactly 44/random,\"Invalid namespace\"; "
            + "then uses / and /custom on the same session")
    void unknownNamespaceIsRefusedAndTheSessionStaysOpen(EngineTester t) {
        EngineConnection c = joined(t, "/", "/custom");
        c.sendSio("0/random");
        c.inbox().assertNextSio("4/random,\"Invalid namespace\"");
        c.emit("/", 3, "[\"message-with-ack\",\"main\"]");
        c.inbox().assertNextSio("33[\"main\"]");
        c.emit("/custom", 4, "[\"message-with-ack\",\"custom\"]");
        c.inbox().assertNextSio("3/custom,4[\"custom\"]");
    }

    @Requirement("SIO4-18.4")
    @Eio3Case(does = "sends 40/random, (with its comma) and expects exactly 44/random,\"Invalid namespace\"; then joins /custom")
    void unknownNamespaceWithCommaIsRefusedAndOthersCanStillBeJoined(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("0/random,");
        c.inbox().assertNextSio("4/random,\"Invalid namespace\"");
        join(c, "/custom");
    }

    @Requirement("SIO4-18.6")
    @Eio3Case(does = "joins /custom, sends 40/custom, again; expects another 40/custom, and /custom still answering")
    void secondConnectForAJoinedNamespaceIsAnsweredAgain(EngineTester t) {
        EngineConnection c = joined(t, "/", "/custom");
        c.sendSio("0/custom,");
        c.inbox().assertNextSio("0/custom,");
        c.emit("/custom", 5, "[\"message-with-ack\",\"twice\"]");
        c.inbox().assertNextSio("3/custom,5[\"twice\"]");
    }

    @Requirement("SIO4-18.6")
    @Eio3Case(does = "sends 40/custom,{\"token\":\"abc\"}, a revision 5 style CONNECT with data; expects 40/custom, "
            + "and /custom answering")
    void connectWithAJsonObjectIsAccepted(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("0/custom,{\"token\":\"abc\"}");
        c.inbox().assertNextSio("0/custom,");
        c.emit("/custom", 6, "[\"message-with-ack\",\"data\"]");
        c.inbox().assertNextSio("3/custom,6[\"data\"]");
    }
}
