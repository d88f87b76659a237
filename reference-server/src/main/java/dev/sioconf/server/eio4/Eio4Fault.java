package dev.sioconf.server.eio4;

import java.util.Arrays;
import java.util.Optional;

/**
 * Deliberate deviations from Engine.IO 4 / Socket.IO 5 that the reference server can be started
 * with, so that the conformance suite can show it catches each of them. None is on by default;
 * the {@code eio4-} prefix keeps the names apart from the legacy faults.
 */
public enum Eio4Fault {
    UPGRADE_LOSES_MESSAGE("eio4-upgrade-loses-message",
            "packets queued when the upgrade completes are dropped, not sent"),
    WRONG_SEPARATOR("eio4-wrong-separator",
            "polling payloads are joined with U+001F instead of U+001E"),
    NO_PINGS("eio4-no-pings",
            "the server never sends a ping (and so never times a session out)"),
    WEBSOCKET_WHEN_DISABLED("eio4-websocket-when-disabled",
            "websocket requests are served even when websocket is not offered"),
    WRONG_ERROR_CODE("eio4-wrong-error-code",
            "an unknown session id is refused with code 3 instead of 1"),
    WRONG_PING_INTERVAL("eio4-wrong-ping-interval",
            "the open packet announces twice the pingInterval the server uses"),
    UPGRADES_WHEN_DISABLED("eio4-upgrades-when-disabled",
            "the open packet lists websocket upgrades even when not possible"),
    POLL_NOT_HELD("eio4-poll-not-held",
            "an empty poll is answered at once with 6 instead of being held"),
    NO_UPGRADE_NOOP("eio4-no-upgrade-noop",
            "the held poll gets no noop 6 after the upgrade probe"),
    ACK_ID_DROPPED("eio4-ack-id-dropped",
            "acknowledgements are sent without their ack id"),
    NO_AUTH_EVENT("eio4-no-auth-event",
            "the auth event is not sent after a namespace CONNECT"),
    MESSAGE_BACK_WRONG("eio4-message-back-wrong",
            "message-back leaves out the last argument of the message event"),
    ATTACHMENTS_SWAPPED("eio4-attachments-swapped",
            "the first two attachments of an outgoing packet are swapped"),
    REORDER_QUEUED("eio4-reorder-queued",
            "the first two packets of a polling payload are swapped"),
    UNBOUNDED_ATTACHMENTS("eio4-unbounded-attachments",
            "packets may announce any number of attachments, all awaited"),
    BROADCAST_LOCAL_ONLY("eio4-broadcast-local-only",
            "a broadcast to a room reaches its sender only, as without an adapter");

    private final String wireName;
    private final String description;

    Eio4Fault(String wireName, String description) {
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

    public static Optional<Eio4Fault> ofWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
    }
}
