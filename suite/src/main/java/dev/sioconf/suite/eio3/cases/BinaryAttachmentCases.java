package dev.sioconf.suite.eio3.cases;

import static dev.sioconf.suite.eio3.Sio4Packets.joined;
import static dev.sioconf.suite.eio4.SocketIoPackets.assertClosedWithoutAnswer;
import static dev.sioconf.suite.eio4.SocketIoPackets.assertNextAttachment;
import static dev.sioconf.suite.eio4.SocketIoPackets.bytes;
import static dev.sioconf.suite.eio4.SocketIoPackets.placeholder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.junit.Eio3Case;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;
import java.util.ArrayList;
import java.util.List;

/**
 * spec/eio3.md section 20: binary attachments. Each case runs on every transport, so the client's
 * attachments go as {@code 0x04} binary frames on a WebSocket and as {@code b4} entries of a text
 * payload on XHR and JSONP polling; one case POSTs them in an {@code application/octet-stream}
 * binary payload.
 */
class BinaryAttachmentCases {

    static final String TWO = placeholder(0) + "," + placeholder(1);

    @Requirement("SIO4-20.2")
    @Eio3Case(does = "joins /, sends 452-[\"message\",<placeholder 0>,<placeholder 1>] with attachments 01 02 03 and "
            + "04 05 06 (binary frames, or b4 entries of a text payload); expects the same packet named message-back "
            + "and the same attachments")
    void clientBinaryEventIsReadWithItsAttachments(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("52-[\"message\"," + TWO + "]", bytes(1, 2, 3), bytes(4, 5, 6));
        c.inbox().assertNextSio("52-[\"message-back\"," + TWO + "]");
        assertNextAttachment(c, bytes(1, 2, 3));
        assertNextAttachment(c, bytes(4, 5, 6));
    }

    @Requirement("SIO4-20.2")
    @Eio3Case(transports = EngineTransport.POLLING,
            does = "drives an XHR polling session by hand and POSTs, as an application/octet-stream binary payload, "
                    + "2, 452-[\"message\",...] and the attachments 01 02 03 and 04 05 06 as 0x01 entries; "
                    + "expects message-back with the same attachments on the next polls")
    void clientBinaryEventInABinaryPayloadIsRead(EngineTester t) {
        String sid = SocketIoTransportCases.handDrivenSession(t, false);
        SocketIoTransportCases.postBinary(t, sid, "2", "452-[\"message\"," + TWO + "]", "b4AQID", "b4BAUG");
        List<HttpAnswer> answers = new ArrayList<>();
        assertThat(SocketIoTransportCases.pollPackets(t, sid, false, 3, answers)).as("the answer's packets")
                .containsExactly("452-[\"message-back\"," + TWO + "]", "b4AQID", "b4BAUG");
    }

    @Requirement("SIO4-20.2")
    @Eio3Case(does = "joins /, sends a BINARY_ACK 461-999[<placeholder 0>] with attachment 07 for an id the server never "
            + "used, then 42[\"message\",\"after\"]; expects message-back, the attachment having been taken with its ACK")
    void clientBinaryAckIsReadWithItsAttachment(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("61-999[" + placeholder(0) + "]", bytes(7));
        c.emit("/", "[\"message\",\"after\"]");
        c.inbox().assertNextSio("2[\"message-back\",\"after\"]");
    }

    @Requirement("SIO4-20.1")
    @Eio3Case(does = "joins /, sends 452-789[\"message-with-ack\",<placeholder 0>,<placeholder 1>] with attachments "
            + "01 02 03 and 04 05 06; expects exactly 462-789[<placeholder 0>,<placeholder 1>], the same attachments, "
            + "and nothing else")
    void binaryAckCarriesPlaceholdersAndItsAttachments(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("52-789[\"message-with-ack\"," + TWO + "]", bytes(1, 2, 3), bytes(4, 5, 6));
        c.inbox().assertNextSio("62-789[" + TWO + "]");
        assertNextAttachment(c, bytes(1, 2, 3));
        assertNextAttachment(c, bytes(4, 5, 6));
        c.inbox().assertExhausted(EngineBounds.QUIET);
    }

