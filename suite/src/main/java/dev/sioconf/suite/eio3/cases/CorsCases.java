package dev.sioconf.suite.eio3.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.eio3.Eio3Codec;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.OpenPacket;
import dev.sioconf.suite.junit.Eio3Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;
import java.util.List;

/**
 * spec/eio3.md section 14: CORS, as declared. engine.io 3's own default reflects the request's
 * Origin with credentials; a target declaring origin {@code *} without credentials sends {@code *}.
 */
class CorsCases {

    static final String STRANGER = "http://stranger.example";

    /** An origin of the declared list, or a made-up one when the target allows any. */
    static String allowedOrigin(EngineTester t) {
        return t.settings().corsAnyOrigin() ? "http://example.com" : t.settings().cors().get(0);
    }

    /** The Access-Control-Allow-Origin an answer to a request from an allowed origin carries (EIO3-14.1). */
    static String expectedAllowOrigin(EngineTester t) {
        return t.settings().corsAnyOrigin() && !t.settings().corsCredentials() ? "*" : allowedOrigin(t);
    }

    static void assertCors(EngineTester t, HttpAnswer a, String what) {
        assertThat(a.header("Access-Control-Allow-Origin").orElse("(none)")).as("Access-Control-Allow-Origin on %s", what)
                .isEqualTo(expectedAllowOrigin(t));
        if (t.settings().corsCredentials()) {
            assertThat(a.header("Access-Control-Allow-Credentials").orElse("(none)")).as("Access-Control-Allow-Credentials on %s", what)
                    .isEqualTo("true");
        }
    }

    @Requirement("EIO3-14.1")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.CORS_DECLARED,
            does = "with an allowed Origin header: handshakes, POSTs a ping, polls and sends a refused request; reads the CORS headers")
    void everyXhrAnswerAndErrorCarriesTheAllowOrigin(EngineTester t) {
        String[] origin = {"Origin", allowedOrigin(t)};
        HttpAnswer handshake = t.get(t.eio() + "&transport=polling", origin);
        assertThat(handshake.status()).as("status of the handshake (body %s)", handshake.body()).isEqualTo(200);
        String sid = OpenPacket.parse(Eio3Codec.split(handshake.body()).get(0)).sid();
        HttpAnswer post = t.request("POST", t.path(), t.eio() + "&transport=polling&sid=" + sid, "text/plain", "1:2", origin);
        HttpAnswer poll = t.http().get(t.uri(t.path(), t.eio() + "&transport=polling&sid=" + sid), t.bounds().pollAnswer(), origin);
        HttpAnswer error = t.get(t.eio() + "&transport=abc", origin);
        assertCors(t, handshake, "the handshake");
        assertCors(t, post, "the POST");
        assertCors(t, poll, "the poll \"" + poll.body() + "\"");
        assertCors(t, error, "the refusal \"" + error.body() + "\"");
    }

    @Requirement("EIO3-14.1")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.CORS_ANY,
            does = "handshakes over polling without an Origin header; reads Access-Control-Allow-Origin")
    void answerWithoutOriginAllowsAny(EngineTester t) {
        HttpAnswer a = t.get(t.eio() + "&transport=polling");
        assertThat(a.header("Access-Control-Allow-Origin").orElse("(none)")).as("Access-Control-Allow-Origin").isEqualTo("*");
    }

    @Requirement("EIO3-14.2")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.CORS_DECLARED,
            does = "handshakes, sends a preflight OPTIONS naming the session, then POSTs the ping 1:2 and polls for the pong")
    void preflightIsAnsweredWithoutTouchingTheSession(EngineTester t) {
        // from the allowed origin: socket.io 2.x with a list of origins refuses a handshake without Origin (code 4)
        HttpAnswer handshake = t.get(t.eio() + "&transport=polling", "Origin", allowedOrigin(t));
        assertThat(handshake.status()).as("status of the handshake (body %s)", handshake.body()).isEqualTo(200);
        String sid = OpenPacket.parse(Eio3Codec.split(handshake.body()).get(0)).sid();
        HttpAnswer a = t.request("OPTIONS", t.path(), t.eio() + "&transport=polling&sid=" + sid, null, null,
                "Origin", allowedOrigin(t), "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type");
        assertThat(a.status()).as("status of the preflight").isBetween(200, 299);
        assertCors(t, a, "the preflight");
        assertThat(a.header("Access-Control-Allow-Headers").orElse("(none)").toLowerCase()).as("Access-Control-Allow-Headers")
                .contains("content-type");
        EngineTester.assertAnswer(t.post(sid, "1:2"), 200, "ok");
        EngineTester.assertAnswer(t.poll(sid), 200, "1:3");
    }

    @Requirement("EIO3-14.3")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.CORS_LIST,
            does = "handshakes over polling with Origin: http://stranger.example")
    void strangerOriginIsRefusedWithCode4(EngineTester t) {
        HttpAnswer a = t.get(t.eio() + "&transport=polling", "Origin", STRANGER);
        assertThat(a.status()).as("status (body %s)", a.body()).isEqualTo(403);
        assertThat(a.body()).as("body").matches("\\{\"code\":4,\"message\":\"[^\"]*\"\\}");
        assertThat(List.of(a.header("Content-Type").orElse("(none)"))).as("Content-Type")
                .allMatch(type -> type.startsWith("application/json"));
    }
}
