package dev.sioconf.server.eio3;

import static dev.sioconf.server.eio4.Eio4Running.SLACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.sioconf.server.eio4.Eio4Running;
import dev.sioconf.server.eio4.Eio4Settings;
import io.restassured.response.Response;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Engine.IO 3 polling on EIO=3, with exact wire text as socket.io 2.5.1 writes it. The handshake's
 * status and headers and the JSON refusals are checked with REST Assured; payloads, binary bodies
 * and a torn POST with the JDK client.
 */
class Eio3PollingTest {

    static final String SIO = "/socket.io/?EIO=3&transport=";
    static final String ECHO = "/engine.io/?EIO=3&transport=";

    static String sid(String handshakeBody) {
        return handshakeBody.replaceAll("(?s).*\"sid\":\"([^\"]+)\".*", "$1");
    }

    static String openJson(String sid, Eio4Settings s, String upgrades) {
        return "0{\"sid\":\"" + sid + "\",\"upgrades\":[" + upgrades + "],\"pingInterval\":"
                + s.pingInterval().toMillis() + ",\"pingTimeout\":" + s.pingTimeout().toMillis() + "}";
    }

    @Test
    void the_handshake_carries_the_open_packet_without_max_payload_and_the_implicit_40() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            String body = s.rest().when().get(SIO + "polling").then()
                    .statusCode(200)
                    .header("Content-Type", equalTo("text/plain; charset=UTF-8"))
                    .extract().asString();
            String open = openJson(sid(body), s.settings, "\"websocket\"");
            assertThat(body).isEqualTo(open.length() + ":" + open + "2:40");
            assertThat(s.server.eio3SessionCount()).isEqualTo(1);
            assertThat(s.server.eio4SessionCount()).isZero();
        }
    }

    @Test
    void the_echo_handshake_has_the_open_packet_alone_and_echoes_with_lengths_in_characters() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            String body = s.get(ECHO + "polling&b64=1").body();
            String open = openJson(sid(body), s.settings, "\"websocket\"");
            assertThat(body).isEqualTo(open.length() + ":" + open);
            String session = ECHO + "polling&b64=1&sid=" + sid(body);
            HttpResponse<String> ok = s.post(session, "4:4é😀6:b4AQID");
            assertThat(ok.body()).isEqualTo("ok");
            assertThat(s.get(session).body()).isEqualTo("4:4é😀6:b4AQID");
        }
    }

    @Test
    void binary_goes_as_an_octet_stream_payload_unless_the_handshake_asked_b64() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            String session = ECHO + "polling&sid=" + sid(s.get(ECHO + "polling").body());
            s.post(session, "2:4x6:b4AQID");
            HttpResponse<byte[]> r = s.http.send(HttpRequest.newBuilder(s.uri(session)).timeout(SLACK).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.headers().firstValue("content-type")).hasValue("application/octet-stream");
            assertThat(r.body()).containsExactly(0, 2, 255, '4', 'x', 1, 4, 255, 4, 1, 2, 3);
            // and a binary POST is read the same way
            byte[] post = {0, 2, (byte) 255, '4', 'y', 1, 3, (byte) 255, 4, 9, 8};
            HttpResponse<String> ok = s.send(HttpRequest.newBuilder(s.uri(session))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(post)));
            assertThat(ok.body()).isEqualTo("ok");
            HttpResponse<byte[]> back = s.http.send(HttpRequest.newBuilder(s.uri(session)).timeout(SLACK).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(back.body()).containsExactly(post);

            String b64 = ECHO + "polling&b64=1&sid=" + sid(s.get(ECHO + "polling&b64=1").body());
            s.post(b64, "6:b4AQID");
            assertThat(s.get(b64).body()).isEqualTo("6:b4AQID");
        }
    }

    @Test
    void jsonp_wraps_the_payload_and_always_uses_base64() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            String body = s.get(ECHO + "polling&j=2").body();
            assertThat(body).startsWith("___eio[2](\"").endsWith("\");");
            String session = ECHO + "polling&j=2&sid=" + sid(body.replace("\\\"", "\""));
            s.send(HttpRequest.newBuilder(s.uri(session)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("d=6%3Ab4AQID")));
            assertThat(s.get(session).body()).isEqualTo("___eio[2](\"6:b4AQID\");");
        }
    }

    @Test
    void a_client_ping_is_answered_at_once_and_a_silent_session_ends_after_interval_plus_timeout() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Running.quick())) {
            String sid = sid(s.get(ECHO + "polling").body());
            String session = ECHO + "polling&sid=" + sid;
            s.post(session, "1:2");
            assertThat(s.get(session).body()).isEqualTo("1:3");
            long start = System.nanoTime();
            // no pings from the server: the held poll is answered only by the close
            assertThat(s.get(session).body()).isEqualTo("1:1");
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(400));
            assertThat(s.get(session).body()).isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
        }
    }

    @Test
    void pings_keep_a_session_alive_beyond_interval_plus_timeout() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Running.quick())) {
            String session = ECHO + "polling&sid=" + sid(s.get(ECHO + "polling").body());
            for (int i = 0; i < 4; i++) {
                Thread.sleep(200);
                s.post(session, "1:2");
                assertThat(s.get(session).body()).isEqualTo("1:3");
            }
        }
    }

    @Test
    void refusals_carry_the_engine_io_3_codes() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            assertError(s.rest().get("/socket.io/?EIO=3&transport=nope"), 0, "Transport unknown");
            assertError(s.rest().get(SIO + "polling&sid=nope"), 1, "Session ID unknown");
            assertError(s.rest().body("1:2").post(SIO + "polling"), 2, "Bad handshake method");
            assertError(s.rest().get(SIO + "websocket"), 3, "Bad request");
        }
    }

    @Test
    void a_post_above_max_payload_loses_its_connection_and_the_session_ends() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults().withMaxPayload(100))) {
            String sid = sid(s.get(ECHO + "polling").body());
            String session = ECHO + "polling&sid=" + sid;
            CompletableFuture<HttpResponse<String>> post = s.http.sendAsync(HttpRequest.newBuilder(s.uri(session))
                    .POST(HttpRequest.BodyPublishers.ofString("101:4" + "x".repeat(100))).timeout(SLACK).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post).failsWithin(SLACK.toMillis(), TimeUnit.MILLISECONDS);
            assertError(s.rest().get(session), 1, "Session ID unknown");
        }
    }

    /** A refusal as socket.io 2.5.1 sends it: 400 and exactly this code and message. */
    static void assertError(Response r, int code, String message) {
        r.then()
                .statusCode(400)
                .body(equalTo("{\"code\":" + code + ",\"message\":\"" + message + "\"}"));
    }
}
