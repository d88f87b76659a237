package dev.sioconf.suite.eio3.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.deployment.EngineDeployment;
import dev.sioconf.suite.deployment.Findings;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.junit.Eio3Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.TargetMisbehaved;
import java.util.concurrent.CompletableFuture;

/**
 * spec/eio3.md section 24: what a front end (reverse proxy, load balancer, several nodes) breaks
 * for a socket.io 1.x/2.x deployment, seen through the address clients use. The checks are those
 * of eio4 (spec/eio4.md section 24); here the client pings and the held poll waits for the pong.
 */
class DeploymentCases {

    @Requirement("EIO3-24.1")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "handshakes over polling, then opens a WebSocket naming the session through the same address and sends 2probe")
    void websocketAnnouncedIsCarriedThroughTheFrontEnd(EngineTester t) {
        EngineDeployment.websocketCarried(t);
    }

    @Requirement("EIO3-24.2")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "handshakes over polling, holds a poll for pingInterval, then POSTs the ping 1:2; the held poll must bring the pong")
    void heldPollIsAnsweredByTheServerNotCutByTheFrontEnd(EngineTester t) {
        String sid = t.handshake().sid();
        String pong = "200 1:3 (the pong) after about " + t.settings().pingInterval().toMillis() + " ms";
        CompletableFuture<HttpAnswer> held = t.pollAsync(t.path(), sid);
        t.pause(t.settings().pingInterval(), "hold the poll as long as a client waits between pings");
        HttpAnswer ping = t.post(sid, "1:2");
        HttpAnswer a;
        try {
            a = t.await(held);
        } catch (TargetMisbehaved e) {
            if (e.getMessage().contains(" within ") || e.getMessage().contains("in time")) {
                throw e; // no answer at all: the server kept the pong, which is no finding about a front end
            }
            throw Findings.failure(Findings.POLL_CUT, pong, e.getMessage()); // the connection was closed or reset
        }
        if (a.status() >= 500) {
            throw Findings.failure(Findings.POLL_CUT, pong, "HTTP " + a.status() + ": " + Findings.firstLine(a.body()) + " after "
                    + a.elapsed().toMillis() + " ms");
        }
        if (a.body().contains("Session ID unknown") || ping.body().contains("Session ID unknown")) {
            throw Findings.failure(Findings.NOT_STICKY, pong, a.status() + " " + a.body() + "; the ping's POST: " + ping.status() + " "
                    + ping.body());
        }
        assertThat(a.status() + " " + a.body()).as("the held poll's answer").isEqualTo("200 1:3");
    }

    @Requirement("EIO3-24.3")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "opens " + EngineDeployment.SESSIONS + " polling sessions and POSTs the noop 1:6 " + EngineDeployment.REQUESTS
                    + " times naming each")
    void everyRequestOfASessionReachesAServerThatHoldsIt(EngineTester t) {
        EngineDeployment.requestsReachTheirNode(t, "1:6");
    }

    @Requirement("EIO3-24.4")
    @Eio3Case(perTransport = false, does = "opens " + EngineDeployment.ROOM_SESSIONS + " sessions one after another (WebSocket when "
            + "offered and carried, else polling), joins each to one new room with 42N[\"join\",room], then emits "
            + "42[\"broadcast\",room,\"hi\"] from the first; every session must get 42[\"broadcast-back\",room,\"hi\"]")
    void aBroadcastReachesTheRoomOnEveryNode(EngineTester t) {
        EngineDeployment.broadcastReachesTheRoom(t, c -> c.inbox().assertNextSio("0")); // the main namespace's implicit CONNECT
    }
}
