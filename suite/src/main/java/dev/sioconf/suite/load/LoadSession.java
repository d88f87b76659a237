package dev.sioconf.suite.load;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One session of a load run, whatever its transport: joins the main namespace as its profile
 * requires, keeps the heartbeat going, sends its numbered echo events (at most {@code window} in
 * flight) and checks what comes back. The transport subclasses move packets; packets arrive here
 * one at a time and in order. Everything that touches the session's state runs under its lock.
 */
abstract class LoadSession {

    private static final Pattern PING_INTERVAL = Pattern.compile("\"pingInterval\"\\s*:\\s*(\\d+)");

    final LoadRun run;
    final LoadPlan plan;
    final LoadProfile profile;
    final int id;
    final SequenceCheck check;
    /** True once joined, false when the session failed first: what the ramp-up waits for. */
    final CompletableFuture<Boolean> settled = new CompletableFuture<>();
    /** Done: every event came back, the session gave up on the rest, or it failed. */
    final CompletableFuture<Void> finished = new CompletableFuture<>();

    private int nextSeq;
    private int inFlight;
    private boolean connectAnswered;
    private boolean authSeen;
    private boolean joined;
    private boolean failed;
    private boolean ending;
    private long lastProgressNanos;
    private long nextSendNanos;
    private boolean pumpScheduled;
    private ScheduledFuture<?> pinger;
    private boolean go;

    LoadSession(LoadRun run, int id) {
        this.run = run;
        this.plan = run.plan;
        this.profile = plan.profile();
        this.id = id;
        this.check = new SequenceCheck(plan.events());
    }

    static LoadSession create(LoadRun run, int id) {
        if (!run.plan.websocket()) {
            return new PollingLoadSession(run, id);
        }
        return run.engine == LoadEngine.NETTY ? new NettyWebSocketLoadSession(run, id) : new JdkWebSocketLoadSession(run, id);
    }

    /** Where a websocket session connects; a legacy session makes its handshake first. */
    final CompletableFuture<URI> webSocketUri() {
        return switch (profile) {
            case LEGACY -> run.legacyHandshake().thenApply(sid -> plan.webSocket("/socket.io/1/websocket/" + sid));
            case EIO3 -> CompletableFuture.completedFuture(plan.webSocket("/socket.io/?EIO=3&transport=websocket"));
            case EIO4 -> CompletableFuture.completedFuture(plan.webSocket("/socket.io/?EIO=4&transport=websocket"));
        };
    }

    /** Opens the transport; packets then come to {@link #onPacket}. */
    abstract void connect();

    /** Sends packets in this order, without blocking; called under the session's lock. */
    abstract void transmit(List<String> packets);

    /** Closes the transport as politely as it can, without waiting. */
    abstract void shutdown();

