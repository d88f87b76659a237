package dev.sioconf.server.robustness;

import dev.sioconf.server.ReferenceServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a bad-input probe works with: one server's port, fresh connections for each request, and
 * the session ids handed out on the way, which {@link #normalize} turns into {@code <sid>} so
 * that answers read the same on every run.
 */
final class Wire {

    static final Duration BOUND = Duration.ofSeconds(5);

    final ReferenceServer server;
    final int port;
    private final List<String> sids = new ArrayList<>();

    Wire(ReferenceServer server) {
        this.server = server;
        this.port = server.port();
    }

    RawHttp.Answer get(String target, String... headers) throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            return c.get(target, headers).read(BOUND);
        }
    }

    RawHttp.Answer post(String target, byte[] body, String... headers) throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            return c.request("POST", target, body, headers).read(BOUND);
        }
    }

    RawHttp.Answer post(String target, String utf8Body, String... headers) throws IOException {
        return post(target, utf8Body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Remembers a session id so that answers show it as {@code <sid>}. */
    String sid(String sid) {
        sids.add(sid);
        return sid;
    }

    /** An Engine.IO polling session of {@code profile}, already connected to the main namespace. */
    String engineSession(Profile profile) throws IOException {
        RawHttp.Answer open = get(profile.handshake());
        String sid = sid(open.text().replaceAll("(?s).*\"sid\":\"([^\"]+)\".*", "$1"));
        if (profile == Profile.EIO4) {
            post(enginePoll(profile, sid), "40");
            String connected = get(enginePoll(profile, sid)).text();
            if (!connected.startsWith("40{")) {
                throw new AssertionError("victim session could not connect: " + connected);
            }
            if (!connected.contains("42[\"auth\"")) {
                get(enginePoll(profile, sid)); // the contract's auth event, when it came on its own
            }
        }
        return sid;
    }

    String enginePoll(Profile profile, String sid) {
        return profile.engine() + "polling&sid=" + sid;
    }

    /** A legacy session whose first xhr poll took the connect packet. */
    String legacySession() throws IOException {
        String sid = sid(get("/socket.io/1/").text().split(":")[0]);
        String connect = get("/socket.io/1/xhr-polling/" + sid).text();
        if (!connect.equals("1::")) {
            throw new AssertionError("victim session could not connect: " + connect);
        }
        return sid;
    }

    /**
     * Whether a session still works after a bad input: an echo event posted on it comes back.
     * Otherwise the answer of the poll, which shows how the session ended.
     */
    String engineSessionState(Profile profile, String sid) throws IOException {
        String event = "42[\"echo\",\"after\"]";
        String body = profile == Profile.EIO3 ? event.length() + ":" + event : event;
        post(enginePoll(profile, sid), body);
        RawHttp.Answer poll = get(enginePoll(profile, sid));
        return poll.answered() && poll.text().equals(body) ? "session kept" : "then poll: " + poll.render();
    }

    String legacySessionState(String sid) throws IOException {
        String event = "5:::{\"name\":\"echo\",\"args\":[\"after\"]}";
        post("/socket.io/1/xhr-polling/" + sid, event);
        RawHttp.Answer poll = get("/socket.io/1/xhr-polling/" + sid);
        return poll.answered() && poll.text().equals(event) ? "session kept" : "then poll: " + poll.render();
    }

    /** Polls until the server says it holds a poll of {@code sid}, within {@link #BOUND}. */
    void awaitHeld(java.util.function.BooleanSupplier held) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!held.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the poll was not held within " + BOUND);
            }
            Thread.sleep(10);
        }
    }

    String normalize(String s) {
        String out = s;
        for (String sid : sids) {
            out = out.replace(sid, "<sid>");
        }
        return out.replaceAll("(\\\\?\"sid\\\\?\":\\\\?\")[A-Za-z0-9_-]+", "$1<sid>");
    }
}
