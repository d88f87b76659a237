package dev.sioconf.suite.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.engine.OpenPacket;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.TargetMisbehaved;
import dev.sioconf.suite.wire.WebSocketWire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The deployment checks Engine.IO 3 and 4 share (spec/eio4.md and spec/eio3.md, section 24): the
 * eio4 and eio3 deployment cases name the requirement and hand over what differs between the
 * revisions, the noop payload and how a session enters the main namespace.
 */
public final class EngineDeployment {

    /** How many sessions, and requests each, the stickiness check sends: enough that round robin over two nodes cannot hide. */
    public static final int SESSIONS = 6;
    public static final int REQUESTS = 4;
    /** How many sessions join the room: round robin over two or three nodes puts some on each. */
    public static final int ROOM_SESSIONS = 4;

    private EngineDeployment() {
    }

    /** EIO4-24.1, EIO3-24.1: the WebSocket the open packet announces is switched through the front end and carries the probe. */
    public static void websocketCarried(EngineTester t) {
        OpenPacket open = t.handshake();
        assertThat(open.upgrades()).as("upgrades of the open packet").contains("websocket");
        String query = t.eio() + "&transport=websocket&sid=" + open.sid();
        WebSocketWire ws;
        try {
            ws = t.openWebSocket(t.path(), query, Map.of());
        } catch (TargetMisbehaved refused) {
            // The same handshake by hand, for the answer's exact text. A node that does not know the
            // session refuses with code 1; one refusal and then a switch also means two nodes.
            String answer = Findings.firstLine(t.rawWebSocketAnswerOrSwitch(t.path(), query).received());
            boolean otherNode = answer.contains("Session ID unknown") || answer.startsWith("HTTP/1.1 101");
            throw Findings.failure(otherNode ? Findings.NOT_STICKY : Findings.NO_WEBSOCKET, "HTTP/1.1 101 Switching Protocols",
                    otherNode ? refused.getMessage() + ", then " + answer : answer);
        }
        ws.send("2probe");
        String probe = ws.poll(EngineBounds.PROMPT);
        if (!"3probe".equals(probe)) {
            throw Findings.failure(Findings.NO_WEBSOCKET, "3probe", probe == null ? "no answer to 2probe within " + EngineBounds.PROMPT.toMillis() + " ms"
                    : probe);
        }
    }

    /** EIO4-24.3, EIO3-24.3: POSTs {@code noop}, the revision's noop payload, {@link #REQUESTS} times for each of {@link #SESSIONS} sessions. */
    public static void requestsReachTheirNode(EngineTester t, String noop) {
        List<String> astray = new ArrayList<>();
        for (int s = 0; s < SESSIONS; s++) {
            String sid = t.handshake().sid();
            for (int r = 0; r < REQUESTS; r++) {
                HttpAnswer a = t.post(sid, noop);
                if (a.status() != 200) {
                    astray.add(a.status() + " " + Findings.firstLine(a.body()));
                }
            }
        }
        if (!astray.isEmpty()) {
            throw Findings.failure(Findings.NOT_STICKY, "0 of " + SESSIONS * REQUESTS + " requests refused",
                    astray.size() + " of " + SESSIONS * REQUESTS + " requests refused, e.g. " + astray.get(0));
        }
    }

    /**
     * EIO4-24.4, EIO3-24.4: joins {@link #ROOM_SESSIONS} sessions to one new room and broadcasts from the
     * first; {@code enterMain} takes a new session into the main namespace as the revision does it.
     */
    public static void broadcastReachesTheRoom(EngineTester t, Consumer<EngineConnection> enterMain) {
        EngineTransport way = t.settings().offers("websocket") ? EngineTransport.WEBSOCKET : EngineTransport.POLLING;
        String room = "sioconf-" + UUID.randomUUID();
        List<EngineConnection> sessions = new ArrayList<>();
        for (int i = 1; i <= ROOM_SESSIONS; i++) {
            EngineConnection c;
            try {
                c = t.open(way);
            } catch (TargetMisbehaved refused) {
                if (i > 1 || way == EngineTransport.POLLING) {
                    throw refused;
                }
                // a front end that does not carry WebSocket is EIO4-24.1's finding; the room is checked on polling then
                way = EngineTransport.POLLING;
                c = t.open(way);
            }
            enterMain.accept(c);
            c.emit("/", i, "[\"join\",\"" + room + "\"]");
            c.inbox().assertNextSio("3" + i + "[\"" + room + "\"]");
            sessions.add(c);
        }
        String back = "2[\"broadcast-back\",\"" + room + "\",\"hi\"]";
        sessions.get(0).emit("/", "[\"broadcast\",\"" + room + "\",\"hi\"]");
        List<String> missed = new ArrayList<>();
        long deadline = System.nanoTime() + EngineBounds.PROMPT.toNanos(); // one wait for all: the sessions receive side by side
        for (int i = 0; i < sessions.size(); i++) {
            String got;
            try {
                got = sessions.get(i).inbox().nextSio(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            } catch (TargetMisbehaved nothing) {
                // the waits share one deadline, so a later session's own wait may be short: say the whole of it
                got = nothing.getMessage().startsWith("no packet within ")
                        ? "no packet within " + EngineBounds.PROMPT.toMillis() + " ms of the broadcast" : nothing.getMessage();
            }
            if (!back.equals(got)) {
                missed.add("session " + (i + 1) + ": " + got);
            }
        }
        if (!missed.isEmpty()) {
            throw Findings.failure(Findings.NOT_SHARED, "4" + back + " on all " + ROOM_SESSIONS + " sessions",
                    (ROOM_SESSIONS - missed.size()) + " of " + ROOM_SESSIONS + " got it; " + String.join("; ", missed));
        }
    }
}
