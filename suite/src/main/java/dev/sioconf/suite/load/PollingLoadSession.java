package dev.sioconf.suite.load;

import dev.sioconf.suite.eio3.Eio3Codec;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
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
    private final PollingHttp http;
    private volatile String sid;

    PollingLoadSession(LoadRun run, int id) {
        super(run, id);
        this.http = run.engine == LoadEngine.NETTY ? new NettyPollingHttp(run.netty()) : new JdkPollingHttp(run.http);
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
        http.get(plan.http(engineQuery() + "&t=" + id), LoadPlan.NETWORK_BOUND).whenComplete((r, e) -> {
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
    private List<String> packetsOf(PollingHttp.Answer r, String what) {
        byte[] body = r.body();
        if (r.status() != 200) {
            fail(what + " answered HTTP " + r.status() + ": " + shorten(r.text()));
            return null;
        }
        try {
            boolean binary = r.contentType().startsWith("application/octet-stream");
            if (binary && profile == LoadProfile.EIO3) {
                return Eio3Codec.splitBinary(body);
            }
            return profile.split(r.text());
        } catch (AssertionError | RuntimeException e) {
            fail(what + ": broken payload: " + shorten(String.valueOf(e.getMessage()).replace('\n', ' ')));
            return null;
        }
    }

    private void poll() {
        if (ending()) {
            return;
        }
        http.get(sessionUri(), POLL_BOUND).whenComplete((r, e) -> {
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
                } else if (r.status() != 200) {
                    fail("post answered HTTP " + r.status() + ": " + shorten(r.text()));
                } else {
                    flush();
                }
            });
            return;
        }
    }

    private CompletableFuture<PollingHttp.Answer> post(String body) {
        return http.post(sessionUri(), body, LoadPlan.NETWORK_BOUND);
    }

    @Override
    void shutdown() {
        if (sid != null) {
            // the close packet ends the session on the server, which answers the held poll
            post(profile == LoadProfile.LEGACY ? "0::" : "1").whenComplete((r, e) -> http.close());
        } else {
            http.close();
        }
    }
}
