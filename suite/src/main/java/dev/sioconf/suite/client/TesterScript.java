package dev.sioconf.suite.client;

import java.time.Duration;

/**
 * How the tester server behaves in one case: what its open packet announces and what it does
 * with the client's transports. The timings are the tester's own choice, announced to the
 * client, so the cases can keep them short.
 *
 * @param revision         the revision spoken: Engine.IO 4, or 3 (no maxPayload, the client pings), or socket.io 0.9's 1
 *                         (the ping is the heartbeat, the timeout the handshake's heartbeat timeout)
 * @param offerWebSocket   whether the open packet lists {@code websocket} in {@code upgrades}
 * @param refuseWebSocket  whether a WebSocket request naming a session gets HTTP 400
 * @param pings            whether the tester sends a ping every pingInterval
 * @param postAnswerDelay  how long the answer to each POST is held back (so packets pile up in the client)
 */
public record TesterScript(int revision, boolean offerWebSocket, boolean refuseWebSocket, boolean pings, Duration pingInterval,
        Duration pingTimeout, long maxPayload, Duration postAnswerDelay) {

    /** A plain server of the revision: pings (or pongs) every 10 s, 1 MB maxPayload, WebSocket as the transport says. */
    public static TesterScript over(ClientTransport transport, int revision) {
        // revision 1 counts its heartbeat timeout from any packet, a held poll's too: heartbeats come well within it
        return new TesterScript(revision, transport == ClientTransport.WEBSOCKET, false, true,
                Duration.ofSeconds(revision == 1 ? 2 : 10), Duration.ofSeconds(revision == 1 ? 10 : 5), 1_000_000, Duration.ZERO);
    }

    public TesterScript refusingWebSocket() {
        return new TesterScript(revision, true, true, pings, pingInterval, pingTimeout, maxPayload, postAnswerDelay);
    }

    public TesterScript pinging(Duration interval, Duration timeout) {
        return new TesterScript(revision, offerWebSocket, refuseWebSocket, true, interval, timeout, maxPayload, postAnswerDelay);
    }

    /** Announces these timings but sends no ping at all (revision 3: answers no ping). */
    public TesterScript silent(Duration interval, Duration timeout) {
        return new TesterScript(revision, offerWebSocket, refuseWebSocket, false, interval, timeout, maxPayload, postAnswerDelay);
    }

    public TesterScript withMaxPayload(long bytes, Duration postDelay) {
        return new TesterScript(revision, offerWebSocket, refuseWebSocket, pings, pingInterval, pingTimeout, bytes, postDelay);
    }

    /** The open packet's JSON for a session. */
    String openPacket(String sid) {
        return "0{\"sid\":\"" + sid + "\",\"upgrades\":[" + (offerWebSocket ? "\"websocket\"" : "") + "],\"pingInterval\":"
                + pingInterval.toMillis() + ",\"pingTimeout\":" + pingTimeout.toMillis()
                + (revision == 4 ? ",\"maxPayload\":" + maxPayload : "") + "}";
    }

    /** How long a poll with nothing to send is held before a noop answers it. */
    Duration pollHold() {
        return pings ? pingInterval.plus(Duration.ofSeconds(1)) : Duration.ofSeconds(30);
    }
}
