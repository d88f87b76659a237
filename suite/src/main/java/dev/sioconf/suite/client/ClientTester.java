package dev.sioconf.suite.client;

import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.junit.CaseTester;
import dev.sioconf.suite.wire.WireLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.opentest4j.AssertionFailedError;

/**
 * The tester of one client case: it starts the tester server with the case's script and the
 * client under test against it, and gives the case the few steps it is written in: wait for the
 * client's handshake and packets, send packets, end the session. Every wait is bounded; a wait
 * that ends empty fails the case with what was expected and what the client did instead.
 */
public final class ClientTester implements CaseTester, AutoCloseable {

    /** How long something the protocol wants "at once" may take on a loaded machine. */
    public static final Duration PROMPT = EngineBounds.PROMPT;
    /** How long a client may take to start (a JVM under load) and send its handshake. */
    public static final Duration START = Duration.ofSeconds(20);
    /** How long to watch for something that must not come, when nothing else sets the time. */
    public static final Duration QUIET = Duration.ofMillis(800);
    /** A timer never fires early; this covers clock granularity only. */
    public static final Duration EARLY = EngineBounds.EARLY;

    private final ClientTarget client;
    private final ClientTransport transport;
    private final WireLog log = new WireLog();
    private final ClientRecorder recorder = new ClientRecorder();
    private ScriptedServer server;
    private TesterScript script;
    private ClientProcess process;
    private int namespaceSessions;

    public ClientTester(ClientTarget client, ClientTransport transport) {
        this.client = client;
        this.transport = transport;
    }

    @Override
    public String profile() {
        return client.requirementProfile();
    }

    @Override
    public String targetName() {
        return client.name();
    }

    @Override
    public String transportName() {
        return legacy() && transport == ClientTransport.POLLING ? "xhr-polling" : transport.reportName();
    }

    @Override
    public WireLog log() {
        return log;
    }

    public ClientTransport transport() {
        return transport;
    }

    public ClientSettings settings() {
        return client.settings();
    }

    public int revision() {
        return client.revision();
    }

    /** The script of a plain server of the client's revision over the case's transport, for a case to change. */
    public TesterScript plain() {
        return TesterScript.over(transport, client.revision());
    }

    /** Whether the client speaks socket.io 0.9's protocol revision 1. */
    public boolean legacy() {
        return client.revision() == 1;
    }

    /** Starts the tester as a plain server over the case's transport, and the client. */
    public void start() {
        start(plain());
    }

