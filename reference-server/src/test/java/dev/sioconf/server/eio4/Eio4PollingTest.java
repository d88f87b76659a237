package dev.sioconf.server.eio4;

import static dev.sioconf.server.eio4.Eio4Running.ECHO;
import static dev.sioconf.server.eio4.Eio4Running.RS;
import static dev.sioconf.server.eio4.Eio4Running.SIO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.Response;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Engine.IO 4 polling transport, handshake and error answers, with exact wire literals. Status,
 * headers, CORS and JSON error bodies are checked with REST Assured; payloads, held, overlapping and
 * torn requests with the JDK client and a raw socket.
 */
class Eio4PollingTest {

    static final String UNKNOWN_SID = "{\"code\":1,\"message\":\"Session ID unknown\"}";

    @Test
    void polling_handshake_answers_the_open_packet_with_the_declared_settings() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            String body = s.rest().when().get(SIO + "polling&t=abc").then()
                    .statusCode(200)
                    .header("Content-Type", equalTo("text/plain; charset=UTF-8"))
                    .header("Cache-Control", equalTo("no-store"))
                    .extract().asString();
            String sid = Eio4Running.openPacket(body).get("sid").asText();
            assertThat(sid).matches("[A-Za-z0-9_-]{20}");
            assertThat(body).isEqualTo("0{\"sid\":\"" + sid + "\",\"upgrades\":[\"websocket\"],"
                    + "\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}");
            assertThat(s.handshake(SIO)).isNotEqualTo(sid);
            assertThat(s.server.eio4SessionCount()).isEqualTo(2);
        }
    }

    @Test
    void refusals_carry_the_code_and_message_of_socket_io_4_8() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            assertError(s.rest().get("/socket.io/?transport=polling"), 400, 5, "Unsupported protocol version");
            assertError(s.rest().get("/socket.io/?EIO=abc&transport=polling"), 400, 5, "Unsupported protocol version");
            assertError(s.rest().get("/socket.io/?EIO=5&transport=polling"), 400, 5, "Unsupported protocol version");
            assertError(s.rest().get("/socket.io/?EIO=4"), 400, 0, "Transport unknown");
            assertError(s.rest().get(SIO + "abc"), 400, 0, "Transport unknown");
            assertError(s.rest().body("").post(SIO + "polling"), 400, 2, "Bad handshake method");
            assertError(s.rest().get(SIO + "websocket"), 400, 3, "Bad request");
            assertError(s.rest().get(SIO + "polling&sid=nope"), 400, 1, "Session ID unknown");
        }
    }

    @Test
    void the_echo_endpoint_returns_posted_payloads_on_the_next_poll() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            String sid = s.handshake(ECHO);
            String session = ECHO + "polling&sid=" + sid;
            for (String payload : List.of("4hello", "4test1" + RS + "4test2" + RS + "4test3",
                    "4hello" + RS + "bAQIDBA==", "4é😀")) {
                HttpResponse<String> ok = s.post(session, payload);
                assertThat(ok.statusCode()).isEqualTo(200);
                assertThat(ok.body()).isEqualTo("ok");
                assertThat(ok.headers().firstValue("content-type")).hasValue("text/html");
                assertThat(s.get(session).body()).isEqualTo(payload);
            }
        }
    }

    @Test
    void a_held_poll_is_answered_with_the_ping_when_nothing_else_comes() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Running.quick())) {
            // The ping timer starts when the server takes the handshake, so not before this; counted from
            // after the handshake's answer, a slow answer used to eat into the interval (248 ms in a CI run).
            long start = System.nanoTime();
            String session = SIO + "polling&sid=" + s.handshake(SIO);
            assertThat(s.get(session).body()).isEqualTo("2");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Eio4Running.quick().pingInterval());
            s.post(session, "3");
            assertThat(s.get(session).body()).isEqualTo("2");
        }
    }

    @Test
    void a_session_whose_pings_go_unanswered_ends() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Running.quick())) {
            String session = SIO + "polling&sid=" + s.handshake(SIO);
            assertThat(s.get(session).body()).isEqualTo("2");
            HttpResponse<String> after = s.get(session); // held until the pong deadline ends the session
            assertThat(after.body()).isIn("1", UNKNOWN_SID);
            assertThat(s.get(session).body()).isEqualTo(UNKNOWN_SID);
        }
    }

    @Test
    void an_overlapping_poll_is_refused_and_ends_the_session_with_the_close_packet() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            String sid = s.handshake(ECHO);
            String session = ECHO + "polling&sid=" + sid;
            CompletableFuture<HttpResponse<String>> held = s.getAsync(session);
            awaitHeld(s, sid);
            HttpResponse<String> second = s.get(session);
            assertThat(second.statusCode()).isEqualTo(400);
            assertThat(held.get(5, TimeUnit.SECONDS).body()).isEqualTo("1");
            assertThat(s.get(session).body()).isEqualTo(UNKNOWN_SID);
        }
    }

    @Test
    void a_posted_close_answers_the_held_poll_with_a_noop_and_ends_the_session() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            String sid = s.handshake(ECHO);
            String session = ECHO + "polling&sid=" + sid;
            CompletableFuture<HttpResponse<String>> held = s.getAsync(session);
            awaitHeld(s, sid);
            assertThat(s.post(session, "1").body()).isEqualTo("ok");
            assertThat(held.get(5, TimeUnit.SECONDS).body()).isEqualTo("6");
            assertThat(s.get(session).body()).isEqualTo(UNKNOWN_SID);
        }
    }

    @Test
    void an_undecodable_post_is_not_answered_ok_and_ends_the_session() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            String session = ECHO + "polling&sid=" + s.handshake(ECHO);
            assertThat(s.post(session, "abc").statusCode()).isEqualTo(400);
            assertThat(s.get(session).body()).isEqualTo(UNKNOWN_SID);
        }
    }

    @Test
    void a_client_ping_ends_the_session() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            String session = ECHO + "polling&sid=" + s.handshake(ECHO);
            s.post(session, "2");
            assertThat(s.get(session).body()).isEqualTo(UNKNOWN_SID);
        }
    }

    @Test
    void a_post_above_max_payload_gets_413_and_nothing_of_it_is_processed() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Running.quick().withMaxPayload(100))) {
            String session = ECHO + "polling&sid=" + s.handshake(ECHO);
            assertThat(s.post(session, "4" + "x".repeat(100)).statusCode()).isEqualTo(413);
            String exactly = "4" + "y".repeat(99);
            assertThat(s.post(session, exactly).body()).isEqualTo("ok");
            assertThat(s.get(session).body()).isEqualTo(exactly);
        }
    }

    @Test
    void a_post_starting_while_another_is_still_sending_its_body_is_refused_and_ends_the_session() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            String sid = s.handshake(ECHO);
            String session = ECHO + "polling&sid=" + sid;
            try (java.net.Socket slow = new java.net.Socket("127.0.0.1", s.server.port())) {
                slow.setSoTimeout((int) Eio4Running.SLACK.toMillis());
                var out = slow.getOutputStream();
                out.write(("POST " + session + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                        + "Content-Length: 10\r\n\r\n4hel").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
                awaitReceiving(s, sid);
                assertThat(s.post(session, "4second").statusCode()).isEqualTo(400);
            }
            assertThat(s.get(session).body()).isEqualTo(UNKNOWN_SID);
        }
    }

    /** Waits, within the slack, until the server is receiving a POST body of {@code sid}. */
    static void awaitReceiving(Eio4Running s, String sid) throws InterruptedException {
        long deadline = System.nanoTime() + Eio4Running.SLACK.toNanos();
        while (!s.server.eio4PostReceiving(sid)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server never started receiving a POST of " + sid);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void an_unknown_method_on_a_session_gets_500_and_the_session_stays() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            String session = ECHO + "polling&sid=" + s.handshake(ECHO);
            s.rest().body("4x").when().put(session).then().statusCode(500);
            s.post(session, "4still");
            assertThat(s.get(session).body()).isEqualTo("4still");
        }
    }

    @Test
    void jsonp_answers_call_the_digits_of_j_with_the_payload_as_a_string() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            HttpResponse<String> open = s.get(ECHO + "polling&j=1a2");
            assertThat(open.body()).startsWith("___eio[12](\"0{\\\"sid\\\":\\\"").endsWith(");");
            String sid = open.body().replaceAll(".*sid\\\\\":\\\\\"([^\\\\]+)\\\\\".*", "$1");
            String session = ECHO + "polling&j=12&sid=" + sid;
            HttpResponse<String> ok = s.send(HttpRequest.newBuilder(s.uri(session))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("d=4a%5Cnb%1E4c\u2028")));
            assertThat(ok.body()).isEqualTo("ok");
            assertThat(s.get(session).body()).isEqualTo("___eio[12](\"4a\\nb\\u001e4c\\u2028\");");
        }
    }

    @Test
    void cors_any_origin_is_sent_on_every_answer_and_preflights_are_answered() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults().withCors(List.of("*"), false))) {
            s.rest().header("Origin", "http://example.com").when().get(SIO + "polling").then()
                    .header("Access-Control-Allow-Origin", equalTo("*"));
            s.rest().when().get(SIO + "abc").then()
                    .header("Access-Control-Allow-Origin", equalTo("*"));
            s.rest().header("Origin", "http://example.com")
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "content-type")
                    .when().options(SIO + "polling").then()
                    .statusCode(204)
                    .header("Access-Control-Allow-Methods", equalTo("GET,HEAD,PUT,PATCH,POST,DELETE"))
                    .header("Access-Control-Allow-Headers", equalTo("content-type"));
        }
    }

    @Test
    void cors_lists_allow_only_their_origins_and_no_cors_sends_nothing() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults().withCors(List.of("http://a.example"), true))) {
            s.rest().header("Origin", "http://a.example").when().get(SIO + "polling").then()
                    .header("Access-Control-Allow-Origin", equalTo("http://a.example"))
                    .header("Access-Control-Allow-Credentials", equalTo("true"))
                    .header("Vary", equalTo("Origin"));
            s.rest().header("Origin", "http://b.example").when().get(SIO + "polling").then()
                    .statusCode(200)
                    .header("Access-Control-Allow-Origin", nullValue());
        }
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            s.rest().header("Origin", "http://example.com").when().get(SIO + "polling").then()
                    .header("Access-Control-Allow-Origin", nullValue());
        }
    }

    @Test
    void with_websocket_disabled_no_upgrade_is_offered_and_websocket_is_an_unknown_transport() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults().withTransports(List.of(Eio4Transport.POLLING)))) {
            assertThat(Eio4Running.openPacket(s.get(SIO + "polling").body()).get("upgrades").size()).isZero();
            assertError(s.rest().get(SIO + "websocket"), 400, 0, "Transport unknown");
        }
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults().withAllowUpgrades(false))) {
            assertThat(Eio4Running.openPacket(s.get(SIO + "polling").body()).get("upgrades").size()).isZero();
        }
    }

    @Test
    void legacy_requests_on_the_same_port_are_still_served_by_the_legacy_profile() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            assertThat(s.get("/socket.io/").body()).isEqualTo("Welcome to socket.io.");
            assertThat(s.get("/socket.io/1/").body()).matches("[0-9]+:60:60:websocket,htmlfile,xhr-polling,jsonp-polling");
            assertThat(s.server.legacySessionCount()).isEqualTo(1);
            assertThat(s.server.eio4SessionCount()).isZero();
        }
    }

    /** A refusal as socket.io 4.8 sends it: the status, a JSON content type and exactly this code and message. */
    static void assertError(Response r, int status, int code, String message) {
        r.then()
                .statusCode(status)
                .header("Content-Type", equalTo("application/json"))
                .body(equalTo("{\"code\":" + code + ",\"message\":\"" + message + "\"}"));
    }

    /** Waits, within the slack, until the server holds a poll of {@code sid}. */
    static void awaitHeld(Eio4Running s, String sid) throws InterruptedException {
        long deadline = System.nanoTime() + Eio4Running.SLACK.toNanos();
        while (!s.server.eio4PollHeld(sid)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server never held a poll of " + sid);
            }
            Thread.sleep(5);
        }
    }
}
