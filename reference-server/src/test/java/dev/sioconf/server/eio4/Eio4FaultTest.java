package dev.sioconf.server.eio4;

import static dev.sioconf.server.eio4.Eio4Running.ECHO;
import static dev.sioconf.server.eio4.Eio4Running.RS;
import static dev.sioconf.server.eio4.Eio4Running.SIO;
import static dev.sioconf.server.eio4.Eio4Running.SLACK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.server.eio4.Eio4Running.Frames;
import dev.sioconf.server.legacy.Fault;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each eio4 fault really shows on the wire, so the suite has something to catch. */
class Eio4FaultTest {

    static Eio4Running with(Eio4Settings settings, Eio4Fault fault) throws InterruptedException {
        return new Eio4Running(settings.withFaults(Set.of(fault)));
    }

    static Eio4Running with(Eio4Fault fault) throws InterruptedException {
        return with(Eio4Settings.defaults(), fault);
    }

    @Test
    void fault_names_are_unique_prefixed_and_apart_from_the_legacy_names() {
        for (Eio4Fault f : Eio4Fault.values()) {
            assertThat(f.wireName()).startsWith("eio4-");
            assertThat(Eio4Fault.ofWireName(f.wireName())).hasValue(f);
            assertThat(Fault.ofWireName(f.wireName())).isEmpty();
            assertThat(f.description()).isNotBlank();
        }
        assertThat(Arrays.stream(Fault.values()).map(Fault::wireName)).noneMatch(n -> n.startsWith("eio4-"));
    }

    @Test
    void upgrade_loses_message_drops_what_is_queued_when_the_upgrade_completes() throws Exception {
        try (Eio4Running s = with(Eio4Fault.UPGRADE_LOSES_MESSAGE)) {
            String sid = s.handshake(ECHO);
            Frames ws = s.webSocket(ECHO + "websocket&sid=" + sid);
            ws.send("2probe");
            assertThat(ws.nextText(SLACK)).isEqualTo("3probe");
            s.post(ECHO + "polling&sid=" + sid, "4queued");
            ws.send("5");
            ws.send("4after");
            assertThat(ws.nextText(SLACK)).isEqualTo("4after");
        }
    }

    @Test
    void wrong_separator_joins_payload_packets_with_u001f() throws Exception {
        try (Eio4Running s = with(Eio4Fault.WRONG_SEPARATOR)) {
            String session = ECHO + "polling&sid=" + s.handshake(ECHO);
            s.post(session, "4a" + RS + "4b");
            assertThat(s.get(session).body()).isEqualTo("4a\u001f4b");
        }
    }

    @Test
    void no_pings_sends_no_ping_after_the_ping_interval() throws Exception {
        try (Eio4Running s = with(Eio4Running.quick(), Eio4Fault.NO_PINGS)) {
            Frames ws = s.webSocket(ECHO + "websocket");
            ws.nextText(SLACK);
            Duration twoRounds = s.settings.pingInterval().plus(s.settings.pingTimeout()).multipliedBy(2);
            assertThat(ws.messages.poll(twoRounds.toMillis(), TimeUnit.MILLISECONDS)).isNull();
            ws.send("4alive");
            assertThat(ws.nextText(SLACK)).isEqualTo("4alive");
        }
    }

    @Test
    void websocket_when_disabled_opens_websocket_sessions_on_a_polling_only_server() throws Exception {
        Eio4Settings pollingOnly = Eio4Settings.defaults().withTransports(List.of(Eio4Transport.POLLING));
        try (Eio4Running s = with(pollingOnly, Eio4Fault.WEBSOCKET_WHEN_DISABLED)) {
            assertThat(s.webSocket(SIO + "websocket").nextText(SLACK)).startsWith("0{\"sid\":");
        }
    }

    @Test
    void wrong_error_code_refuses_an_unknown_session_with_code_3() throws Exception {
        try (Eio4Running s = with(Eio4Fault.WRONG_ERROR_CODE)) {
            Eio4PollingTest.assertError(s.rest().get(SIO + "polling&sid=nope"), 400, 3, "Bad request");
        }
    }

    @Test
    void wrong_ping_interval_announces_twice_the_interval() throws Exception {
        try (Eio4Running s = with(Eio4Fault.WRONG_PING_INTERVAL)) {
            assertThat(Eio4Running.openPacket(s.get(SIO + "polling").body()).get("pingInterval").asLong())
                    .isEqualTo(50_000);
        }
    }

    @Test
    void upgrades_when_disabled_lists_websocket_on_a_polling_only_server() throws Exception {
        Eio4Settings pollingOnly = Eio4Settings.defaults().withTransports(List.of(Eio4Transport.POLLING));
        try (Eio4Running s = with(pollingOnly, Eio4Fault.UPGRADES_WHEN_DISABLED)) {
            assertThat(Eio4Running.openPacket(s.get(SIO + "polling").body()).get("upgrades").toString())
                    .isEqualTo("[\"websocket\"]");
        }
    }

