package dev.sioconf.suite.eio4.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.deployment.Findings;
import dev.sioconf.suite.eio4.SocketIoPackets;
import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.engine.OpenPacket;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.TargetMisbehaved;
import dev.sioconf.suite.wire.WebSocketWire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * spec/eio4.md section 24: what a front end (reverse proxy, load balancer, several nodes) breaks,
 * seen through the address clients use. Each failure says what was found and what to change.
 */
class DeploymentCases {

    /** How many sessions, and requests each, the stickiness case sends: enough that round robin over two nodes cannot hide. */
    static final int SESSIONS = 6;
    static final int REQUESTS = 4;
    /** How many sessions join the room: round robin over two or three nodes puts some on each. */
    static final int ROOM_SESSIONS = 4;

    @Requirement("EIO4-24.1")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "handshakes over polling, then opens a WebSocket naming the session through the same address and sends 2probe")
    void websocketAnnouncedIsCarriedThroughTheFrontEnd(EngineTester t) {
        OpenPacket open = t.handshake();
        assertThat(open.upgrades()).as("upgrades of the open packet").contains("websocket");
        String query = t.eio() + "&transport=websocket&sid=" + open.sid();
        WebSocketWire ws;
        try {
            ws = t.openWebSocket(t.path(), query, Map.of());
        } catch (TargetMisbehaved refused) {
            // The same handshake by hand, for the answer's exact text. A node that does not know the
            // session refuses with code 1; one refusal and then a switch also means two nodes.
            String answer = Findings.firstLine(t.rawWebSocketAnswer(t.path(), query).received());
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

    @Requirement("EIO4-24.2")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "handshakes over polling and polls the idle session; the server must hold the poll until its ping")
    void heldPollIsAnsweredByTheServerNotCutByTheFrontEnd(EngineTester t) {
        String sid = t.handshake().sid();
        String ping = "200 2 (the ping) after about " + t.settings().pingInterval().toMillis() + " ms";
        HttpAnswer a;
        try {
            a = t.poll(sid);
        } catch (TargetMisbehaved e) {
            if (e.getMessage().contains(" within ")) {
                throw e; // no answer at all: the server did not ping, which is no finding about a front end
            }
            throw Findings.failure(Findings.POLL_CUT, ping, e.getMessage()); // the connection was closed or reset
        }
        if (a.status() == 400 && a.body().contains("Session ID unknown")) {
            throw Findings.failure(Findings.NOT_STICKY, ping, a.status() + " " + a.body());
        }
        if (a.status() >= 500) {
            throw Findings.failure(Findings.POLL_CUT, ping, "HTTP " + a.status() + ": " + Findings.firstLine(a.body()) + " after " + a.elapsed().toMillis() + " ms");
        }
        assertThat(a.status()).as("status of the held poll (body %s)", a.body()).isEqualTo(200);
        assertThat(EngineTester.withoutPings(a.body())).as("the held poll's answer, pings left out (body %s)", a.body()).isEmpty();
    }

    @Requirement("EIO4-24.3")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "opens " + SESSIONS + " polling sessions and POSTs the noop 6 " + REQUESTS + " times naming each")
    void everyRequestOfASessionReachesAServerThatHoldsIt(EngineTester t) {
        List<String> astray = new ArrayList<>();
        for (int s = 0; s < SESSIONS; s++) {
            String sid = t.handshake().sid();
            for (int r = 0; r < REQUESTS; r++) {
                HttpAnswer a = t.post(sid, "6");
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

    @Requirement("EIO4-24.4")
    @Eio4Case(perTransport = false, does = "opens " + ROOM_SESSIONS + " sessions one after another (WebSocket when offered and carried, "
            + "else polling), "
            + "joins each to one new room on / with 42N[\"join\",room], then emits 42[\"broadcast\",room,\"hi\"] from the first; "
            + "every session must get 42[\"broadcast-back\",room,\"hi\"]")
    void aBroadcastReachesTheRoomOnEveryNode(EngineTester t) {
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
            SocketIoPackets.join(c, "/");
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
