package dev.sioconf.suite.legacy.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.legacy.Bounds;
import dev.sioconf.suite.legacy.Connection;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.legacy.Transport;
import dev.sioconf.suite.legacy.WirePackets;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.RawTcp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** spec/legacy.md section 9: what xhr-polling and jsonp-polling have in common. */
class PollingCases {

    static final String XHR_WRAPPED_NOOP = "8::";

    @Requirement("LEG-9.1")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING},
            does = "takes the connect packet, then GETs again with nothing queued and times the answer")
    void emptyPollIsHeldForThePollingDurationThenAnsweredWithANoop(LegacyTester t) {
        String sid = t.handshake().sid();
        HttpAnswer first = t.poll(t.transport(), sid);
        assertThat(Polls.payload(t.transport(), first)).as("first poll").isEqualTo("1::");
        HttpAnswer a = t.poll(t.transport(), sid);
        assertThat(Polls.payload(t.transport(), a)).as("answer to an empty poll").isEqualTo("8::");
        // The first poll is answered at once: what it took is the tester's own delay at this moment
        // (over 500 ms on a loaded machine), which a held poll's measured time carries as well.
        assertThat(a.elapsed()).as("time the empty poll was held (the first poll took %d ms)", first.elapsed().toMillis())
                .isBetween(t.bounds().pollHeldAtLeast(), t.bounds().pollHeldAtMost().plus(first.elapsed()));
    }

    @Requirement("LEG-9.2")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING},
            does = "holds an empty poll, POSTs an event meanwhile, and times the poll's answer")
    void heldPollIsAnsweredAsSoonAsDataArrives(LegacyTester t) {
        String sid = connected(t);
        CompletableFuture<HttpAnswer> held = CompletableFuture.supplyAsync(() -> t.poll(t.transport(), sid));
        t.pause(t.bounds().pollingDuration().dividedBy(4), "let the poll be held");
        t.postPayload(t.transport(), sid, "3:::early");
        HttpAnswer a = held.join();
        assertThat(Polls.payload(t.transport(), a)).isEqualTo("3:::early");
        assertThat(a.elapsed()).as("time until the held poll was answered").isLessThan(t.bounds().pollingDuration());
    }

    @Requirement("LEG-9.3")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING},
            does = "POSTs three messages while no poll is held, then GETs once")
    void packetsQueuedBetweenPollsComeInOneFramedAnswerInOrder(LegacyTester t) {
        String sid = connected(t);
        t.postPayload(t.transport(), sid, "\ufffd7\ufffd3:::one\ufffd7\ufffd3:::two\ufffd9\ufffd3:::three");
        assertThat(Polls.payload(t.transport(), t.poll(t.transport(), sid)))
                .isEqualTo("\ufffd7\ufffd3:::one\ufffd7\ufffd3:::two\ufffd9\ufffd3:::three");
    }

    @Requirement("LEG-9.6")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING},
            does = "POSTs a message and reads the POST's own answer")
    void postIsAnsweredWithOne(LegacyTester t) {
        Connection c = t.openSession();
        c.send("3:::hello");
        c.inbox().assertNext("3:::hello");
    }

    @Requirement("LEG-9.7")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING},
            does = "holds an empty poll, POSTs a message with id 4 meanwhile, and polls on until its ack and echo have come")
    void repliesToAPostGoOutOnTheHeldPollAndTheNext(LegacyTester t) {
        String sid = connected(t);
        CompletableFuture<HttpAnswer> held = CompletableFuture.supplyAsync(() -> t.poll(t.transport(), sid), OWN_THREAD);
        t.pause(t.bounds().pollingDuration().dividedBy(4), "let the poll be held");
        t.postPayload(t.transport(), sid, "3:4::hi");
        HttpAnswer a = held.join();
        assertThat(a.elapsed()).as("time until the held poll was answered").isLessThan(t.bounds().pollingDuration());
        List<String> got = new ArrayList<>(WirePackets.split(Polls.payload(t.transport(), a)));
        while (got.size() < 2) {
            HttpAnswer next = t.poll(t.transport(), sid);
            assertThat(next.elapsed()).as("time until the next poll was answered").isLessThan(t.bounds().pollHeldAtLeast());
            got.addAll(WirePackets.split(Polls.payload(t.transport(), next)));
        }
        assertThat(got).as("packets over the held poll and the next").containsExactly("6:::4", "3:::hi");
    }

    @Requirement("LEG-9.8")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING},
            does = "holds a poll, sends a second poll while it is held, then POSTs a message")
    void newerPollOfTheSessionIsServedInsteadOfTheHeldOne(LegacyTester t) {
        String sid = connected(t);
        Duration gap = t.bounds().pollingDuration().dividedBy(4);
        CompletableFuture<HttpAnswer> older = CompletableFuture.supplyAsync(() -> t.poll(t.transport(), sid), OWN_THREAD);
        t.pause(gap, "let the first poll be held");
        assertThat(older).as("first poll, before the second is sent").isNotDone();
        CompletableFuture<HttpAnswer> newer = CompletableFuture.supplyAsync(() -> t.poll(t.transport(), sid), OWN_THREAD);
        t.pause(gap, "let the second poll reach the server");
        t.postPayload(t.transport(), sid, "3:::for the newer poll");
        HttpAnswer a = newer.join();
        assertThat(Polls.payload(t.transport(), a)).as("answer to the newer poll").isEqualTo("3:::for the newer poll");
        assertThat(a.elapsed()).as("time until the newer poll was answered").isLessThan(t.bounds().pollingDuration());
        // The older poll may still be open or may have been closed; answered, it may only carry the noop.
        if (older.isDone() && !older.isCompletedExceptionally()) {
            assertThat(Polls.payload(t.transport(), older.join())).as("answer to the older poll").isEqualTo("8::");
        }
    }

    @Requirement("LEG-9.9")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING},
            does = "over raw sockets, GETs the connect packet, a queued message and an empty poll's noop, and checks each answer is whole")
    void everyPollAnswerIsOneCompleteResponse(LegacyTester t) {
        String sid = t.handshake().sid();
        assertThat(rawPoll(t, sid, Bounds.PROMPT)).as("first poll").isEqualTo("1::");
        t.postPayload(t.transport(), sid, "3:::queued");
        assertThat(rawPoll(t, sid, Bounds.PROMPT)).as("poll with a message queued").isEqualTo("3:::queued");
        assertThat(rawPoll(t, sid, t.bounds().pollAnswer())).as("empty poll").isEqualTo("8::");
    }

    /**
     * One GET over a raw socket with {@code Connection: close}; its answer must be complete: as long
     * as its Content-Length, chunked up to the last chunk, or else ended by the server closing.
     */
    static String rawPoll(LegacyTester t, String sid, Duration bound) {
        URI uri = t.transportUri(t.transport(), sid, t.transport() == Transport.JSONP_POLLING ? "i=0" : "");
        RawTcp.Exchange e = RawTcp.exchangeOneAnswer(t.target().base(), "GET " + uri.getRawPath() + "?" + uri.getRawQuery()
                + " HTTP/1.1\r\nHost: " + t.target().base().getAuthority() + "\r\nConnection: close\r\n\r\n", bound, t.log());
        int headEnd = e.received().indexOf("\r\n\r\n");
        assertThat(headEnd).as("end of the answer head").isPositive();
        List<String> head = List.of(e.received().substring(0, headEnd).split("\r\n"));
        assertThat(head.get(0)).as("status line").matches("HTTP/1\\.[01] 200( .*)?");
        String rest = e.received().substring(headEnd + 4);
        String length = headerValue(head, "content-length");
        String body;
        if (length != null) {
            assertThat(rest.getBytes(StandardCharsets.UTF_8).length).as("body bytes against Content-Length").isEqualTo(Integer.parseInt(length));
            body = rest;
        } else if ("chunked".equalsIgnoreCase(headerValue(head, "transfer-encoding"))) {
            body = dechunk(rest);
        } else {
            assertThat(e.closedByServer()).as("an answer without length or chunks ended by closing the connection").isTrue();
            body = rest;
        }
        return Polls.payload(t.transport(), new HttpAnswer(200, Map.of(), body, Duration.ZERO));
    }

    static String headerValue(List<String> head, String name) {
        return head.stream().skip(1).filter(l -> l.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                .map(l -> l.substring(name.length() + 1).trim()).findFirst().orElse(null);
    }

    /** The body of a chunked answer; it fails unless the terminating zero-length chunk is there. */
    static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            assertThat(lineEnd).as("chunk size line at %d of a chunked answer", at).isGreaterThanOrEqualTo(0);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            // Sizes count bytes; the bodies here are ASCII, so characters will do.
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    /** Each held poll on a thread of its own: the shared pool may have a single thread on a small machine. */
    static final Executor OWN_THREAD = task -> {
        Thread th = new Thread(task, "sioconf-held-poll");
        th.setDaemon(true);
        th.start();
    };

    static String connected(LegacyTester t) {
        String sid = t.handshake().sid();
        assertThat(Polls.payload(t.transport(), t.poll(t.transport(), sid))).as("first poll").isEqualTo("1::");
        return sid;
    }
}