    @Test
    void poll_not_held_answers_an_empty_poll_at_once_with_a_noop() throws Exception {
        try (Eio4Running s = with(Eio4Fault.POLL_NOT_HELD)) {
            String session = SIO + "polling&sid=" + s.handshake(SIO);
            long start = System.nanoTime();
            assertThat(s.get(session).body()).isEqualTo("6");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(s.settings.pingInterval());
        }
    }

    @Test
    void no_upgrade_noop_leaves_the_held_poll_to_the_next_ping() throws Exception {
        try (Eio4Running s = with(Eio4Running.quick(), Eio4Fault.NO_UPGRADE_NOOP)) {
            String sid = s.handshake(ECHO);
            CompletableFuture<HttpResponse<String>> held = s.getAsync(ECHO + "polling&sid=" + sid);
            Eio4PollingTest.awaitHeld(s, sid);
            Frames ws = s.webSocket(ECHO + "websocket&sid=" + sid);
            ws.send("2probe");
            assertThat(ws.nextText(SLACK)).isEqualTo("3probe");
            assertThat(held.get(s.pollBound().toMillis(), TimeUnit.MILLISECONDS).body()).isEqualTo("2");
        }
    }

    @Test
    void ack_id_dropped_sends_acknowledgements_without_their_id() throws Exception {
        try (Eio4Running s = with(Eio4Fault.ACK_ID_DROPPED)) {
            Frames ws = Eio4SocketIoTest.connected(s);
            ws.send("42456[\"message-with-ack\",1]");
            assertThat(ws.nextText(SLACK)).isEqualTo("43[1]");
        }
    }

    @Test
    void no_auth_event_skips_the_auth_event_after_connect() throws Exception {
        try (Eio4Running s = with(Eio4Fault.NO_AUTH_EVENT)) {
            Frames ws = s.webSocket(SIO + "websocket");
            ws.nextText(SLACK);
            ws.send("40");
            assertThat(ws.nextText(SLACK)).startsWith("40{\"sid\":");
            ws.send("42[\"sendMessage\"]");
            assertThat(ws.nextText(SLACK)).isEqualTo("42[\"helloBack\",{\"message\":\"Hello back!\"}]");
        }
    }

    @Test
    void message_back_wrong_leaves_out_the_last_argument() throws Exception {
        try (Eio4Running s = with(Eio4Fault.MESSAGE_BACK_WRONG)) {
            Frames ws = Eio4SocketIoTest.connected(s);
            ws.send("42[\"message\",1,\"2\"]");
            assertThat(ws.nextText(SLACK)).isEqualTo("42[\"message-back\",1]");
        }
    }

    @Test
    void attachments_swapped_sends_the_first_two_attachments_in_reverse() throws Exception {
        try (Eio4Running s = with(Eio4Fault.ATTACHMENTS_SWAPPED)) {
            Frames ws = Eio4SocketIoTest.connected(s);
            ws.send("452-[\"message\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
            ws.sendBinary(new byte[] {1, 2, 3});
            ws.sendBinary(new byte[] {4, 5, 6});
            assertThat(ws.nextText(SLACK)).startsWith("452-[\"message-back\"");
            assertThat((byte[]) ws.next(SLACK)).containsExactly(4, 5, 6);
            assertThat((byte[]) ws.next(SLACK)).containsExactly(1, 2, 3);
        }
    }

    @Test
    void reorder_queued_swaps_the_first_two_packets_of_a_polling_payload() throws Exception {
        try (Eio4Running s = with(Eio4Fault.REORDER_QUEUED)) {
            String session = ECHO + "polling&sid=" + s.handshake(ECHO);
            s.post(session, "4a" + RS + "4b" + RS + "4c");
            assertThat(s.get(session).body()).isEqualTo("4b" + RS + "4a" + RS + "4c");
        }
    }

    @Test
    void unbounded_attachments_reads_a_packet_of_eleven_attachments_the_clean_server_refuses() throws Exception {
        try (Eio4Running s = with(Eio4Fault.UNBOUNDED_ATTACHMENTS)) {
            Frames ws = Eio4SocketIoTest.connected(s);
            StringBuilder placeholders = new StringBuilder();
            for (int n = 0; n < 11; n++) {
                placeholders.append(",{\"_placeholder\":true,\"num\":").append(n).append('}');
            }
            ws.send("4511-[\"message\"" + placeholders + "]");
            for (int n = 0; n < 11; n++) {
                ws.sendBinary(new byte[] {(byte) n});
            }
            assertThat(ws.nextSkippingPings(SLACK)).isEqualTo("4511-[\"message-back\"" + placeholders + "]");
        }
    }
}
