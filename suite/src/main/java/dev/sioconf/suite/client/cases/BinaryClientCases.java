package dev.sioconf.suite.client.cases;

import static dev.sioconf.suite.client.ClientTester.expect;

import dev.sioconf.suite.client.ClientEvent;
import dev.sioconf.suite.client.ClientPackets;
import dev.sioconf.suite.client.ClientTester;
import dev.sioconf.suite.junit.ClientCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.WebSocketWire;

/** spec/eio4-client.md section 7: binary attachments, read and sent. */
class BinaryClientCases {

    static final byte[] ATTACHMENT = {0x00, 0x01, (byte) 0xfe, (byte) 0xff, 0x42};

    @ClientCase(does = "Sends 451-7[\"echo\",{\"_placeholder\":true,\"num\":0}] with a 5-byte attachment and reads the client's binary ack.")
    @Requirement("EIO4C-7.1")
    void aBinaryEventIsRebuiltAndAcknowledgedInBinary(ClientTester t) {
        t.start();
        String sid = t.connectAndHello();
        t.send(sid, "451-7[\"echo\",{\"_placeholder\":true,\"num\":0}]");
        t.send(sid, ATTACHMENT.clone());
        ClientEvent ack = t.awaitPacket(sid, "an ack", text -> ClientPackets.parse(text).filter(p -> p.type() == 3 || p.type() == 6).isPresent());
        expect("the ack of the binary event", "461-7[{\"_placeholder\":true,\"num\":0}]", ack.text());
        ClientEvent bytes = t.awaitBinary(sid, "the ack's attachment");
        expect("the attachment sent back", WebSocketWire.hex(ATTACHMENT), WebSocketWire.hex(bytes.bytes()));
    }
}
