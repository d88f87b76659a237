package dev.sioconf.server.eio4;

import static dev.sioconf.server.eio4.Eio4Running.SIO;
import static dev.sioconf.server.eio4.Eio4Running.SLACK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.server.eio4.Eio4Running.Frames;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Socket.IO 5 layer and the server contract of spec section 23, over WebSocket and polling. */
class Eio4SocketIoTest {

    static Frames connected(Eio4Running s) throws InterruptedException {
        Frames ws = s.webSocket(SIO + "websocket");
        ws.nextText(SLACK);
        ws.send("40");
        assertThat(ws.nextSkippingPings(SLACK)).matches("40\\{\"sid\":\"[A-Za-z0-9_-]+\"}");
        assertThat(ws.nextSkippingPings(SLACK)).isEqualTo("42[\"auth\",{}]");
        return ws;
    }

    @Test
    void connect_answers_with_a_socket_id_then_the_auth_event_on_each_namespace() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            Frames ws = s.webSocket(SIO + "websocket");
            String sid = Eio4Running.openPacket(ws.nextText(SLACK)).get("sid").asText();
            ws.send("40{\"token\":\"123\",\"a\":1}");
            String connect = ws.nextText(SLACK);
            assertThat(connect).startsWith("40{\"sid\":\"").doesNotContain(sid);
            assertThat(ws.nextText(SLACK)).isEqualTo("42[\"auth\",{\"token\":\"123\",\"a\":1}]");
            ws.send("40/custom,{\"token\":\"abc\"}");
            assertThat(ws.nextText(SLACK)).matches("40/custom,\\{\"sid\":\"[A-Za-z0-9_-]+\"}");
            assertThat(ws.nextText(SLACK)).isEqualTo("42/custom,[\"auth\",{\"token\":\"abc\"}]");
            ws.send("40/random");
            assertThat(ws.nextText(SLACK)).isEqualTo("44/random,{\"message\":\"Invalid namespace\"}");
        }
    }

    @Test
    void the_contract_events_are_answered_with_member_order_kept() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            Frames ws = connected(s);
            ws.send("42[\"sendMessage\",{\"text\":\"hi\"}]");
            assertThat(ws.nextText(SLACK)).isEqualTo("42[\"helloBack\",{\"message\":\"Hello back!\"}]");
            ws.send("42[\"message\",1,\"2\",{\"z\":[true],\"a\":null}]");
            assertThat(ws.nextText(SLACK)).isEqualTo("42[\"message-back\",1,\"2\",{\"z\":[true],\"a\":null}]");
            ws.send("42456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
            assertThat(ws.nextText(SLACK)).isEqualTo("43456[1,\"2\",{\"3\":[false]}]");
            ws.send("40/custom,");
            ws.nextText(SLACK);
            ws.nextText(SLACK);
            ws.send("42/custom,2147483647[\"echo\",\"é\",1.5]");
            assertThat(ws.nextText(SLACK)).isEqualTo("42/custom,[\"echo\",\"é\",1.5]");
            assertThat(ws.nextText(SLACK)).isEqualTo("43/custom,2147483647[\"é\",1.5]");
        }
    }

    @Test
    void binary_events_come_back_with_their_attachments_in_order() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            Frames ws = connected(s);
            ws.send("452-[\"message\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
            ws.sendBinary(new byte[] {1, 2, 3});
            ws.sendBinary(new byte[] {4, 5, 6});
            assertThat(ws.nextText(SLACK)).isEqualTo(
                    "452-[\"message-back\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
            assertThat((byte[]) ws.next(SLACK)).containsExactly(1, 2, 3);
            assertThat((byte[]) ws.next(SLACK)).containsExactly(4, 5, 6);
            ws.send("452-789[\"message-with-ack\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
            ws.sendBinary(new byte[] {1, 2, 3});
            ws.sendBinary(new byte[] {4, 5, 6});
            assertThat(ws.nextText(SLACK)).isEqualTo(
                    "462-789[{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
            assertThat((byte[]) ws.next(SLACK)).containsExactly(1, 2, 3);
            assertThat((byte[]) ws.next(SLACK)).containsExactly(4, 5, 6);
        }
    }

    @Test
    void binary_events_over_polling_use_base64_packets() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            String session = SIO + "polling&sid=" + s.handshake(SIO);
            s.post(session, "40");
            assertThat(s.get(session).body()).matches("40\\{\"sid\":\"[A-Za-z0-9_-]+\"}\u001e42\\[\"auth\",\\{}]");
            s.post(session, "451-[\"message\",{\"_placeholder\":true,\"num\":0}]\u001ebAQID");
            assertThat(s.get(session).body())
                    .isEqualTo("451-[\"message-back\",{\"_placeholder\":true,\"num\":0}]\u001ebAQID");
        }
    }

    @Test
    void leaving_a_namespace_is_not_answered_and_the_others_keep_working() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            Frames ws = connected(s);
            ws.send("40/custom");
            ws.nextText(SLACK);
            ws.nextText(SLACK);
            ws.send("41/custom");
            ws.send("42[\"message\",\"main\"]");
            assertThat(ws.nextText(SLACK)).isEqualTo("42[\"message-back\",\"main\"]");
            ws.send("40/custom,");
            assertThat(ws.nextText(SLACK)).startsWith("40/custom,{\"sid\":");
        }
    }

    @Test
    void malformed_packets_close_the_session_at_once() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            for (String bad : new String[] {"4abc", "42{}", "42abc[\"message-with-ack\",1]", "42[\"disconnect\"]"}) {
                Frames ws = connected(s);
                ws.send(bad);
                ws.closeCode(SLACK);
            }
            Frames first = s.webSocket(SIO + "websocket");
            first.nextText(SLACK);
            first.send("42[\"message\"]"); // an event before any CONNECT
            first.closeCode(SLACK);
        }
    }

    @Test
    void a_session_that_joins_no_namespace_is_closed_after_the_connect_timeout() throws Exception {
        Duration connectTimeout = Duration.ofMillis(500);
        try (Eio4Running s = new Eio4Running(Eio4Running.quick().withConnectTimeout(connectTimeout))) {
            Frames ws = s.webSocket(SIO + "websocket");
            ws.nextText(SLACK);
            long start = System.nanoTime();
            while (!ws.closed.isDone()) {
                if (Duration.ofNanos(System.nanoTime() - start).compareTo(connectTimeout.plus(SLACK)) > 0) {
                    throw new AssertionError("not closed after the connect timeout");
                }
                Object message = ws.messages.poll(50, TimeUnit.MILLISECONDS);
                if ("2".equals(message)) {
                    ws.send("3"); // answering pings keeps the heartbeat from ending it first
                }
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(connectTimeout.minusMillis(50));
        }
    }
}
