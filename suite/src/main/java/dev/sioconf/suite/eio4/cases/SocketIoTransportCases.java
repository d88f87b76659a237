package dev.sioconf.suite.eio4.cases;

import static dev.sioconf.suite.eio4.SocketIoPackets.bytes;
import static dev.sioconf.suite.eio4.SocketIoPackets.join;
import static dev.sioconf.suite.eio4.SocketIoPackets.joined;
import static dev.sioconf.suite.eio4.SocketIoPackets.placeholder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineRecorder.Received;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;

/**
 * spec/eio4.md section 16: Socket.IO over Engine.IO. Every Socket.IO case runs on every transport
 * (SIO5-16.2); these cases look at the Engine.IO messages themselves and at the upgrade.
 */
class SocketIoTransportCases {

    @Requirement("SIO5-16.1")
    @Eio4Case(does = "joins /, sends a message with two attachments (01 02 03, 04 05 06) and reads the Engine.IO packets "
            + "of the answer: one text message, then two binary messages (binary frames on a WebSocket)")
    void packetTextThenEachAttachmentAsItsOwnBinaryMessage(EngineTester t) {
        EngineConnection c = joined(t, "/");
        String two = placeholder(0) + "," + placeholder(1);
        c.sendSio("52-[\"message\"," + two + "]", bytes(1, 2, 3), bytes(4, 5, 6));
        Received text = c.inbox().nextReceived(EngineBounds.PROMPT);
        Received first = c.inbox().nextReceived(EngineBounds.PROMPT);
        Received second = c.inbox().nextReceived(EngineBounds.PROMPT);
        assertThat(text.toString()).as("the packet as one message").isEqualTo("452-[\"message-back\"," + two + "]");
        boolean ws = c.onWebSocket();
        assertThat(first.toString()).as("first attachment").isEqualTo(ws ? "[binary frame 01 02 03]" : "bAQID");
        assertThat(second.toString()).as("second attachment").isEqualTo(ws ? "[binary frame 04 05 06]" : "bBAUG");
    }

    @Requirement("SIO5-16.1")
    @Eio4Case(does = "joins / and sends message-with-ack with id 8; expects the ACK alone in one message packet, no other packet")
    void eachPacketIsExactlyOneMessage(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.emit("/", 8, "[\"message-with-ack\",\"one\"]");
        assertThat(c.inbox().nextReceived(EngineBounds.PROMPT).toString()).as("the ACK as one message").isEqualTo("438[\"one\"]");
        c.inbox().assertExhausted(EngineBounds.QUIET);
    }

    @Requirement("SIO5-16.2")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "joins / and /custom over polling, upgrades the session to a WebSocket, then uses both namespaces on it")
    void namespacesJoinedOnPollingKeepWorkingAfterTheUpgrade(EngineTester t) {
        EngineConnection c = t.open(EngineTransport.POLLING);
        join(c, "/");
        join(c, "/custom");
        c.upgrade();
        c.emit("/custom", 5, "[\"message-with-ack\",\"after\"]");
        c.inbox().assertNextSio("3/custom,5[\"after\"]");
        c.sendSio("51-[\"message\"," + placeholder(0) + "]", bytes(9));
        c.inbox().assertNextSio("51-[\"message-back\"," + placeholder(0) + "]");
        assertThat(c.inbox().nextReceived(EngineBounds.PROMPT).toString()).as("attachment on the WebSocket").isEqualTo("[binary frame 09]");
    }
}
