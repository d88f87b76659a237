package dev.sioconf.suite.client.cases;

import static dev.sioconf.suite.client.ClientTester.expect;

import dev.sioconf.suite.client.ClientEvent;
import dev.sioconf.suite.client.ClientPackets;
import dev.sioconf.suite.client.ClientTester;
import dev.sioconf.suite.junit.ClientCase;
import dev.sioconf.suite.junit.Requirement;

/** spec/eio4-client.md section 6: acknowledgements in both directions. */
class AckClientCases {

    @ClientCase(does = "Sends 427[\"echo\",\"a\",1] and reads the client's acknowledgement.")
    @Requirement("EIO4C-6.1")
    void anEventWithAnIdIsAcknowledgedWithTheSameId(ClientTester t) {
        t.start();
        String sid = t.connectAndHello();
        t.send(sid, "427[\"echo\",\"a\",1]");
        ClientEvent ack = t.awaitPacket(sid, "an ack", text -> ClientPackets.parse(text).filter(p -> p.type() == 3).isPresent());
        expect("the ack of 427[\"echo\",\"a\",1]", "437[\"a\",1]", ack.text());
    }

    @ClientCase(does = "Sends 42[\"ask\"], answers the client's emit of answer with an ack of its id, and reads what the callback emits.")
    @Requirement("EIO4C-6.2")
    void anAckFromTheServerReachesTheEmitsCallback(ClientTester t) {
        t.start();
        String sid = t.connectAndHello();
        t.send(sid, "42[\"ask\"]");
        ClientEvent answer = t.awaitEvent(sid, "/", "answer");
        long id = ClientPackets.parse(answer.text()).orElseThrow().id();
        expect("whether the answer event asks for an ack (carries an id)", true, id >= 0);
        t.send(sid, "43" + id + "[\"yes\",2]");
        ClientEvent answered = t.awaitEvent(sid, "/", "answered");
        expect("what the ack's callback emitted", "42[\"answered\",\"yes\",2]", answered.text());
    }
}
