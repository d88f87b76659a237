package dev.sioconf.server.eio3;

import static dev.sioconf.server.eio3.Eio3PollingTest.ECHO;
import static dev.sioconf.server.eio3.Eio3PollingTest.SIO;
import static dev.sioconf.server.eio3.Eio3PollingTest.sid;
import static dev.sioconf.server.eio4.Eio4Running.SLACK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.server.eio4.Eio4Fault;
import dev.sioconf.server.eio4.Eio4Running;
import dev.sioconf.server.eio4.Eio4Running.Frames;
import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.legacy.Fault;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each eio3 fault really shows on the wire. */
class Eio3FaultTest {

    static Eio4Running with(Eio3Fault fault) throws InterruptedException {
        return new Eio4Running(Eio4Settings.defaults(), Set.of(fault));
    }

    @Test
    void fault_names_are_unique_prefixed_and_apart_from_the_other_profiles() {
        for (Eio3Fault f : Eio3Fault.values()) {
            assertThat(f.wireName()).startsWith("eio3-");
            assertThat(Eio3Fault.ofWireName(f.wireName())).hasValue(f);
            assertThat(Fault.ofWireName(f.wireName())).isEmpty();
            assertThat(Eio4Fault.ofWireName(f.wireName())).isEmpty();
            assertThat(f.description()).isNotBlank();
        }
    }

    @Test
    void length_in_bytes_counts_utf8() throws Exception {
        try (Eio4Running s = with(Eio3Fault.LENGTH_IN_BYTES)) {
            String session = ECHO + "polling&b64=1&sid=" + sid(s.get(ECHO + "polling&b64=1").body());
            s.post(session, "2:4é");
            assertThat(s.get(session).body()).isEqualTo("3:4é");
        }
    }

    @Test
    void no_pong_leaves_a_ping_unanswered() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Running.quick(), Set.of(Eio3Fault.NO_PONG))) {
            String session = ECHO + "polling&sid=" + sid(s.get(ECHO + "polling").body());
            s.post(session, "1:2");
            assertThat(s.get(session).body()).isEqualTo("1:1");
        }
    }

    @Test
    void server_pings_sends_a_ping() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Running.quick(), Set.of(Eio3Fault.SERVER_PINGS))) {
            String session = ECHO + "polling&sid=" + sid(s.get(ECHO + "polling").body());
            assertThat(s.get(session).body()).isEqualTo("1:2");
        }
    }

    @Test
    void no_implicit_connect_and_connect_with_sid_and_no_invalid_namespace() throws Exception {
        try (Eio4Running s = with(Eio3Fault.NO_IMPLICIT_CONNECT)) {
            String body = s.get(SIO + "polling").body();
            assertThat(body).doesNotContain("2:40").endsWith("}");
        }
        try (Eio4Running s = with(Eio3Fault.CONNECT_WITH_SID)) {
            Frames ws = s.webSocket(SIO + "websocket");
            ws.nextText(SLACK);
            ws.nextText(SLACK);
            ws.send("40/custom,");
            assertThat(ws.nextText(SLACK)).startsWith("40/custom,{\"sid\":\"");
        }
        try (Eio4Running s = with(Eio3Fault.NO_INVALID_NAMESPACE)) {
            Frames ws = s.webSocket(SIO + "websocket");
            ws.nextText(SLACK);
            ws.nextText(SLACK);
            ws.send("40/nope,");
            ws.send("42[\"sendMessage\"]");
            assertThat(ws.nextText(SLACK)).startsWith("42[\"helloBack\"");
        }
    }

    @Test
    void ws_binary_without_type_sends_the_bare_data() throws Exception {
        try (Eio4Running s = with(Eio3Fault.WS_BINARY_WITHOUT_TYPE)) {
            Frames ws = s.webSocket(ECHO + "websocket");
            ws.nextText(SLACK);
            ws.sendBinary(new byte[] {4, 1, 2});
            assertThat((byte[]) ws.next(SLACK)).containsExactly(1, 2);
        }
    }

    @Test
    void base64_without_type_and_no_binary_payload() throws Exception {
        try (Eio4Running s = with(Eio3Fault.BASE64_WITHOUT_TYPE)) {
            String session = ECHO + "polling&b64=1&sid=" + sid(s.get(ECHO + "polling&b64=1").body());
            s.post(session, "6:b4AQID");
            assertThat(s.get(session).body()).isEqualTo("5:bAQID");
        }
        try (Eio4Running s = with(Eio3Fault.NO_BINARY_PAYLOAD)) {
            String session = ECHO + "polling&sid=" + sid(s.get(ECHO + "polling").body());
            s.post(session, "6:b4AQID");
            assertThat(s.get(session).body()).isEqualTo("6:b4AQID");
        }
    }
}
