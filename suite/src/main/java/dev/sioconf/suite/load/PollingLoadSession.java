package dev.sioconf.suite.load;

import dev.sioconf.suite.eio3.Eio3Codec;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A session over HTTP long-polling: one GET held at a time for what the server sends, and one
 * POST at a time carrying every packet queued since the last one, as the official clients do.
 */
final class PollingLoadSession extends LoadSession {

    /** A held poll is answered within the ping interval (eio) or the polling duration (legacy); this bounds it. */
    static final Duration POLL_BOUND = Duration.ofSeconds(60);

    private final Queue<String> outgoing = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean posting = new AtomicBoolean();
    private final AtomicLong cacheBuster = new AtomicLong();
    private volatile String sid;

    PollingLoadSession(LoadRun run, int id) {
        super(run, id);
    }

    private String engineQuery() {
        return "/socket.io/?EIO=" + (profile == LoadProfile.EIO3 ? "3" : "4") + "&transport=polling";
    }

    private URI sessionUri() {
        return profile == LoadProfile.LEGACY
                ? plan.http("/socket.io/1/xhr-polling/" + sid + "?t=" + id + "-" + cacheBuster.incrementAndGet())
                : plan.http(engineQuery() + "&sid=" + sid);
    }

    @Override
    void connect() {
        if (profile == LoadProfile.LEGACY) {
            run.legacyHandshake().whenComplete((s, e) -> {
                if (e != null) {
                    fail("handshake: " + LoadRun.describe(e));
                } else {
                    sid = s;
                    poll();
                }
            });
            return;
        }
        HttpRequest open = HttpRequest.newBuilder(plan.http(engineQuery() + "&t=" + id)).timeout(LoadPlan.NETWORK_BOUND).GET().build();
        run.http.sendAsync(open, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((r, e) -> {
            if (e != null) {
                fail("handshake: " + LoadRun.describe(e));
                return;
            }
            List<String> packets = packetsOf(r, "handshake");
            if (packets == null) {
                return;
            }
            String first = packets.isEmpty() ? "" : packets.get(0);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"sid\"\\s*:\\s*\"([^\"]+)\"").matcher(first);
            if (!first.startsWith("0{") || !m.find()) {
                fail("handshake: no open packet with a sid in " + shorten(first));
                return;
            }
            sid = m.group(1);
            packets.forEach(this::onPacket);
            poll();
            flush();
        });
    }

    /** The packets of a 200 answer, or null after failing the session. */
    private List<String> packetsOf(HttpResponse<byte[]> r, String what) {
        byte[] body = r.body();
        if (r.statusCode() != 200) {
            fail(what + " answered HTTP " + r.statusCode() + ": " + shorten(new String(body, StandardCharsets.UTF_8)));
            return null;
        }
        try {
            boolean binary = r.headers().firstValue("content-type").orElse("").startsWith("application/octet-stream");
            if (binary && profile == LoadProfile.EIO3) {
                return Eio3Codec.splitBinary(body);
            }
            return profile.split(new String(body, StandardCharsets.UTF_8));
        } catch (AssertionError | RuntimeException e) {
            fail(what + ": broken payload: " + shorten(String.valueOf(e.getMessage()).replace('\n', ' ')));
            return null;
        }
    }

    private void poll() {
        if (ending()) {
            return;
        }
        HttpRequest get = HttpRequest.newBuilder(sessionUri()).timeout(POLL_BOUND).GET().build();
        run.http.sendAsync(get, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((r, e) -> {
            if (ending()) {
                return;
            }
            if (e != null) {
                fail("poll: " + LoadRun.describe(e));
                return;
            }
            List<String> packets = packetsOf(r, "poll");
            if (packets != null) {
                packets.forEach(this::onPacket);
                poll();
            }
        });
    }

    @Override
    void transmit(List<String> packets) {
        outgoing.addAll(packets);
        flush();
    }

    /** One POST at a time, with everything queued so far. */
    private void flush() {
        while (sid != null && !outgoing.isEmpty() && posting.compareAndSet(false, true)) {
            List<String> batch = new ArrayList<>();
            for (String p; (p = outgoing.poll()) != null; ) {
                batch.add(p);
            }
            if (batch.isEmpty()) {
                posting.set(false);
                continue;
            }
            post(profile.join(batch)).whenComplete((r, e) -> {
                posting.set(false);
                if (e != null) {
                    fail("post: " + LoadRun.describe(e));
                } else if (r.statusCode() != 200) {
                    fail("post answered HTTP " + r.statusCode() + ": " + shorten(r.body()));
                } else {
                    flush();
                }
            });
            return;
        }
    }

    private java.util.concurrent.CompletableFuture<HttpResponse<String>> post(String body) {
        HttpRequest post = HttpRequest.newBuilder(sessionUri()).timeout(LoadPlan.NETWORK_BOUND)
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return run.http.sendAsync(post, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    void shutdown() {
        if (sid != null) {
            // the close packet ends the session on the server, which answers the held poll
            post(profile == LoadProfile.LEGACY ? "0::" : "1");
        }
    }
}
