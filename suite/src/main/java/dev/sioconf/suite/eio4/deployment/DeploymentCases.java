package dev.sioconf.suite.eio4.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.deployment.EngineDeployment;
import dev.sioconf.suite.deployment.Findings;
import dev.sioconf.suite.eio4.SocketIoPackets;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.TargetMisbehaved;

/**
 * spec/eio4.md section 24: what a front end (reverse proxy, load balancer, several nodes) breaks,
 * seen through the address clients use. Each failure says what was found and what to change.
 */
class DeploymentCases {

    static final int SESSIONS = EngineDeployment.SESSIONS;
    static final int REQUESTS = EngineDeployment.REQUESTS;
    static final int ROOM_SESSIONS = EngineDeployment.ROOM_SESSIONS;

    @Requirement("EIO4-24.1")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "handshakes over polling, then opens a WebSocket naming the session through the same address and sends 2probe")
    void websocketAnnouncedIsCarriedThroughTheFrontEnd(EngineTester t) {
        EngineDeployment.websocketCarried(t);
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
        EngineDeployment.requestsReachTheirNode(t, "6");
    }

    @Requirement("EIO4-24.4")
    @Eio4Case(perTransport = false, does = "opens " + ROOM_SESSIONS + " sessions one after another (WebSocket when offered and carried, "
            + "else polling), "
            + "joins each to one new room on / with 42N[\"join\",room], then emits 42[\"broadcast\",room,\"hi\"] from the first; "
            + "every session must get 42[\"broadcast-back\",room,\"hi\"]")
    void aBroadcastReachesTheRoomOnEveryNode(EngineTester t) {
        EngineDeployment.broadcastReachesTheRoom(t, c -> SocketIoPackets.join(c, "/"));
    }
}
