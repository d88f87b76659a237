package dev.sioconf.server.eio4;

import static dev.sioconf.server.eio4.Eio4Running.ECHO;
import static dev.sioconf.server.eio4.Eio4Running.SLACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sioconf.server.eio4.Eio4Running.Frames;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The WebSocket transport and the upgrade from polling. */
class Eio4WebSocketTest {

    @Test
    void a_websocket_session_starts_with_the_open_packet_and_echoes_text_and_binary() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            Frames ws = s.webSocket(ECHO + "websocket");
            String open = ws.nextText(SLACK);
            String sid = Eio4Running.openPacket(open).get("sid").asText();
            assertThat(open).isEqualTo("0{\"sid\":\"" + sid + "\",\"upgrades\":[],"
                    + "\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}");
            ws.send("4hello é");
            assertThat(ws.nextText(SLACK)).isEqualTo("4hello é");
            ws.sendBinary(new byte[] {1, 2, 3, 4});
            assertThat((byte[]) ws.next(SLACK)).containsExactly(1, 2, 3, 4);
        }
    }

    @Test
    void websocket_pings_are_text_frames_and_a_silent_client_is_closed() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Running.quick())) {
            Frames ws = s.webSocket(ECHO + "websocket");
            ws.nextText(SLACK);
            assertThat(ws.nextText(s.pollBound())).isEqualTo("2");
            ws.send("3");
            assertThat(ws.nextText(s.pollBound())).isEqualTo("2");
            ws.closeCode(s.settings.pingTimeout().plus(SLACK));
        }
    }

    @Test
    void a_message_above_max_payload_closes_the_websocket_with_1009() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults().withMaxPayload(100))) {
            Frames ws = s.webSocket(ECHO + "websocket");
            ws.nextText(SLACK);
            ws.send("4" + "y".repeat(99));
            assertThat(ws.nextText(SLACK)).hasSize(100);
            ws.send("4" + "x".repeat(100));
            assertThat(ws.closeCode(SLACK)).isEqualTo(1009);
        }
    }

    @Test
    void the_upgrade_probes_answers_the_held_poll_with_a_noop_and_moves_the_session() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            String sid = s.handshake(ECHO);
            String polling = ECHO + "polling&sid=" + sid;
            CompletableFuture<HttpResponse<String>> held = s.getAsync(polling);
            Eio4PollingTest.awaitHeld(s, sid);
            Frames ws = s.webSocket(ECHO + "websocket&sid=" + sid);
            ws.send("2probe");
            assertThat(ws.nextText(SLACK)).isEqualTo("3probe");
            assertThat(held.get(SLACK.toMillis(), TimeUnit.MILLISECONDS).body()).isEqualTo("6");
            s.post(polling, "4queued on polling");
            ws.send("5");
            assertThat(ws.nextText(SLACK)).isEqualTo("4queued on polling");
            ws.send("4hello");
            assertThat(ws.nextText(SLACK)).isEqualTo("4hello");
            Eio4PollingTest.assertError(s.rest().get(polling), 400, 3, "Bad request");
            ws.send("4still here");
            assertThat(ws.nextText(SLACK)).isEqualTo("4still here");
        }
    }

    @Test
    void a_second_websocket_for_an_upgraded_session_is_closed_without_a_packet() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            String sid = s.handshake(ECHO);
            Frames ws = s.webSocket(ECHO + "websocket&sid=" + sid);
            ws.send("2probe");
            assertThat(ws.nextText(SLACK)).isEqualTo("3probe");
            ws.send("5");
            Frames second = s.webSocket(ECHO + "websocket&sid=" + sid);
            second.closeCode(SLACK);
            assertThat(second.messages).isEmpty();
            ws.send("4hello");
            assertThat(ws.nextText(SLACK)).isEqualTo("4hello");
        }
    }

    @Test
    void a_websocket_naming_an_unknown_session_is_not_upgraded() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            assertThatThrownBy(() -> s.webSocket(ECHO + "websocket&sid=nope")).hasStackTraceContaining("status code 400");
            assertThatThrownBy(() -> s.webSocket("/engine.io/?EIO=5&transport=websocket")).hasStackTraceContaining("status code 400");
        }
    }

    @Test
    void an_upgrade_not_finished_within_the_upgrade_timeout_is_dropped_and_polling_carries_on() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults().withUpgradeTimeout(java.time.Duration.ofMillis(300)))) {
            String sid = s.handshake(ECHO);
            Frames ws = s.webSocket(ECHO + "websocket&sid=" + sid);
            ws.send("2probe");
            assertThat(ws.nextText(SLACK)).isEqualTo("3probe");
            ws.closeCode(s.settings.upgradeTimeout().plus(SLACK));
            String polling = ECHO + "polling&sid=" + sid;
            s.post(polling, "4still polling");
            assertThat(s.get(polling).body()).isEqualTo("4still polling");
        }
    }

    @Test
    void a_stray_packet_on_a_probing_websocket_closes_it_and_polling_carries_on() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            String sid = s.handshake(ECHO);
            Frames ws = s.webSocket(ECHO + "websocket&sid=" + sid);
            ws.send("4too early");
            ws.closeCode(SLACK);
            String polling = ECHO + "polling&sid=" + sid;
            s.post(polling, "4fine");
            assertThat(s.get(polling).body()).isEqualTo("4fine");
        }
    }

    @Test
    void a_close_packet_on_websocket_ends_the_session_at_once() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            Frames ws = s.webSocket(ECHO + "websocket");
            String sid = Eio4Running.openPacket(ws.nextText(SLACK)).get("sid").asText();
            ws.send("1");
            ws.closeCode(SLACK);
            Eio4PollingTest.assertError(s.rest().get(ECHO + "polling&sid=" + sid), 400, 1, "Session ID unknown");
        }
    }
}