    public void start(TesterScript script) {
        if (server != null) {
            throw new IllegalStateException("the tester is already started");
        }
        this.script = script;
        try {
            server = legacy() ? new LegacyTesterServer(script, log, recorder) : new TesterServer(script, log, recorder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the tester server", e);
        }
        log.note("tester announces " + (legacy() ? ((LegacyTesterServer) server).handshake("<sid>") : script.openPacket("<sid>").substring(1)));
        process = ClientProcess.start(client, server.base(), log);
    }

    /** Milliseconds since the case began, on the clock of the recorded events. */
    public long now() {
        return log.elapsedMillis();
    }

    /** The client's first request, whatever it is. */
    public ClientEvent awaitFirstRequest() {
        return await("the client's first request", e -> e.kind() == ClientEvent.Kind.REQUEST, START);
    }

    /** The next handshake (a GET without sid), within the start bound. */
    public ClientEvent awaitHandshake() {
        return awaitHandshake(START);
    }

    public ClientEvent awaitHandshake(Duration bound) {
        return await("a handshake (GET " + (legacy() ? LegacyTesterServer.PREFIX : TesterServer.PATH + " without sid") + ")",
                e -> e.kind() == ClientEvent.Kind.HANDSHAKE, bound);
    }

    /**
     * Connects the client's main namespace: waits for its handshake, then on revision 4 for its
     * {@code 40}, answered {@code 40{"sid":...}}; on revision 3 the server connects it with {@code 40}
     * unasked. On a WebSocket case it waits for the upgrade. Returns the sid.
     */
    public String connect() {
        return connect(awaitHandshake());
    }

    /** Connects the main namespace on the session of a handshake already taken. */
    public String connect(ClientEvent handshake) {
        String sid = handshake.sid();
        if (legacy()) { // the tester connects the main endpoint with 1:: once the transport is open
            await("the transport of session " + sid, e -> e.kind() == ClientEvent.Kind.OPENED && e.sid().equals(sid), PROMPT);
            return sid;
        }
        if (client.revision() == 3) {
            server.send(sid, "40");
        } else {
            ClientEvent connect = awaitPacket(sid, "the client's 40 for the main namespace",
                    t -> ClientPackets.parse(t).filter(p -> p.type() == 0 && p.nsp().equals("/")).isPresent());
            log.note("client connects the main namespace with " + connect.text());
            server.send(sid, "40{\"sid\":\"main" + (++namespaceSessions) + "\"}");
        }
        if (transport == ClientTransport.WEBSOCKET && script.offerWebSocket() && !script.refuseWebSocket()
                && !server.upgraded(sid)) {
            await("the client's 5 ending the upgrade of " + sid, e -> e.kind() == ClientEvent.Kind.UPGRADED && e.sid().equals(sid), PROMPT);
        }
        return sid;
    }

    /**
     * Connects and takes the contract's {@code hello}, so the client is known to be ready; on a
     * WebSocket case an echo goes back and forth over the WebSocket too, so the client is known
     * to have settled on it (a client may still be switching right after its {@code 5}).
     */
    public String connectAndHello() {
        String sid = connect();
        awaitEvent(sid, "/", "hello");
        if (transport == ClientTransport.WEBSOCKET && server.upgraded(sid) && !legacy()) {
            send(sid, "42[\"echo\",\"settled\"]");
            ClientEvent back = awaitPacket(sid, "echo-back of settled", "42[\"echo-back\",\"settled\"]"::equals);
            expect("the transport of echo-back after the upgrade", "websocket", back.transport());
        }
        return sid;
    }

    /** Accepts the client's connection to a namespace, as the client's revision writes it. */
    public void acceptNamespace(String sid, String nsp) {
        if (legacy()) {
            server.send(sid, "1::" + nsp);
            return;
        }
        server.send(sid, client.revision() == 3 ? "40" + nsp + "," : "40" + nsp + ",{\"sid\":\"ns" + (++namespaceSessions) + "\"}");
    }

    /** Refuses the client's connection to a namespace with this message, as the client's revision writes it. */
    public void refuseNamespace(String sid, String nsp, String message) {
        if (legacy()) { // revision 1 sends a reason's index: 2 is "unauthorized", whatever the message
            server.send(sid, "7::" + nsp + ":2");
            return;
        }
        server.send(sid, "44" + nsp + "," + (client.revision() == 3 ? "\"" + message + "\"" : "{\"message\":\"" + message + "\"}"));
    }

    /**
     * The requirement a case checks on this client: the cases are written against eio4-client.md,
     * whose numbering eio3-client.md keeps, so {@code EIO4C-5.1} is {@code EIO3C-5.1} on an eio3 client.
     */
    @Override
    public String requirement(String declared) {
        return ClientTargets.requirementOf(declared, client.profile());
    }

    /** The next packet of the session whose text matches. */
    public ClientEvent awaitPacket(String sid, String what, Predicate<String> text) {
        return awaitPacket(sid, what, text, PROMPT);
    }

    public ClientEvent awaitPacket(String sid, String what, Predicate<String> text, Duration bound) {
        return await(what + " on session " + sid,
                e -> e.kind() == ClientEvent.Kind.PACKET && e.sid().equals(sid) && !e.binary() && text.test(e.text()), bound);
    }

    /** The next binary packet of the session. */
    public ClientEvent awaitBinary(String sid, String what) {
        return await(what + " on session " + sid, e -> e.kind() == ClientEvent.Kind.PACKET && e.sid().equals(sid) && e.binary(), PROMPT);
    }

    /** The next event of this name on the namespace. */
    public ClientEvent awaitEvent(String sid, String nsp, String name) {
        return awaitPacket(sid, "the event " + name + (nsp.equals("/") ? "" : " on " + nsp),
                t -> legacy() ? LegacyClientPackets.isEvent(t, nsp.equals("/") ? "" : nsp, name) : ClientPackets.isEvent(t, nsp, name));
    }

    public ClientEvent await(String what, Predicate<ClientEvent> match, Duration bound) {
        return recorder.poll(match, bound).orElseThrow(() -> new AssertionFailedError(
                "the client did not send " + what + " within " + bound.toMillis() + " ms" + endedClient(),
                what, lastPackets()));
    }

    /** The first event matching within the window, taken or not: for what must not happen. */
    public Optional<ClientEvent> anyWithin(Predicate<ClientEvent> match, Duration window) {
        return recorder.anyWithin(match, window);
    }

    public List<ClientEvent> events() {
        return recorder.all();
    }

    /** Sends an Engine.IO packet to the client: text such as {@code 42["echo",1]}, or binary bytes. */
    public void send(String sid, Object packet) {
        server.send(sid, packet);
    }

    /** Ends the session from the server's side: a close packet on polling, a close frame on WebSocket. */
    public void end(String sid) {
        server.end(sid);
    }

    /** Fails with expected against actual when they differ. */
    public static void expect(String what, Object expected, Object actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            throw new AssertionFailedError(what + ": expected " + expected + " but was " + actual, expected, actual);
        }
    }

    /** Fails with the rule that the observation broke when it does not hold. */
    public static void check(boolean holds, String rule, Object expected, Object actual) {
        if (!holds) {
            throw new AssertionFailedError(rule, expected, actual);
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
        if (server != null) {
            server.close();
        }
    }

    public boolean clientAlive() {
        return process != null && process.alive();
    }

    /** {@code running}, or how the client's process ended. */
    public String clientState() {
        return process == null ? "not started" : process.state();
    }

    private String endedClient() {
        return process != null && !process.alive() ? " (the client " + process.state() + ")" : "";
    }

    private String lastPackets() {
        List<ClientEvent> all = recorder.all();
        List<ClientEvent> last = all.subList(Math.max(0, all.size() - 6), all.size());
        return last.isEmpty() ? "nothing from the client" : String.join("\n", last.stream().map(ClientEvent::toString).toList());
    }
}
