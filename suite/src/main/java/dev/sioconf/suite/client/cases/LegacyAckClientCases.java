package dev.sioconf.suite.client.cases;

import static dev.sioconf.suite.client.ClientTester.expect;

import dev.sioconf.suite.client.ClientEvent;
import dev.sioconf.suite.client.ClientTester;
import dev.sioconf.suite.client.LegacyClientPackets;
import dev.sioconf.suite.junit.ClientCase;
import dev.sioconf.suite.junit.Requirement;

/** spec/legacy-client.md section 6: acknowledgements in both directions. */
class LegacyAckClientCases {

    @ClientCase(does = "Sends 5:7+::{\"name\":\"echo\",\"args\":[\"a\",1]} and reads the client's acknowledgement.", profiles = "legacy")
    @Requirement("LEGC-6.1")
    void anEventAskingForDataIsAcknowledgedWithTheSameId(ClientTester t) {
        t.start();
        String sid = t.connectAndHello();
        t.send(sid, "5:7+::{\"name\":\"echo\",\"args\":[\"a\",1]}");
        ClientEvent ack = t.awaitPacket(sid, "an ack", text -> text.startsWith("6:"));
        expect("the ack of 5:7+::{\"name\":\"echo\",\"args\":[\"a\",1]}", "6:::7+[\"a\",1]", ack.text());
    }

    @ClientCase(does = "Sends 5:::{\"name\":\"ask\"}, answers the client's emit of answer with an ack of its id, and reads what the callback emits.",
            profiles = "legacy")
    @Requirement("LEGC-6.2")
    void anAckFromTheServerReachesTheEmitsCallback(ClientTester t) {
        t.start();
        String sid = t.connectAndHello();
        t.send(sid, "5:::{\"name\":\"ask\"}");
        ClientEvent answer = t.awaitEvent(sid, "/", "answer");
        String id = LegacyClientPackets.parse(answer.text()).orElseThrow().id();
        expect("whether the answer event asks for the server's data (an id ending in +)", true, id.endsWith("+"));
        t.send(sid, "6:::" + id + "[\"yes\",2]");
        ClientEvent answered = t.awaitEvent(sid, "/", "answered");
        expect("what the ack's callback emitted", "5:::{\"name\":\"answered\",\"args\":[\"yes\",2]}", answered.text());
    }
}
