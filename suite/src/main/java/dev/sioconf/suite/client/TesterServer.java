package dev.sioconf.suite.client;

import dev.sioconf.suite.wire.WebSocketWire;
import dev.sioconf.suite.wire.WireLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server a client under test connects to: Engine.IO 4 over polling and WebSocket on plain
 * sockets, bound to 127.0.0.1 on a free port, behaving as its {@link TesterScript} says. It
 * records what the client does in a {@link ClientRecorder} and leaves the Socket.IO layer to the
 * case, which answers packets through {@link #send}. It is not the reference server and shares
 * none of its code, so the two cannot share a bug.
 */
public final class TesterServer extends LoopbackHttpServer<TesterSession> {

    public static final String PATH = "/socket.io/";

    private final TesterScript script;
    private final PayloadFraming framing;
    private final AtomicInteger sessionCount = new AtomicInteger();

    public TesterServer(TesterScript script, WireLog log, ClientRecorder recorder) throws IOException {
        super("sioconf-tester", log, recorder);
        this.script = script;
        this.framing = PayloadFraming.of(script.revision());
        listen();
    }

    public TesterScript script() {
        return script;
    }

    /** Sends an Engine.IO packet (text such as {@code 42["echo"]}, or binary bytes) on a session. */
    @Override
    public void send(String sid, Object packet) {
        session(sid).send(packet);
    }

    /** Ends a session from the server's side (see {@link TesterSession#end()}). */
    @Override
    public void end(String sid) {
        session(sid).end();
    }

    @Override
    public boolean upgraded(String sid) {
        return session(sid).upgraded();
    }

    @Override
    protected boolean handle(TesterHttp.Request request, Socket socket, InputStream in, OutputStream out) throws IOException {
        logRequest(request);
        recorder.add(event(ClientEvent.Kind.REQUEST, request.query().getOrDefault("sid", ""),
                request.wantsWebSocket() ? "websocket" : "polling", request.line(), null));
        if (request.wantsWebSocket()) {
            return webSocket(request, socket, in, out);
        }
        return answer(request, out);
    }

    /** Answers one HTTP request; false when the connection is to be closed. */
    private boolean answer(TesterHttp.Request request, OutputStream out) throws IOException {
        if (request.method().equals("OPTIONS")) {
            reply(request, out, 204, "No Content", "");
            return true;
        }
        if (!request.path().equals(PATH)) {
            reply(request, out, 404, "Not Found", "not the socket.io path " + PATH);
            return true;
        }
        String sid = request.query().get("sid");
        if (sid == null) {
            if (!request.method().equals("GET")) {
                reply(request, out, 400, "Bad Request", "{\"code\":3,\"message\":\"Bad request\"}");
                return true;
            }
            TesterSession session = open(request);
            reply(request, out, 200, "OK", framing.encode(List.of(script.openPacket(session.sid))));
            return true;
        }
        TesterSession session = sessions.get(sid);
        if (session == null || (session.closed() && request.method().equals("POST"))) {
            reply(request, out, 400, "Bad Request", "{\"code\":1,\"message\":\"Session ID unknown\"}");
            return true;
        }
        if (request.method().equals("POST")) {
            String body = new String(request.body(), StandardCharsets.UTF_8);
            recorder.add(event(ClientEvent.Kind.POST_BODY, sid, "polling", body, request.body()));
            for (Object packet : framing.decode(request.body())) {
                received(session, "polling", packet);
            }
            sleep(script.postAnswerDelay().toMillis());
            reply(request, out, 200, "OK", "ok");
            return true;
        }
        try {
            String payload = session.poll(script.pollHold());
            if (payload == null) {
                reply(request, out, 400, "Bad Request", "{\"code\":1,\"message\":\"Session ID unknown\"}");
            } else {
                reply(request, out, 200, "OK", payload);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    private TesterSession open(TesterHttp.Request request) {
        String sid = "tester" + sessionCount.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100000, 36);
        TesterSession session = new TesterSession(sid, log, framing, timer);
        sessions.put(sid, session);
        recorder.add(event(ClientEvent.Kind.HANDSHAKE, sid, request.query().getOrDefault("transport", ""),
                request.target().substring(request.target().indexOf('?') + 1), null));
        if (script.pings() && script.revision() == 4) { // in revision 3 the client pings and the tester answers
            long every = script.pingInterval().toMillis();
            timer.scheduleAtFixedRate(() -> {
                if (!session.closed()) {
                    recorder.add(event(ClientEvent.Kind.PING_SENT, session.sid, session.upgraded() ? "websocket" : "polling", "2", null));
                    session.send("2");
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
        return session;
    }

    /**
     * An upgrade request: refused with a 400 after which the connection goes on carrying HTTP (true),
     * as a node server keeps it alive, or a WebSocket until it ends (false).
     */
    private boolean webSocket(TesterHttp.Request request, Socket socket, InputStream in, OutputStream out) throws IOException {
        String sid = request.query().get("sid");
        TesterSession session = sid == null ? null : sessions.get(sid);
        if (!request.path().equals(PATH) || (sid != null && (session == null || session.closed()))) {
            reply(request, out, 400, "Bad Request", "{\"code\":1,\"message\":\"Session ID unknown\"}");
            return true;
        }
        if (sid != null && (script.refuseWebSocket() || !script.offerWebSocket())) {
            recorder.add(event(ClientEvent.Kind.WEBSOCKET_REFUSED, sid, "websocket", request.target(), null));
            reply(request, out, 400, "Bad Request", "{\"code\":3,\"message\":\"Bad request\"}");
            return true;
        }
        ServerWebSocket ws = ServerWebSocket.accept(in, out, request.header("sec-websocket-key"));
        log.sent("ws", "101 Switching Protocols");
        if (session == null) { // a client that starts on WebSocket: the open packet is its first frame
            session = open(request);
            session.startUpgraded(ws, socket);
            session.send(script.openPacket(session.sid));
        } else {
            session.attach(ws, socket);
            recorder.add(event(ClientEvent.Kind.WEBSOCKET_OPENED, session.sid, "websocket", request.target(), null));
        }
        while (!stopped) {
            ServerWebSocket.Message m = ws.read();
            if (m.closed()) {
                log.received("ws", "close");
                if (session.upgraded()) {
                    session.closedByClient();
                }
                return false;
            }
            Object packet = m.bytes() != null ? framing.unframe(m.bytes()) : m.text();
            if (!session.upgraded() && "2probe".equals(packet)) {
                received(session, "websocket", packet);
                log.sent("ws", "3probe");
                ws.sendText("3probe");
                session.probed();
            } else if (!session.upgraded() && "5".equals(packet)) {
                received(session, "websocket", packet);
                session.upgrade();
                recorder.add(event(ClientEvent.Kind.UPGRADED, session.sid, "websocket", "5", null));
            } else {
                received(session, "websocket", packet);
            }
        }
        return false;
    }

    private void received(TesterSession session, String transport, Object packet) {
        if (packet instanceof byte[] b) {
            if (transport.equals("websocket")) {
                log.received("ws", "[binary " + WebSocketWire.hex(b) + "]");
            }
            recorder.add(event(ClientEvent.Kind.PACKET, session.sid, transport, WebSocketWire.hex(b), b));
            return;
        }
        String text = (String) packet;
        if (transport.equals("websocket")) {
            log.received("ws", text);
        }
        if (text.equals("1")) {
            session.closedByClient();
        }
        if (text.equals("2") && script.revision() == 3 && script.pings()) {
            session.send("3");
        }
        recorder.add(event(ClientEvent.Kind.PACKET, session.sid, transport, text, null));
    }

    private void reply(TesterHttp.Request request, OutputStream out, int status, String reason, String body) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        String origin = request.header("origin");
        if (!origin.isEmpty()) {
            headers.put("Access-Control-Allow-Origin", origin);
            headers.put("Access-Control-Allow-Credentials", "true");
            if (request.method().equals("OPTIONS")) {
                headers.put("Access-Control-Allow-Methods", "GET, POST");
                headers.put("Access-Control-Allow-Headers", Optional.of(request.header("access-control-request-headers"))
                        .filter(h -> !h.isEmpty()).orElse("content-type"));
            }
        }
        log.sent("http", status + " " + reason + (body.isEmpty() ? "" : "\n" + body));
        TesterHttp.answer(out, status, reason, status == 204 ? null : "text/plain; charset=UTF-8", body.getBytes(StandardCharsets.UTF_8),
                headers);
    }

    private void logRequest(TesterHttp.Request request) {
        String kind = request.wantsWebSocket() ? "ws" : "http";
        String body = request.body().length == 0 ? "" : "\n" + new String(request.body(), StandardCharsets.UTF_8);
        log.received(kind, request.line() + body);
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The sessions opened so far, in no order (for notes). */
    List<String> sessionIds() {
        return List.copyOf(sessions.keySet());
    }
}
