package dev.sioconf.suite.client;

import dev.sioconf.suite.wire.WireLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server a socket.io 0.9 client connects to (protocol revision 1, spec/legacy.md), on plain
 * sockets, bound to 127.0.0.1 on a free port: the handshake under {@code /socket.io/1/}, then
 * websocket or xhr-polling as its {@link TesterScript} offers. It connects the main endpoint
 * with {@code 1::} as soon as the client opens its transport, as 0.9 servers do, sends
 * heartbeats {@code 2::} on websocket when the script pings (a held poll ends with the noop
 * {@code 8::} instead), and records what the client does.
 */
public final class LegacyTesterServer extends LoopbackHttpServer<LegacyTesterServer.Session> {

    public static final String PREFIX = "/socket.io/1/";
    static final char FRAME = '\ufffd';
    /** What 0.9 answers on a session it does not know: "client not handshaken", advice "reconnect". */
    static final String NOT_HANDSHAKEN = "7:::1+0";

    private final TesterScript script;
    private final AtomicInteger count = new AtomicInteger();

    /** One session: packets waiting for a poll, or the WebSocket that carries them. */
    final class Session {
        final String sid;
        final LinkedBlockingDeque<String> outgoing = new LinkedBlockingDeque<>();
        volatile ServerWebSocket webSocket;
        volatile Socket webSocketConnection;
        volatile boolean opened;
        volatile boolean gone;

        Session(String sid) {
            this.sid = sid;
        }

        synchronized void send(String packet) {
            if (gone) {
                log.note("not sent, session " + sid + " is gone: " + packet);
                return;
            }
            if (webSocket != null) {
                try {
                    log.sent("ws", packet);
                    webSocket.sendText(packet);
                } catch (IOException e) {
                    log.note("the WebSocket of session " + sid + " broke: " + e.getMessage());
                }
            } else {
                outgoing.add(packet);
            }
        }
    }

    public LegacyTesterServer(TesterScript script, WireLog log, ClientRecorder recorder) throws IOException {
        super("sioconf-legacy-tester", log, recorder);
        this.script = script;
        listen();
    }

    /** The handshake's answer: sid, heartbeat timeout and close timeout in seconds, the transports offered. */
    String handshake(String sid) {
        long heartbeat = Math.max(1, script.pingTimeout().toSeconds());
        return sid + ":" + heartbeat + ":60:" + (script.offerWebSocket() ? "websocket,xhr-polling" : "xhr-polling");
    }

    @Override
    public void send(String sid, Object packet) {
        session(sid).send((String) packet);
    }

    /** The connection is lost: a WebSocket is closed, a poll is answered {@code 7:::1+0}, as by a server that restarted. */
    @Override
    public void end(String sid) {
        Session s = session(sid);
        synchronized (s) {
            if (s.webSocket != null) {
                try {
                    log.sent("ws", "close 1000");
                    s.webSocket.sendClose();
                    // at once, with no wait for the client's close frame (the Engine.IO tester waits a
                    // second): socket.io 0.9's server ends the connection without a close handshake too, and the legacy cases
                    // check what the client does after the end, not the close handshake
                    s.webSocketConnection.close();
                } catch (IOException e) {
                    log.note("closing the WebSocket: " + e.getMessage());
                }
            } else {
                s.outgoing.add(NOT_HANDSHAKEN);
            }
            s.gone = true;
        }
    }

    @Override
    public boolean upgraded(String sid) {
        return session(sid).webSocket != null;
    }

    @Override
    protected boolean handle(TesterHttp.Request request, Socket socket, InputStream in, OutputStream out) throws IOException {
        String body = request.body().length == 0 ? "" : "\n" + new String(request.body(), StandardCharsets.UTF_8);
        log.received(request.wantsWebSocket() ? "ws" : "http", request.line() + body);
        String[] path = route(request.path());
        String sid = path != null && path.length >= 2 ? path[1] : "";
        String transport = request.wantsWebSocket() ? "websocket" : path != null && path.length > 0 ? path[0] : "";
        recorder.add(event(ClientEvent.Kind.REQUEST, sid, transport, request.line()));
        if (request.wantsWebSocket()) {
            webSocket(request, path, socket, in, out);
            return false;
        }
        answer(request, path, out);
        return true;
    }

    /** The segments after {@code /socket.io/1/}: none for a handshake, else transport and sid; null off the protocol. */
    private static String[] route(String path) {
        if (!path.startsWith(PREFIX)) {
            return null;
        }
        String rest = path.substring(PREFIX.length()).replaceAll("/+$", "");
        return rest.isEmpty() ? new String[0] : rest.split("/");
    }

