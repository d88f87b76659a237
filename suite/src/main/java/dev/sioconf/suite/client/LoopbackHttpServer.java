package dev.sioconf.suite.client;

import dev.sioconf.suite.wire.WireLog;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the tester servers of every revision share: a listener on 127.0.0.1 and a free port, a
 * thread per connection reading HTTP requests in turn, a timer for pings and heartbeats, and
 * closing all of it when the case ends. {@code S} is the revision's session.
 */
abstract class LoopbackHttpServer<S> implements ScriptedServer {

    protected final WireLog log;
    protected final ClientRecorder recorder;
    protected final ScheduledExecutorService timer;
    private final String name;
    private final ServerSocket listener;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    /** The sessions clients opened, by id. */
    protected final Map<String, S> sessions = new ConcurrentHashMap<>();
    protected volatile boolean stopped;

    LoopbackHttpServer(String name, WireLog log, ClientRecorder recorder) throws IOException {
        this.name = name;
        this.log = log;
        this.recorder = recorder;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, name + "-timer"));
    }

    /** Starts accepting; a subclass calls it last in its constructor, once its own state is there. */
    protected final void listen() {
        daemon(this::acceptLoop, name + "-accept").start();
    }

    /**
     * Handles one request read off a connection: logs and answers it, or takes the connection
     * over (a WebSocket). Returns whether the connection goes on to its next request.
     */
    protected abstract boolean handle(TesterHttp.Request request, Socket socket, InputStream in, OutputStream out) throws IOException;

    /** The session {@code sid}, which a case names: one the tester never opened is the case's mistake. */
    protected final S session(String sid) {
        S s = sessions.get(sid);
        if (s == null) {
            throw new IllegalArgumentException("no session " + sid + " at the tester");
        }
        return s;
    }

    @Override
    public URI base() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    @Override
    public void close() {
        stopped = true;
        timer.shutdownNow();
        closeQuietly(listener);
        connections.forEach(LoopbackHttpServer::closeQuietly);
    }

    protected ClientEvent event(ClientEvent.Kind kind, String sid, String transport, String text, byte[] bytes) {
        return new ClientEvent(kind, sid, transport, text, bytes, log.elapsedMillis());
    }

    static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void acceptLoop() {
        while (!stopped) {
            try {
                Socket s = listener.accept();
                connections.add(s);
                daemon(() -> serve(s), name + "-conn").start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            while (!stopped) {
                TesterHttp.Request request = TesterHttp.read(in);
                if (request == null || !handle(request, socket, in, out)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!stopped && !socket.isClosed()) {
                log.note("tester connection ended: " + e);
            }
        } finally {
            connections.remove(socket);
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
