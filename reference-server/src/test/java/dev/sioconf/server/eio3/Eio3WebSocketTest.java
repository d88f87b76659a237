package dev.sioconf.server.eio3;

import static dev.sioconf.server.eio3.Eio3PollingTest.ECHO;
import static dev.sioconf.server.eio3.Eio3PollingTest.SIO;
import static dev.sioconf.server.eio3.Eio3PollingTest.sid;
import static dev.sioconf.server.eio4.Eio4Running.SLACK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.server.eio4.Eio4Running;
import dev.sioconf.server.eio4.Eio4Running.Frames;
import dev.sioconf.server.eio4.Eio4Settings;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Engine.IO 3 over WebSocket: binary frames led by the type byte 4, client pings, the upgrade. */
class Eio3WebSocketTest {

    @Test
    void a_websocket_session_opens_then_40_and_binary_frames_carry_the_type_byte() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            Frames ws = s.webSocket(SIO + "websocket");
            String open = ws.nextText(SLACK);
            assertThat(open).isEqualTo(Eio3PollingTest.openJson(sid(open), s.settings, ""));
            assertThat(ws.nextText(SLACK)).isEqualTo("40");
            ws.send("2");
            assertThat(ws.nextText(SLACK)).isEqualTo("3");
            ws.send("451-[\"echo\",{\"_placeholder\":true,\"num\":0}]");
            ws.sendBinary(new byte[] {4, 1, 2, 3});
            assertThat(ws.nextText(SLACK)).isEqualTo("451-[\"echo\",{\"_placeholder\":true,\"num\":0}]");
            assertThat((byte[]) ws.next(SLACK)).containsExactly(4, 1, 2, 3);
        }
    }

    @Test
    void the_echo_returns_text_and_typed_binary_frames() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            Frames ws = s.webSocket(ECHO + "websocket");
            ws.nextText(SLACK);
            ws.send("4hello é");
            assertThat(ws.nextText(SLACK)).isEqualTo("4hello é");
            ws.sendBinary(new byte[] {4, 9});
            assertThat((byte[]) ws.next(SLACK)).containsExactly(4, 9);
        }
    }

    @Test
    void the_upgrade_probe_answers_the_held_poll_with_a_noop_and_moves_the_session() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            String sid = sid(s.get(ECHO + "polling").body());
            String polling = ECHO + "polling&sid=" + sid;
            CompletableFuture<HttpResponse<String>> held = s.getAsync(polling);
            long deadline = System.nanoTime() + SLACK.toNanos();
            while (!s.server.eio3PollHeld(sid) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Frames ws = s.webSocket(ECHO + "websocket&sid=" + sid);
            ws.send("2probe");
            assertThat(ws.nextText(SLACK)).isEqualTo("3probe");
            assertThat(held.get(SLACK.toMillis(), TimeUnit.MILLISECONDS).body()).isEqualTo("1:6");
            ws.send("5");
            ws.send("4over websocket");
            assertThat(ws.nextText(SLACK)).isEqualTo("4over websocket");
        }
    }

    @Test
    void a_silent_websocket_client_is_closed_after_interval_plus_timeout() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Running.quick())) {
            Frames ws = s.webSocket(ECHO + "websocket");
            ws.nextText(SLACK);
            ws.closeCode(s.settings.pingInterval().plus(s.settings.pingTimeout()).plus(SLACK));
            assertThat(ws.messages).isEmpty();
        }
    }
}