    @Requirement("SIO4-20.1")
    @Eio3Case(does = "joins /, sends a message whose placeholder 1 (attachment aa) comes first, nested in an object, "
            + "and placeholder 0 (attachment bb) second; expects the echo renumbered in order of appearance")
    void placeholdersAreNumberedInOrderOfAppearance(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("52-[\"message\",{\"a\":" + placeholder(1) + "}," + placeholder(0) + "]", bytes(0xbb), bytes(0xaa));
        c.inbox().assertNextSio("52-[\"message-back\",{\"a\":" + placeholder(0) + "}," + placeholder(1) + "]");
        assertNextAttachment(c, bytes(0xaa));
        assertNextAttachment(c, bytes(0xbb));
    }

    @Requirement("SIO4-20.1")
    @Eio3Case(does = "joins /custom, sends a binary message, then 42/custom,[\"message\",\"x\"] and "
            + "42/custom,4[\"message-with-ack\",\"y\"]; expects the answers without binary values as types 2 and 3")
    void packetsWithoutBinaryAreEventsAndAcks(EngineTester t) {
        EngineConnection c = joined(t, "/custom");
        c.sendSio("51-/custom,[\"message\"," + placeholder(0) + "]", bytes(7));
        c.inbox().assertNextSio("51-/custom,[\"message-back\"," + placeholder(0) + "]");
        assertNextAttachment(c, bytes(7));
        c.emit("/custom", "[\"message\",\"x\"]");
        c.inbox().assertNextSio("2/custom,[\"message-back\",\"x\"]");
        c.emit("/custom", 4, "[\"message-with-ack\",\"y\"]");
        c.inbox().assertNextSio("3/custom,4[\"y\"]");
    }

    @Requirement("SIO4-20.2")
    @Eio3Case(does = "joins /custom, sends 453-/custom,5[\"echo\",...] with three attachments (one empty) in an array and an "
            + "object; expects the echo event and the binary ack, each with the three attachments in order")
    void binaryEventWithAckOnACustomNamespaceIsReadWhole(EngineTester t) {
        EngineConnection c = joined(t, "/custom");
        String args = "[" + placeholder(0) + ",{\"k\":" + placeholder(1) + "}]," + placeholder(2);
        c.sendSio("53-/custom,5[\"echo\"," + args + "]", bytes(1), bytes(), bytes(0xff, 0));
        String first = c.inbox().nextSio();
        boolean ackFirst = first.startsWith("6");
        assertThat(first).as("first answer (the echo or its ack)")
                .isEqualTo(ackFirst ? "63-/custom,5[" + args + "]" : "53-/custom,[\"echo\"," + args + "]");
        assertNextAttachment(c, bytes(1));
        assertNextAttachment(c, bytes());
        assertNextAttachment(c, bytes(0xff, 0));
        c.inbox().assertNextSio(ackFirst ? "53-/custom,[\"echo\"," + args + "]" : "63-/custom,5[" + args + "]");
        assertNextAttachment(c, bytes(1));
        assertNextAttachment(c, bytes());
        assertNextAttachment(c, bytes(0xff, 0));
    }

    @Requirement("SIO4-20.3")
    @Eio3Case(does = "joins /, sends 4511-[\"message\",...] announcing 11 attachments, with the 11 attachments; "
            + "expects the session to end without an answer")
    void moreThanTenAttachmentsCloseTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/");
        StringBuilder args = new StringBuilder();
        byte[][] attachments = new byte[11][];
        for (int i = 0; i < 11; i++) {
            args.append(',').append(placeholder(i));
            attachments[i] = bytes(i);
        }
        try {
            c.sendSio("511-[\"message\"" + args + "]", attachments);
        } catch (AssertionError e) {
            // the server may close the WebSocket before the last attachment is written, or refuse the POST
        }
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "a packet announcing 11 attachments");
    }

    @Requirement("SIO4-20.3")
    @Eio3Case(does = "joins /, sends 450-[\"message\",\"zero\"], a BINARY_EVENT announcing no attachment; "
            + "expects the session to end without an answer")
    void zeroAttachmentsCloseTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("50-[\"message\",\"zero\"]");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "a BINARY_EVENT announcing 0 attachments");
    }
}