    private void answer(TesterHttp.Request request, String[] path, OutputStream out) throws IOException {
        if (path == null) {
            reply(request, out, 404, "not the socket.io 0.9 path " + PREFIX);
            return;
        }
        if (path.length == 0) {
            String sid = "legacy" + count.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100000, 36);
            Session session = new Session(sid);
            sessions.put(sid, session);
            recorder.add(event(ClientEvent.Kind.HANDSHAKE, sid, "", request.target().contains("?")
                    ? request.target().substring(request.target().indexOf('?') + 1) : ""));
            reply(request, out, 200, handshake(sid));
            return;
        }
        Session session = path.length >= 2 ? sessions.get(path[1]) : null;
        if (session == null || !path[0].equals("xhr-polling") || (session.gone && session.outgoing.isEmpty())) {
            reply(request, out, 200, NOT_HANDSHAKEN);
            return;
        }
        if (request.method().equals("POST")) {
            for (String packet : decode(new String(request.body(), StandardCharsets.UTF_8))) {
                received(session, "xhr-polling", packet);
            }
            reply(request, out, 200, "1");
            return;
        }
        if (!session.opened) {
            opened(session, "xhr-polling");
            session.outgoing.addFirst("1::");
        }
        try {
            String first = session.outgoing.poll(script.pollHold().toMillis(), TimeUnit.MILLISECONDS);
            List<String> packets = new ArrayList<>();
            packets.add(first == null ? "8::" : first);
            session.outgoing.drainTo(packets);
            reply(request, out, 200, encode(packets));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void webSocket(TesterHttp.Request request, String[] path, Socket socket, InputStream in, OutputStream out) throws IOException {
        Session session = path != null && path.length >= 2 ? sessions.get(path[1]) : null;
        if (session == null || !path[0].equals("websocket") || !script.offerWebSocket() || session.gone) {
            recorder.add(event(ClientEvent.Kind.WEBSOCKET_REFUSED, session == null ? "" : session.sid, "websocket", request.target()));
            log.note("WebSocket refused: the connection is closed without an answer, as 0.9 does for a transport it does not offer");
            return;
        }
        ServerWebSocket ws = ServerWebSocket.accept(in, out, request.header("sec-websocket-key"));
        log.sent("ws", "101 Switching Protocols");
        synchronized (session) {
            session.webSocket = ws;
            session.webSocketConnection = socket;
            opened(session, "websocket");
            session.send("1::");
        }
        while (!stopped) {
            ServerWebSocket.Message m = ws.read();
            if (m.closed()) {
                log.received("ws", "close");
                return;
            }
            if (m.text() != null) {
                log.received("ws", m.text());
                received(session, "websocket", m.text());
            }
        }
    }

    private void opened(Session session, String transport) {
        session.opened = true;
        recorder.add(event(ClientEvent.Kind.OPENED, session.sid, transport, "1::"));
        if (script.pings() && transport.equals("websocket")) { // 0.9 sends no heartbeats on polling: a held poll ends with 8::
            long every = script.pingInterval().toMillis();
            timer.scheduleAtFixedRate(() -> {
                if (!session.gone) {
                    recorder.add(event(ClientEvent.Kind.PING_SENT, session.sid, transport, "2::"));
                    session.send("2::");
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void received(Session session, String transport, String packet) {
        recorder.add(event(ClientEvent.Kind.PACKET, session.sid, transport, packet));
    }

    /** Several packets in one body: each framed {@code \ufffd<length>\ufffd<packet>}; one alone as it is. */
    static String encode(List<String> packets) {
        if (packets.size() == 1) {
            return packets.get(0);
        }
        StringBuilder b = new StringBuilder();
        packets.forEach(p -> b.append(FRAME).append(p.length()).append(FRAME).append(p));
        return b.toString();
    }

    static List<String> decode(String body) {
        if (body.isEmpty() || body.charAt(0) != FRAME) {
            return List.of(body);
        }
        List<String> packets = new ArrayList<>();
        int i = 0;
        while (i < body.length() && body.charAt(i) == FRAME) {
            int end = body.indexOf(FRAME, i + 1);
            int length;
            try {
                length = Integer.parseInt(body.substring(i + 1, end));
            } catch (RuntimeException e) {
                packets.add(body.substring(i)); // not framed as revision 1 frames: kept as text, for the case to fail on
                break;
            }
            packets.add(body.substring(end + 1, Math.min(body.length(), end + 1 + length)));
            i = end + 1 + length;
        }
        return packets;
    }

    private void reply(TesterHttp.Request request, OutputStream out, int status, String body) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        String origin = request.header("origin");
        if (!origin.isEmpty()) {
            headers.put("Access-Control-Allow-Origin", origin);
            headers.put("Access-Control-Allow-Credentials", "true");
        }
        log.sent("http", status + (body.isEmpty() ? "" : "\n" + body));
        TesterHttp.answer(out, status, status == 200 ? "OK" : "Not Found", "text/plain; charset=UTF-8",
                body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private ClientEvent event(ClientEvent.Kind kind, String sid, String transport, String text) {
        return event(kind, sid, transport, text, null);
    }
}
