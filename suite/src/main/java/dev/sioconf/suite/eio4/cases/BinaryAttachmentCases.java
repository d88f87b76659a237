package dev.sioconf.suite.eio4.cases;

import static dev.sioconf.suite.eio4.SocketIoPackets.assertClosedWithoutAnswer;
import static dev.sioconf.suite.eio4.SocketIoPackets.assertNextAttachment;
import static dev.sioconf.suite.eio4.SocketIoPackets.bytes;
import static dev.sioconf.suite.eio4.SocketIoPackets.joined;
import static dev.sioconf.suite.eio4.SocketIoPackets.placeholder;

import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.Requirement;

/**
 * spec/eio4.md section 20: binary attachments. The binary event and binary ack are the official
 * socket.io-protocol checks, with their exact frames (attachments 01 02 03 and 04 05 06).
 */
class BinaryAttachmentCases {

    static final String TWO = placeholder(0) + "," + placeholder(1);

    @Requirement("SIO5-20.3")
    @Eio4Case(does = "official check: joins /, sends 452-[\"message\",<placeholder 0>,<placeholder 1>] with attachments "
            + "01 02 03 and 04 05 06; expects the same packet named message-back and the same attachments")
    void clientBinaryEventIsReadWithItsAttachments(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("52-[\"message\"," + TWO + "]", bytes(1, 2, 3), bytes(4, 5, 6));
        c.inbox().assertNextSio("52-[\"message-back\"," + TWO + "]");
        assertNextAttachment(c, bytes(1, 2, 3));
        assertNextAttachment(c, bytes(4, 5, 6));
    }

    @Requirement("SIO5-20.1")
    @Eio4Case(does = "official check: joins /, sends 452-789[\"message-with-ack\",<placeholder 0>,<placeholder 1>] with "
            + "attachments 01 02 03 and 04 05 06; expects 462-789[<placeholder 0>,<placeholder 1>] and the same attachments")
    void binaryAckCarriesPlaceholdersAndItsAttachments(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("52-789[\"message-with-ack\"," + TWO + "]", bytes(1, 2, 3), bytes(4, 5, 6));
        c.inbox().assertNextSio("62-789[" + TWO + "]");
        assertNextAttachment(c, bytes(1, 2, 3));
        assertNextAttachment(c, bytes(4, 5, 6));
        c.inbox().assertExhausted(EngineBounds.QUIET);
    }

    @Requirement("SIO5-20.1")
    @Eio4Case(does = "joins /, sends a message whose placeholder 1 (attachment aa) comes first, nested in an object, "
            + "and placeholder 0 (attachment bb) second; expects the echo renumbered in order of appearance")
    void placeholdersAreNumberedInOrderOfAppearance(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("52-[\"message\",{\"a\":" + placeholder(1) + "}," + placeholder(0) + "]", bytes(0xbb), bytes(0xaa));
        c.inbox().assertNextSio("52-[\"message-back\",{\"a\":" + placeholder(0) + "}," + placeholder(1) + "]");
        assertNextAttachment(c, bytes(0xaa));
        assertNextAttachment(c, bytes(0xbb));
    }

    @Requirement("SIO5-20.2")
    @Eio4Case(does = "joins /custom, sends a binary message then 42/custom,[\"message\",\"x\"] and 42/custom,4[\"echo\",\"y\"]; "
            + "expects the answers without binary values as types 2 and 3")
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

    @Requirement("SIO5-20.3")
    @Eio4Case(does = "joins /custom, sends 53-/custom,5[\"echo\",...] with three attachments (one empty) in an array and an "
            + "object; expects the echo event and the binary ack, each with the three attachments in order")
    void binaryEventWithAckOnACustomNamespaceIsReadWhole(EngineTester t) {
        EngineConnection c = joined(t, "/custom");
        String args = "[" + placeholder(0) + ",{\"k\":" + placeholder(1) + "}]," + placeholder(2);
        c.sendSio("53-/custom,5[\"echo\"," + args + "]", bytes(1), bytes(), bytes(0xff, 0));
        c.inbox().assertNextSio("53-/custom,[\"echo\"," + args + "]");
        assertNextAttachment(c, bytes(1));
        assertNextAttachment(c, bytes());
        assertNextAttachment(c, bytes(0xff, 0));
        c.inbox().assertNextSio("63-/custom,5[" + args + "]");
        assertNextAttachment(c, bytes(1));
        assertNextAttachment(c, bytes());
        assertNextAttachment(c, bytes(0xff, 0));
    }

    @Requirement("SIO5-20.4")
    @Eio4Case(does = "joins /, announces two attachments, sends one, then a text event")
    void textWhileAttachmentsAreExpectedClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("52-[\"message\"," + TWO + "]", bytes(1));
        c.sendSio("2[\"message\",\"text\"]");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "a text packet while an attachment was still expected");
    }

    @Requirement("SIO5-20.4")
    @Eio4Case(does = "joins /, sends a binary message with no binary packet announced")
    void binaryWithoutAnnouncementClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendBinary(bytes(1, 2, 3));
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "an attachment nobody announced");
    }

    @Requirement("SIO5-20.4")
    @Eio4Case(does = "joins /, sends 451-[\"message\",{\"_placeholder\":true,\"num\":3}] with one attachment")
    void placeholderOfAMissingAttachmentClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("51-[\"message\"," + placeholder(3) + "]", bytes(1));
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "placeholder 3 of a packet with one attachment");
    }
}
