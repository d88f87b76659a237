package dev.sioconf.suite.eio3.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.eio3.Eio3Codec;
import dev.sioconf.suite.eio4.Eio4Codec;
import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.junit.Eio3Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * spec/eio3.md section 8: HTTP long-polling. In this revision the server holds a poll until it has
 * something to send; with an idle session that is the pong to a ping the case posts itself.
 */
class PollingCases {

    /** A poll's answer as a reader wants it in a failure: status and body. */
    static String shown(HttpAnswer a) {
        return a.status() + " " + Eio4Codec.visible(a.body());
    }

    /** How long a raw session may be left without any packet while still alive: half its timeout, at most QUIET. */
    static Duration safeIdle(EngineTester t) {
        Duration half = t.bounds().pingInterval().plus(t.bounds().pingTimeout()).dividedBy(2);
        return half.compareTo(EngineBounds.QUIET) < 0 ? half : EngineBounds.QUIET;
    }

    /** A held poll of a session, and what the case did to the session while it was held. */
    record Held(String sid, HttpAnswer answer) {
    }

    /**
     * Handshakes, holds a poll, lets {@code action} act on the session, and returns the held poll's
     * answer. On a loaded machine the poll sent first may reach the server after the action; the
     * session then ends before the poll comes and the poll is refused: once more, waiting longer.
     */
    static Held holdThen(EngineTester t, Consumer<String> action) {
        long cap = safeIdle(t).toMillis();
        for (long wait = Math.min(100, cap); ; wait = Math.min(wait * 3, cap)) {
            String sid = t.handshake().sid();
            CompletableFuture<HttpAnswer> held = t.pollAsync(t.path(), sid);
            t.pause(Duration.ofMillis(wait), "let the poll be held");
            action.accept(sid);
            HttpAnswer a = t.await(held);
            if (a.status() == 400 && wait < cap) {
                t.log().note("the poll reached the server after the case acted (a loaded machine); once more, waiting longer");
                continue;
            }
            return new Held(sid, a);
        }
    }

    /** The packets of a 200 text or binary payload. */
    static List<String> packets(EngineTester t, HttpAnswer a) {
        assertThat(a.status()).as("status of the poll (body %s)", Eio4Codec.visible(a.body())).isEqualTo(200);
        return t.revision().split(a);
    }

    /** POSTs a body and returns the answer, or a note that the connection was dropped without one. */
    static String answerTo(EngineTester t, String sid, String body) {
        try {
            return shown(t.post(sid, body));
        } catch (AssertionError e) {
            return "(no answer: " + e.getMessage() + ")";
        }
    }

