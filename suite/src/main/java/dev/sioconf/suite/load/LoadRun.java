package dev.sioconf.suite.load;

import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A whole load run: opens the sessions in batches, prints progress once a second, waits until
 * every session is done or the duration is over, closes everything and sums up. No thread per
 * session: the Netty engine runs on an event loop per core, the JDK engine on a small pool;
 * timers run on one thread.
 */
final class LoadRun {

    final LoadPlan plan;
    final LoadEngine engine;
    /** Events wait until every session has joined or failed, so that no join competes with echo traffic. */
    final boolean startTogether;
    final LoadStats stats = new LoadStats();
    /** The JDK engine's client; the Netty engine uses it only for the legacy handshake, one GET per session. */
    final HttpClient http;
    private final NettyLoop netty;
    final ScheduledExecutorService timer;
    private final ExecutorService pool;
    private final PrintWriter out;
    private final long startNanos = System.nanoTime();
    /** The wall clock at {@link #startNanos}: shards on several machines are merged on it. */
    private final long startEpochMicros = java.time.Instant.now().toEpochMilli() * 1000;
    private final List<LoadSession> sessions = new ArrayList<>();

    LoadRun(LoadPlan plan, LoadEngine engine, boolean startTogether, PrintWriter out) {
        this.plan = plan;
        this.engine = engine;
        this.startTogether = startTogether;
        this.out = out;
        this.netty = engine == LoadEngine.NETTY ? new NettyLoop() : null;
        AtomicInteger n = new AtomicInteger();
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.pool = Executors.newFixedThreadPool(threads, r -> daemon(r, "sioconf-load-" + n.incrementAndGet()));
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "sioconf-load-timer"));
        t.setRemoveOnCancelPolicy(true);
        this.timer = t;
        // HTTP/1.1 only: socket.io 0.9 takes an h2c upgrade offer for a WebSocket upgrade
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(LoadPlan.NETWORK_BOUND).executor(pool).build();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    NettyLoop netty() {
        return netty;
    }

    /** What the run's first line says of the engine. */
    String describeEngine() {
        return engine == LoadEngine.NETTY ? "netty (" + netty.describe() + ")" : "jdk (HttpClient and WebSocket)";
    }

    /** Microseconds since the run started: the send time an echo event carries. */
    long micros() {
        return (System.nanoTime() - startNanos) / 1000;
    }

    /** A legacy handshake: the session id of {@code sid:heartbeat:close:transports}. */
    CompletableFuture<String> legacyHandshake() {
        HttpRequest hs = HttpRequest.newBuilder(plan.http("/socket.io/1/?t=" + System.nanoTime()))
                .timeout(LoadPlan.NETWORK_BOUND).GET().build();
        return http.sendAsync(hs, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            String body = r.body();
            if (r.statusCode() != 200 || body.indexOf(':') <= 0) {
                throw new IllegalStateException("handshake answered HTTP " + r.statusCode() + ": " + LoadSession.shorten(body));
            }
            return body.substring(0, body.indexOf(':'));
        });
    }

    LoadReport run() throws InterruptedException {
        long deadline = startNanos + plan.duration().toNanos();
        long cpuAtStart = ProcessCpu.nanos();
        var progress = timer.scheduleAtFixedRate(this::everySecond, 1, 1, TimeUnit.SECONDS);
        try {
            List<Integer> ids = plan.shard().sessionIds(plan.sessions());
            for (int from = 0; from < ids.size() && System.nanoTime() < deadline; from += plan.rampBatch()) {
                List<CompletableFuture<Boolean>> batch = new ArrayList<>();
                for (int i = from; i < Math.min(ids.size(), from + plan.rampBatch()); i++) {
                    LoadSession s = LoadSession.create(this, ids.get(i));
                    synchronized (sessions) {
                        sessions.add(s);
                    }
                    batch.add(s.settled);
                    s.start();
                }
                long wait = Math.min(deadline - System.nanoTime(), LoadPlan.NETWORK_BOUND.toNanos() + TimeUnit.SECONDS.toNanos(1));
                await(CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)), wait);
            }
            List<LoadSession> all = snapshot();
            if (startTogether) {
                synchronized (out) {
                    out.printf("[%4ds] %d of %d sessions joined; the events start now (%d sent before)%n",
                            Math.round((System.nanoTime() - startNanos) / 1e9), stats.joined.get(), plan.sessionsHere(), stats.sent.get());
                    out.flush();
                }
                all.forEach(LoadSession::go);
            }
            await(CompletableFuture.allOf(all.stream().map(s -> s.finished).toArray(CompletableFuture[]::new)),
                    deadline - System.nanoTime());
        } finally {
            progress.cancel(false);
        }
        long elapsed = System.nanoTime() - startNanos;
        List<LoadSession> all = snapshot();
        boolean cutShort = all.size() < plan.sessionsHere() || all.stream().anyMatch(s -> !s.finished.isDone());
        double clientCpuSeconds = (ProcessCpu.nanos() - cpuAtStart) / 1e9;
        LoadReport report = LoadReport.of(plan, stats, all, elapsed, cutShort, startEpochMicros, startNanos,
                engine.cliName(), clientCpuSeconds);
        all.forEach(LoadSession::end);
        Thread.sleep(Math.min(2000, 200 + all.size() / 10)); // let the close frames and close packets go out
        timer.shutdownNow();
        pool.shutdown();
        if (netty != null) {
            netty.close();
        }
        return report;
    }

    private List<LoadSession> snapshot() {
        synchronized (sessions) {
            return List.copyOf(sessions);
        }
    }

    private static void await(CompletableFuture<?> f, long nanos) throws InterruptedException {
        if (nanos <= 0) {
            return;
        }
        try {
            f.get(nanos, TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // a session's outcome is in its own state; the bound is what matters here
        }
    }

    private void everySecond() {
        long now = System.nanoTime();
        for (LoadSession s : snapshot()) {
            s.tick(now);
        }
        long seconds = Math.round((now - startNanos) / 1e9);
        String line = String.format("[%4ds] sessions open %d (peak %d, joined %d of %d) · events echoed %d of %d · errors %d",
                seconds, stats.open.get(), stats.peak.get(), stats.joined.get(), plan.sessionsHere(),
                stats.echoed.get(), plan.totalEvents(), stats.errors.get());
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** A one-line reason for a failed network step. */
    static String describe(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ConnectException) {
            return "connection refused";
        }
        if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
            return "timed out";
        }
        String m = t.getMessage();
        if (m == null && t.getCause() != null) {
            m = t.getCause().toString();
        }
        return m == null ? t.getClass().getSimpleName() : m.replace('\n', ' ');
    }
}