    final void start() {
        run.timer.schedule(() -> {
            synchronized (this) {
                if (!joined && !failed && !ending) {
                    fail("not joined within " + LoadPlan.NETWORK_BOUND.toSeconds() + " s");
                }
            }
        }, LoadPlan.NETWORK_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        try {
            connect();
        } catch (RuntimeException e) {
            fail("cannot connect: " + LoadRun.describe(e));
        }
    }

    final void transmit(String packet) {
        transmit(List.of(packet));
    }

    /** One packet from the server. */
    final synchronized void onPacket(String p) {
        if (failed || ending) {
            return;
        }
        if (profile.isEcho(p)) {
            onEcho(p);
            return;
        }
        switch (profile) {
            case EIO4 -> {
                if (p.startsWith("0{")) {
                    transmit("40");
                } else if (p.equals("2")) {
                    transmit("3");
                } else if (p.startsWith("40")) {
                    connectAnswered = true;
                    if (authSeen && !joined) {
                        join();
                    }
                } else if (p.startsWith("42[\"auth\"") && !authSeen) {
                    // the contract's auth event follows the CONNECT answer; out of order it is an
                    // error, but the session goes on so that the events can show what else is wrong
                    authSeen = true;
                    if (!connectAnswered) {
                        run.stats.error("auth event before the CONNECT answer");
                    } else if (!joined) {
                        join();
                    }
                } else {
                    otherEnginePacket(p);
                }
            }
            case EIO3 -> {
                if (p.startsWith("0{")) {
                    startPinging(p);
                } else if (p.equals("40") || p.startsWith("40,")) {
                    if (!joined) {
                        join();
                    }
                } else {
                    otherEnginePacket(p);
                }
            }
            case LEGACY -> {
                if (p.equals("1::") || p.equals("1::/")) {
                    if (!joined) {
                        join();
                    }
                } else if (p.startsWith("2::")) {
                    transmit("2::");
                } else if (p.startsWith("8::") || p.startsWith("6:")) {
                    // noop, acks: nothing to do
                } else if (p.startsWith("0::")) {
                    fail("server disconnected the session (" + p + ")");
                } else if (p.startsWith("7:")) {
                    fail("server error packet " + p);
                } else {
                    run.stats.error("unexpected packet " + shorten(p));
                }
            }
        }
    }

    private void otherEnginePacket(String p) {
        if (p.equals("3") || p.equals("6")) {
            return; // pong, noop
        }
        if (p.equals("1")) {
            fail("server closed the session (1)");
        } else if (p.startsWith("44") || p.startsWith("41")) {
            fail("server refused or left the namespace: " + shorten(p));
        } else {
            run.stats.error("unexpected packet " + shorten(p));
        }
    }

    /** eio3: the client pings every pingInterval of the open packet. */
    private void startPinging(String open) {
        Matcher m = PING_INTERVAL.matcher(open);
        long interval = m.find() ? Long.parseLong(m.group(1)) : 25_000;
        interval = Math.max(100, interval);
        pinger = run.timer.scheduleAtFixedRate(() -> {
            synchronized (this) {
                if (!failed && !ending) {
                    transmit("2");
                }
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void join() {
        joined = true;
        run.stats.opened();
        settled.complete(true);
        lastProgressNanos = System.nanoTime();
        if (run.startTogether && !go) {
            return; // waits for go(): the events start once every session has joined
        }
        pump();
    }

    /** With {@code --start-together}: every session has joined or failed, so the events may start. */
    final synchronized void go() {
        go = true;
        if (joined) {
            lastProgressNanos = System.nanoTime();
            pump();
        }
    }

    /** Sends events while the window and the rate allow. */
    private void pump() {
        if (failed || ending || pumpScheduled) {
            return;
        }
        List<String> out = new ArrayList<>();
        long now = System.nanoTime();
        long interval = plan.ratePerSession() > 0 ? (long) (1e9 / plan.ratePerSession()) : 0;
        while (inFlight < plan.window() && nextSeq < plan.events()) {
            if (interval > 0) {
                if (now < nextSendNanos) {
                    pumpScheduled = true;
                    run.timer.schedule(() -> {
                        synchronized (this) {
                            pumpScheduled = false;
                            pump();
                        }
                    }, nextSendNanos - now, TimeUnit.NANOSECONDS);
                    break;
                }
                nextSendNanos = Math.max(nextSendNanos, now - interval) + interval;
            }
            out.add(profile.echo(nextSeq++, run.micros()));
            inFlight++;
        }
        if (!out.isEmpty()) {
            run.stats.sent.addAndGet(out.size());
            run.stats.firstSendNanos.accumulateAndGet(now, Math::min);
            transmit(out);
        }
    }

    private void onEcho(String p) {
        long[] n = LoadProfile.numbers(p);
        if (n == null) {
            run.stats.error("echo without sequence number: " + shorten(p));
            return;
        }
        SequenceCheck.Outcome outcome = check.accept(n[0]);
        switch (outcome) {
            case IN_ORDER, REORDERED -> {
                long now = System.nanoTime();
                run.stats.rtt.record(run.micros() - n[1]);
                run.stats.echoed.incrementAndGet();
                run.stats.lastEchoNanos.accumulateAndGet(now, Math::max);
                if (outcome == SequenceCheck.Outcome.REORDERED) {
                    run.stats.reordered.incrementAndGet();
                }
                inFlight = Math.max(0, inFlight - 1);
                lastProgressNanos = now;
            }
            case DUPLICATE -> run.stats.duplicated.incrementAndGet();
            case UNEXPECTED -> run.stats.error("echo of a number never sent: " + shorten(p));
        }
        if (check.complete()) {
            finished.complete(null);
        } else {
            pump();
        }
    }

    /** Once a second from the run: gives up on events in flight for longer than the event timeout. */
    final synchronized void tick(long now) {
        if (!joined || failed || ending || finished.isDone() || inFlight == 0) {
            return;
        }
        if (now - lastProgressNanos > plan.eventTimeout().toNanos()) {
            run.stats.error("no echo within " + plan.eventTimeout().toMillis() + " ms");
            inFlight = 0;
            lastProgressNanos = now;
            if (nextSeq >= plan.events()) {
                finished.complete(null);
            } else {
                pump();
            }
        }
    }

    /** The transport broke or the server ended the session: the events not back are lost. */
    final synchronized void fail(String reason) {
        if (failed || ending) {
            return;
        }
        failed = true;
        run.stats.error(reason);
        run.stats.failedSessions.incrementAndGet();
        if (joined) {
            run.stats.closed();
        }
        settled.complete(false);
        finished.complete(null);
        stopPinging();
        try {
            shutdown();
        } catch (RuntimeException ignored) {
            // already broken
        }
    }

    /** The run is over: close without counting it as an error. */
    final synchronized void end() {
        if (ending) {
            return;
        }
        boolean wasFailed = failed;
        ending = true;
        stopPinging();
        if (!wasFailed) {
            try {
                shutdown();
            } catch (RuntimeException ignored) {
                // best effort
            }
        }
    }

    final synchronized boolean ending() {
        return ending || failed;
    }

    private void stopPinging() {
        if (pinger != null) {
            pinger.cancel(false);
        }
    }

    static String shorten(String p) {
        return p.length() > 80 ? p.substring(0, 80) + "..." : p;
    }
}