    @Requirement("EIO3-8.1")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "handshakes, holds a poll with nothing queued for half a second, then POSTs the ping 1:2 and times the held poll's answer")
    void pollIsHeldUntilThereIsAPacketThenAnsweredAtOnce(EngineTester t) {
        String sid = t.handshake().sid();
        CompletableFuture<HttpAnswer> held = t.pollAsync(t.path(), sid);
        t.pause(safeIdle(t), "a poll with nothing to send must stay held");
        assertThat(held.isDone() ? shown(t.await(held)) : "(still held)").as("a poll with nothing to send, before any ping")
                .isEqualTo("(still held)");
        long posted = System.nanoTime();
        EngineTester.assertAnswer(t.post(sid, "1:2"), 200, "ok");
        HttpAnswer a = t.await(held);
        EngineTester.assertAnswer(a, 200, "1:3");
        assertThat(Duration.ofNanos(System.nanoTime() - posted)).as("from the ping to the held poll's answer")
                .isLessThan(EngineBounds.PROMPT);
        assertThat(a.header("Content-Type").orElse("(none)")).as("Content-Type").isEqualToIgnoringCase("text/plain; charset=UTF-8");
    }

    @Requirement("EIO3-8.1")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "handshakes, POSTs the ping 1:2 with no poll held, then polls and times the answer")
    void pollWithAPacketQueuedIsAnsweredAtOnce(EngineTester t) {
        String sid = t.handshake().sid();
        EngineTester.assertAnswer(t.post(sid, "1:2"), 200, "ok");
        HttpAnswer a = t.poll(sid);
        EngineTester.assertAnswer(a, 200, "1:3");
        assertThat(a.elapsed()).as("time to answer a poll with the pong queued").isLessThan(EngineBounds.PROMPT);
    }

    @Requirement("EIO3-8.2")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "POSTs the ping 1:2 with Content-Type text/plain;charset=UTF-8, text/plain, text/html and none, polling for the pong after each")
    void postWithAnyTextContentTypeOrNoneIsReadAndAnsweredOk(EngineTester t) {
        String sid = t.handshake().sid();
        for (String type : new String[] {"text/plain;charset=UTF-8", "text/plain", "text/html", null}) {
            HttpAnswer post = t.request("POST", t.path(), t.eio() + "&transport=polling&sid=" + sid, type, "1:2");
            assertThat(shown(post)).as("answer to a POST with Content-Type %s", type).isEqualTo("200 ok");
            assertThat(shown(t.poll(sid))).as("poll after the ping posted with Content-Type %s", type).isEqualTo("200 1:3");
        }
    }

    @Requirement("EIO3-8.3")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "for each of the bodies abc, 4:abc, 2:9x, 15:42[\"echo\",\"a\",1] and an empty body: holds a poll of a new session,"
                    + " POSTs the body, reads the held poll's answer, then polls again")
    void undecodablePostEndsTheSessionAndTheHeldPollGetsClose(EngineTester t) {
        for (String body : new String[] {"abc", "4:abc", "2:9x", "15:42[\"echo\",\"a\",1]", ""}) {
            Held h = holdThen(t, sid -> t.log().note("POST \"" + body + "\" answered " + answerTo(t, sid, body)));
            List<String> got = packets(t, h.answer());
            assertThat(got.get(got.size() - 1)).as("last packet of the held poll after POSTing \"%s\" (body %s)", body,
                    Eio4Codec.visible(h.answer().body())).isEqualTo("1");
            t.assertSessionGone(h.sid());
        }
    }

    @Requirement("EIO3-8.4")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "holds a poll, sends a second poll for the same session, then polls once more")
    void secondConcurrentPollIsRefusedAndEndsTheSession(EngineTester t) {
        String sid = t.handshake().sid();
        CompletableFuture<HttpAnswer> first = t.pollAsync(t.path(), sid);
        t.pause(Duration.ofMillis(Math.min(100, safeIdle(t).toMillis())), "let the first poll be held");
        HttpAnswer second = t.poll(sid);
        HttpAnswer one = t.await(first);
        // On a loaded machine the poll sent first may reach the server second: judge by arrival, not by sending.
        HttpAnswer held = one.status() == 200 ? one : second;
        HttpAnswer refused = one.status() == 200 ? second : one;
        assertThat(refused.status()).as("status of the poll that came second (body %s)", refused.body()).isGreaterThanOrEqualTo(400);
        List<String> got = packets(t, held);
        assertThat(got.get(got.size() - 1)).as("last packet of the held poll (body %s)", Eio4Codec.visible(held.body())).isEqualTo("1");
        t.assertSessionGone(sid);
    }

    @Requirement("EIO3-8.5")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "sends PUT naming a live polling session, then POSTs the ping 1:2 to it and polls for the pong")
    void otherMethodOnASessionIsAnErrorButKeepsTheSession(EngineTester t) {
        String sid = t.handshake().sid();
        HttpAnswer put = t.request("PUT", t.path(), t.eio() + "&transport=polling&sid=" + sid, "text/plain", "1:6");
        assertThat(put.status()).as("status of the PUT (body %s)", put.body()).isGreaterThanOrEqualTo(400);
        EngineTester.assertAnswer(t.post(sid, "1:2"), 200, "ok");
        EngineTester.assertAnswer(t.poll(sid), 200, "1:3");
    }

    @Requirement("EIO3-8.6")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "holds a poll, POSTs 42[\"echo\",\"first\"] followed by a message making the body max HTTP buffer + 1 bytes,"
                    + " reads the held poll's answer, then polls until the session is gone")
    void oversizedPostIsNotProcessedAndEndsTheSession(EngineTester t) {
        String first = "42[\"echo\",\"first\"]";
        String body = oversizedBody(first, t.settings().maxPayload() + 1);
        Held h = holdThen(t, sid -> t.log().note("the oversized POST was answered " + answerTo(t, sid, body)));
        if (h.answer().status() == 200) {
            assertThat(packets(t, h.answer())).as("packets of the held poll: the echo of the oversized POST's first packet must not come")
                    .doesNotContain(first);
        } else {
            EngineTester.assertRefused(h.answer(), 1, "Session ID unknown");
        }
        t.awaitSessionGone(t.path(), h.sid(), EngineBounds.PROMPT);
    }

    /** A text payload of exactly {@code bytes} ASCII bytes: {@code first}, then one message filling the rest. */
    static String oversizedBody(String first, long bytes) {
        String head = Eio3Codec.payload(first);
        long rest = bytes - head.length();
        for (int length = (int) rest - 2; length > 0; length--) {
            if (Integer.toString(length).length() + 1 + length == rest) {
                return head + Eio3Codec.payload("4" + "x".repeat(length - 1));
            }
        }
        throw new IllegalStateException("no body of " + bytes + " bytes");
    }
}
