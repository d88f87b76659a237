package dev.sioconf.suite.engine;

import dev.sioconf.suite.eio4.Eio4Codec;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.JsStrings;
import dev.sioconf.suite.wire.TargetMisbehaved;
import dev.sioconf.suite.wire.WebSocketWire;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Engine.IO session, driven as a real client drives it: a polling loop that polls again as
 * soon as each poll is answered, or a pump reading the WebSocket; pings are answered with pongs
 * (unless {@link #stopAnsweringPings()}), and every other packet goes to the {@link #inbox()}.
 * On {@link EngineTransport#UPGRADE} the session starts polling and is moved to a WebSocket as
 * engine.io-client does: probe, let the held poll come back, then {@code 5}.
 *
 * <p>Socket.IO helpers ({@link #connect}, {@link #emit}, {@link #sendSio}, {@link #sendAttachment})
 * write Socket.IO packets into message packets; read them with {@code inbox().nextSio()}.
 */
public final class EngineConnection implements AutoCloseable {

    private static final Pattern JSONP = Pattern.compile("___eio\\[(\\d*)\\]\\((\"[\\s\\S]*\")\\);");
    static final String JSONP_INDEX = "0";

    private final EngineTester tester;
    private final String path;
    private final EngineTransport transport;
    private final EngineRevision revision;
    private final EngineRecorder inbox;
    /** One POST at a time (EIO4-7.8, EIO3-8.4), and fair, so a pong never waits behind a case's burst of POSTs. */
    private final ReentrantLock postLock = new ReentrantLock(true);
    /** eio4: pings are answered; eio3: the connection sends its own pings. */
    private volatile boolean heartbeat = true;
    private String sid;
    private OpenPacket open;

    private volatile boolean stopped;
    private volatile boolean pollPaused;
    private Thread poller;
    private volatile WebSocketWire ws;
    private volatile boolean onWebSocket;

    private EngineConnection(EngineTester tester, String path, EngineTransport transport) {
        this.tester = tester;
        this.path = path;
        this.transport = transport;
        this.revision = tester.revision();
        this.inbox = new EngineRecorder(revision, tester.target().contractFree());
    }

    static EngineConnection open(EngineTester tester, String path, EngineTransport transport) {
        EngineConnection c = new EngineConnection(tester, path, transport);
        if (transport == EngineTransport.WEBSOCKET) {
            c.ws = tester.openWebSocket(path, tester.eio() + "&transport=websocket", Map.of());
            WebSocketWire.Frame first = c.ws.nextFrame(EngineBounds.PROMPT);
            c.open = OpenPacket.parse(first.binary() ? first.toString() : first.text());
            c.sid = c.open.sid();
            c.onWebSocket = true;
            c.startPump();
        } else {
            String query = tester.eio() + "&transport=polling" + (transport == EngineTransport.POLLING_JSONP ? "&" + c.jsonpQuery() : "");
            HttpAnswer a = tester.http().get(tester.uri(path, query), EngineBounds.PROMPT);
            if (a.status() != 200) {
                throw new TargetMisbehaved("a polling handshake was answered HTTP " + a.status() + ": " + a.body());
            }
            List<String> packets = c.packetsOf(a);
            c.open = OpenPacket.parse(packets.get(0));
            c.sid = c.open.sid();
            packets.subList(1, packets.size()).forEach(p -> c.received(p, false));
            c.startPolling();
            if (transport == EngineTransport.UPGRADE) {
                c.upgrade();
            }
        }
        if (!c.revision.serverPings()) {
            c.startPinging();
        }
        return c;
    }

    public String sid() {
        return sid;
    }

    public OpenPacket openPacket() {
        return open;
    }

    public String path() {
        return path;
    }

    public EngineTransport transport() {
        return transport;
    }

    public EngineRecorder inbox() {
        return inbox;
    }

    /** Whether packets now travel on a WebSocket (opened directly, or after the upgrade). */
    public boolean onWebSocket() {
        return onWebSocket;
    }

    public EngineRevision revision() {
        return revision;
    }

    /** eio4: from now on pings are recorded (as pings) but not answered, as a client that went silent. */
    public void stopAnsweringPings() {
        heartbeat = false;
    }

    /** eio3: from now on the connection sends no more pings, as a client that went silent. */
    public void stopPinging() {
        heartbeat = false;
    }

    // ---- sending ------------------------------------------------------------------------------

    /**
     * Sends packets in their text form: in one POST body joined by the separator on polling, one
     * frame each on a WebSocket, where a {@code b}-prefixed packet goes as a binary frame.
     */
    public void send(String... packets) {
        if (onWebSocket) {
            for (String p : packets) {
                if (p.startsWith("b")) {
                    ws.sendBinary(revision.frameOf(p));
                } else {
                    ws.send(p);
                }
            }
        } else {
            postOk(revision.payload(List.of(packets)));
        }
    }

    /** A binary message: {@code b<base64>} on polling, a binary frame on a WebSocket. */
    public void sendBinary(byte[] bytes) {
        send(revision.binary(bytes));
    }

    /** A body (polling) or text frame (WebSocket) exactly as given. */
    public void sendRaw(String payload) {
        if (onWebSocket) {
            ws.send(payload);
        } else {
            postOk(payload);
        }
    }

    /** POSTs a body of the session as its clients do and returns the answer, whatever it is. */
    public HttpAnswer post(String payload) {
        postLock.lock();
        try {
            if (transport == EngineTransport.POLLING_JSONP) {
                return tester.http().post(tester.uri(path, tester.eio() + "&transport=polling&" + jsonpQuery() + "&sid=" + sid),
                        "application/x-www-form-urlencoded", Eio4Codec.jsonpForm(payload), EngineBounds.PROMPT);
            }
            return tester.post(path, sid, payload);
        } finally {
            postLock.unlock();
        }
    }

    /**
     * A POST that carries packets for a case about something else: the answer must be a 200 that
     * says ok, in any case (python-engineio writes {@code OK}); the exact {@code ok} is the rule of
     * its own cases (EIO4-7.4, EIO3-8.2), so that one spelling does not fail every case that posts.
     */
    private void postOk(String payload) {
        HttpAnswer a = post(payload);
        if (a.status() == 200 && !a.body().equals("ok") && a.body().equalsIgnoreCase("ok")) {
            tester.log().note("the POST was answered \"" + a.body() + "\", not \"ok\" (" + revision.rule("EIO4-7.4", "EIO3-8.2")
                    + "; not the rule of this case)");
        }
        if (a.status() != 200 || !a.body().equalsIgnoreCase("ok")) {
            throw new TargetMisbehaved("a POST of packets must be answered 200 \"ok\" (" + revision.rule("EIO4-7.4", "EIO3-8.2") + "), got HTTP " + a.status()
                    + " \"" + a.body() + "\"");
        }
    }

    // ---- Socket.IO ----------------------------------------------------------------------------

    /** {@code "/"} for the main namespace, else {@code "/custom,"}: what precedes a packet's data. */
    public static String nsPrefix(String namespace) {
        return namespace.equals("/") ? "" : namespace + ",";
    }

    /** Sends one Socket.IO packet, e.g. {@code 2["echo",1]}, as the message {@code 42["echo",1]}. */
    public void sendSio(String sioPacket) {
        send("4" + sioPacket);
    }

    /** A Socket.IO packet followed by its binary attachments, in one POST or as consecutive frames. */
    public void sendSio(String sioPacket, byte[]... attachments) {
        String[] packets = new String[attachments.length + 1];
        packets[0] = "4" + sioPacket;
        for (int i = 0; i < attachments.length; i++) {
            packets[i + 1] = revision.binary(attachments[i]);
        }
        send(packets);
    }

    public void sendAttachment(byte[] bytes) {
        sendBinary(bytes);
    }

    /**
     * eio4: joins the main namespace and takes its answers, so that the server's connect timeout
     * (SIO5-18.8) cannot end a session a case watches for longer than that (socket.io's 45 s is
     * less than two of its 25 s ping intervals); eio3 servers join it themselves.
     */
    public void joinMainNamespace() {
        if (revision == EngineRevision.EIO4) {
            connect("/");
            inbox.takeAuthEvent();
        }
    }

    /** CONNECT to a namespace without auth and return the answer, e.g. {@code 0{"sid":"..."}}. */
    public String connect(String namespace) {
        return connect(namespace, null);
    }

    /** CONNECT to a namespace with an auth object (JSON text, or null) and return the next Socket.IO packet. */
    public String connect(String namespace, String authJson) {
        sendSio("0" + nsPrefix(namespace) + (authJson == null ? "" : authJson));
        return inbox.nextSio();
    }

    /** An EVENT without ack id: {@code 2<ns,>[...]}. */
    public void emit(String namespace, String jsonArray) {
        sendSio("2" + nsPrefix(namespace) + jsonArray);
    }

    /** An EVENT asking for an acknowledgement: {@code 2<ns,><ackId>[...]}. */
    public void emit(String namespace, long ackId, String jsonArray) {
        sendSio("2" + nsPrefix(namespace) + ackId + jsonArray);
    }

    // ---- upgrade ------------------------------------------------------------------------------

    /** The whole upgrade of a polling session: {@link #probe()}, then {@link #completeUpgrade}. */
    public void upgrade() {
        completeUpgrade(probe());
    }

    /** Opens a WebSocket naming the session and exchanges {@code 2probe} / {@code 3probe} on it. */
    public WebSocketWire probe() {
        WebSocketWire probe = tester.openWebSocket(path, tester.eio() + "&transport=websocket&sid=" + sid, Map.of());
        probe.send("2probe");
        String answer = probe.next(EngineBounds.PROMPT);
        if (!answer.equals("3probe")) {
            throw new TargetMisbehaved("the probe 2probe must be answered 3probe (" + revision.rule("EIO4-10.2", "EIO3-11.2") + ")\nActual: " + answer);
        }
        return probe;
    }

    /** Lets the held poll come back (the server answers it with a noop), then sends {@code 5} and moves to the WebSocket. */
    public void completeUpgrade(WebSocketWire probed) {
        pausePolling();
        ws = probed;
        probed.send("5");
        onWebSocket = true;
        startPump();
    }

    /**
     * On an upgraded session, waits for a ping on the WebSocket and its pong; a no-op otherwise.
     * Afterwards the server has surely taken the {@code 5} (a packet it flushes on the WebSocket
     * could have been queued before), so a request that must find the session upgraded does, and
     * its heartbeat runs afresh: socket.io 4.8.1 drops the pong timer of a ping it wrote just
     * before the upgrade completed, so a case that stops answering pings right after an upgrade
     * would see a session that never times out, whatever the case is about.
     */
    public void settle() {
        if (transport != EngineTransport.UPGRADE && !(onWebSocket && poller != null)) {
            return;
        }
        if (!revision.serverPings()) {
            int before = inbox.pongs(); // taken before the ping, so a quick pong is not missed
            send("2"); // eio3: a ping of our own, whose pong on the WebSocket proves the same
            if (!inbox.awaitHeartbeat(before, EngineBounds.PROMPT)) {
                throw new TargetMisbehaved("no pong on the WebSocket within " + EngineBounds.PROMPT.toMillis() + " ms after the upgrade");
            }
            return;
        }
        if (!inbox.awaitPing(tester.bounds().pingDue().multipliedBy(2))) {
            throw new TargetMisbehaved("no ping on the WebSocket within " + tester.bounds().pingDue().multipliedBy(2).toMillis()
                    + " ms after the upgrade");
        }
        tester.pause(Duration.ofMillis(50), "let the pong reach the server");
    }

    /** Stops the polling loop once its current poll is answered; waits for that. */
    public void pausePolling() {
        pollPaused = true;
        Thread p = poller;
        if (p != null) {
            try {
                p.join(tester.bounds().pollAnswer().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (p.isAlive()) {
                throw new TargetMisbehaved("the held poll was not answered within " + tester.bounds().pollAnswer().toMillis() + " ms");
            }
        }
    }

    // ---- receiving ----------------------------------------------------------------------------

    private void startPolling() {
        poller = new Thread(this::pollLoop, "sioconf-eio4-poll-" + sid);
        poller.setDaemon(true);
        poller.start();
    }

    private void pollLoop() {
        try {
            while (!stopped && !pollPaused) {
                HttpAnswer answer = tester.poll(path, sid, transport == EngineTransport.POLLING_JSONP ? jsonpQuery() : "");
                if (stopped) {
                    return;
                }
                if (answer.status() != 200) {
                    inbox.closed("poll answered HTTP " + answer.status() + " " + answer.body());
                    return;
                }
                for (String p : packetsOf(answer)) {
                    received(p, false);
                }
                if (inbox.closedBecause() != null) {
                    return;
                }
            }
        } catch (AssertionError e) {
            inbox.closed(e.getMessage());
        }
    }

    /**
     * The JSONP parameters of every request: the callback index and, in eio3, {@code b64=1}, which
     * engine.io-client 3 always sends on JSONP, since a script cannot carry a binary payload.
     */
    String jsonpQuery() {
        return "j=" + JSONP_INDEX + (revision.serverPings() ? "" : "&b64=1");
    }

    /** The packets of a poll answer: JSONP unwrapped, a binary payload (eio3) read as such. */
    List<String> packetsOf(HttpAnswer a) {
        return a.binary() ? revision.split(a) : revision.split(unwrap(a.body()));
    }

    /** eio3: a ping every pingInterval while the heartbeat is on, as engine.io-client 3 sends them. */
    private void startPinging() {
        Thread pinger = new Thread(() -> {
            while (!stopped && heartbeat && inbox.closedBecause() == null) {
                try {
                    Thread.sleep(tester.bounds().pingInterval().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                if (stopped || !heartbeat || inbox.closedBecause() != null) {
                    return;
                }
                try {
                    send("2");
                } catch (AssertionError e) {
                    tester.log().note("could not send a ping: " + e.getMessage());
                }
            }
        }, "sioconf-eio3-ping-" + sid);
        pinger.setDaemon(true);
        pinger.start();
    }

    /** The payload of a poll answer; JSONP answers are unwrapped from their callback. */
    String unwrap(String body) {
        if (transport != EngineTransport.POLLING_JSONP) {
            return body;
        }
        Matcher m = JSONP.matcher(body);
        if (!m.matches()) {
            throw new AssertionError("a JSONP answer must be ___eio[N](\"...\"); (" + revision.rule("EIO4-8.2", "EIO3-9.2") + ")\nActual: " + body);
        }
        return JsStrings.unquote(m.group(2));
    }

    private void startPump() {
        Thread pump = new Thread(this::pump, "sioconf-eio4-ws-" + sid);
        pump.setDaemon(true);
        pump.start();
    }

    private void pump() {
        WebSocketWire socket = ws;
        try {
            while (!stopped) {
                WebSocketWire.Frame f = socket.pollFrame(Duration.ofMillis(50));
                if (f != null) {
                    received(f.binary() ? revision.fromFrame(f.bytes()) : f.text(), f.binary());
                } else if (!socket.isOpen()) {
                    inbox.closed("websocket closed" + (socket.closeCode() == null ? "" : " with code " + socket.closeCode()));
                    return;
                }
            }
        } catch (AssertionError e) {
            inbox.closed(e.getMessage());
        }
    }

    private void received(String packet, boolean binaryFrame) {
        inbox.add(packet, binaryFrame);
        if (revision.serverPings() && packet.equals("2") && heartbeat && !stopped) {
            try {
                send("3");
            } catch (AssertionError e) {
                tester.log().note("could not answer a ping: " + e.getMessage());
            }
        }
        if (packet.equals("1")) {
            inbox.closed("the server sent the close packet 1");
        }
    }

    /** The WebSocket of the session, once there is one. */
    public WebSocketWire webSocket() {
        return ws;
    }

    /** Stops listening and answering without telling the server, as a client that vanished. */
    public void abandon() {
        stopped = true;
        WebSocketWire w = ws;
        if (w != null) {
            w.close();
        }
    }

    @Override
    public void close() {
        abandon();
    }
}
