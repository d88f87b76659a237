package dev.sioconf.server.eio3;

import static dev.sioconf.server.eio3.Eio3PollingTest.SIO;
import static dev.sioconf.server.eio3.Eio3PollingTest.sid;
import static dev.sioconf.server.eio4.Eio4Running.SLACK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.server.eio4.Eio4Running;
import dev.sioconf.server.eio4.Eio4Running.Frames;
import dev.sioconf.server.eio4.Eio4Settings;
import org.junit.jupiter.api.Test;

/** Socket.IO 4 on EIO=3 as socket.io 2.5.1 answers it, and the server contract without auth. */
class Eio3SocketIoTest {

    static String payload(String... packets) {
        StringBuilder out = new StringBuilder();
        for (String p : packets) {
            out.append(p.length()).append(':').append(p);
        }
        return out.toString();
    }

    @Test
    void namespaces_are_joined_with_a_bare_40_and_unknown_ones_refused_with_a_string() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            String session = SIO + "polling&sid=" + sid(s.get(SIO + "polling").body());
            s.post(session, payload("40/custom?token=x,", "40/nope", "42/custom,[\"sendMessage\"]"));
            assertThat(s.get(session).body()).isEqualTo(payload("40/custom,", "44/nope,\"Invalid namespace\"",
                    "42/custom,[\"helloBack\",{\"message\":\"Hello back!\"}]"));
        }
    }

    @Test
    void events_acks_and_binary_follow_the_contract_on_the_main_namespace() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            String session = SIO + "polling&b64=1&sid=" + sid(s.get(SIO + "polling&b64=1").body());
            s.post(session, payload("421[\"echo\",1,\"é\"]", "42[\"message\",\"a\",2]", "427[\"message-with-ack\",3]"));
            assertThat(s.get(session).body()).isEqualTo(payload("42[\"echo\",1,\"é\"]", "431[1,\"é\"]",
                    "42[\"message-back\",\"a\",2]", "437[3]"));
            s.post(session, payload("451-8[\"echo\",{\"_placeholder\":true,\"num\":0}]", "b4AQID"));
            assertThat(s.get(session).body()).isEqualTo(payload("451-[\"echo\",{\"_placeholder\":true,\"num\":0}]",
                    "b4AQID", "461-8[{\"_placeholder\":true,\"num\":0}]", "b4AQID"));
        }
    }

    @Test
    void packets_for_a_namespace_not_joined_are_dropped_and_disconnect_leaves() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            Frames ws = s.webSocket(SIO + "websocket");
            ws.nextText(SLACK);
            assertThat(ws.nextText(SLACK)).isEqualTo("40");
            ws.send("42/custom,[\"sendMessage\"]");
            ws.send("40/custom");
            assertThat(ws.nextText(SLACK)).isEqualTo("40/custom,");
            ws.send("41/custom,");
            ws.send("42/custom,[\"sendMessage\"]");
            ws.send("42[\"sendMessage\"]");
            assertThat(ws.nextText(SLACK)).isEqualTo("42[\"helloBack\",{\"message\":\"Hello back!\"}]");
            ws.send("40");
            ws.send("42[\"echo\"]");
            assertThat(ws.nextText(SLACK)).isEqualTo("42[\"echo\"]");
        }
    }
}
