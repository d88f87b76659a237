package dev.sioconf.server.legacy;

import java.util.Arrays;
import java.util.Optional;

/**
 * Deliberate deviations from protocol revision 1 that the reference server can be started with,
 * so that the conformance suite can show it catches each of them. None is on by default.
 */
public enum Fault {
    TRANSPORTS_REVERSED("transports-reversed",
            "the handshake lists the offered transports in reverse order"),
    WEBSOCKET_WHEN_DISABLED("websocket-when-disabled",
            "websocket requests are served even when websocket is not offered"),
    POLLING_DURATION_HALVED("polling-duration-halved",
            "an empty poll is held for half the polling duration"),
    POLLING_DURATION_DOUBLED("polling-duration-doubled",
            "an empty poll is held for twice the polling duration"),
    WRONG_NOOP("wrong-noop",
            "an empty poll is closed with an empty body instead of 8::"),
    LOSE_EVERY_50TH("lose-every-50th",
            "every 50th packet a session sends after the connect packet is dropped"),
    REORDER_QUEUED("reorder-queued",
            "the first two packets of a polling payload are swapped"),
    NO_HEARTBEATS("no-heartbeats",
            "heartbeats are advertised but never sent on websocket or htmlfile"),
    JSONP_INDEX_IGNORED("jsonp-index-ignored",
            "jsonp-polling answers always call io.j[0] whatever i was asked for"),
    UNKNOWN_SESSION_ACCEPTED("unknown-session-accepted",
            "a poll with an unknown session id gets a new session, not 7:::1+0"),
    FRAME_LENGTH_IN_BYTES("frame-length-in-bytes",
            "payload frame lengths count UTF-8 bytes instead of UTF-16 code units"),
    NO_CONNECT_PACKET("no-connect-packet",
            "the first connection of a session does not get 1::"),
    NO_AUTO_ACK("no-auto-ack",
            "a packet with a message id and no + is not acknowledged"),
    ACK_WITHOUT_ENDPOINT("ack-without-endpoint",
            "acknowledgements leave out the endpoint"),
    CLOSE_TIMEOUT_IGNORED("close-timeout-ignored",
            "sessions never expire after the close timeout"),
    HTMLFILE_UNPADDED("htmlfile-unpadded",
            "the htmlfile opening chunk has no space padding"),
    HTMLFILE_SLASH_UNESCAPED("htmlfile-slash-unescaped",
            "htmlfile scripts do not escape /"),
    DISABLED_TRANSPORT_ANSWERED("disabled-transport-answered",
            "a request for a transport not offered gets 7:::0 instead of no answer"),
    HELLOBACK_WRONG("helloback-wrong",
            "sendMessage is answered with \"Hello back\" (no !)");

    private final String wireName;
    private final String description;

    Fault(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    /** The name given to {@code --fault}. */
    public String wireName() {
        return wireName;
    }

    public String description() {
        return description;
    }

    public static Optional<Fault> ofWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
    }
}
