package dev.sioconf.server.eio4.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sioconf.server.eio4.Eio4Fault;
import dev.sioconf.server.eio4.Eio4Settings;
import java.util.Set;

/**
 * The application the suite talks to (spec section 23), the same on {@code /} and
 * {@code /custom}: auth after CONNECT, sendMessage/helloBack, echo, message/message-back and
 * message-with-ack; and for the deployment case of section 24, join and broadcast over rooms. It
 * sends nothing else (SIO5-23.8).
 */
public final class Eio4ServerContract {

    public static final Set<String> NAMESPACES = Set.of("/", "/custom");

    private final Eio4Settings settings;
    private final boolean authEvent;
    private final boolean answers;
    private final Rooms rooms = new Rooms();

    /** The eio4 contract: the auth event after each CONNECT. */
    public Eio4ServerContract(Eio4Settings settings) {
        this(settings, true, true);
    }

    private Eio4ServerContract(Eio4Settings settings, boolean authEvent, boolean answers) {
        this.settings = settings;
        this.authEvent = authEvent;
        this.answers = answers;
    }

    /** No contract: an application that sends nothing on connect and answers no event. */
    public static Eio4ServerContract none(Eio4Settings settings) {
        return new Eio4ServerContract(settings, false, false);
    }

    /** The eio3 contract: the same events, and nothing at all on connect (Socket.IO 4 has no auth). */
    public static Eio4ServerContract withoutAuthEvent(Eio4Settings settings) {
        return new Eio4ServerContract(settings, false, true);
    }

    void onConnect(NamespaceSocket socket, JsonNode auth) {
        if (authEvent && !settings.has(Eio4Fault.NO_AUTH_EVENT)) {
            socket.emit("auth", auth); // SIO5-23.2
        }
    }

    /** The socket left its namespace or its session ended: it leaves its rooms. */
    void onLeave(NamespaceSocket socket) {
        rooms.leaveAll(socket);
    }

    void onEvent(NamespaceSocket socket, String event, ArrayNode args, Long ackId) {
        if (!answers) {
            return;
        }
        switch (event) {
            case "sendMessage" -> socket.emit("helloBack",
                    SocketIoApplication.NODES.objectNode().put("message", "Hello back!"));
            case "echo" -> {
                socket.emit("echo", args);
                if (ackId != null) {
                    socket.ack(ackId, args);
                }
            }
            case "message" -> {
                ArrayNode back = args.deepCopy();
                if (settings.has(Eio4Fault.MESSAGE_BACK_WRONG) && !back.isEmpty()) {
                    back.remove(back.size() - 1);
                }
                socket.emit("message-back", back);
            }
            case "message-with-ack" -> {
                if (ackId != null) {
                    socket.ack(ackId, args);
                }
            }
            case "join" -> {
                if (ackId != null && args.size() == 1 && args.get(0).isTextual()) {
                    rooms.join(socket, args.get(0).asText());
                    socket.ack(ackId, args);
                }
            }
            case "broadcast" -> {
                if (!args.isEmpty() && args.get(0).isTextual() && !settings.has(Eio4Fault.BROADCAST_LOCAL_ONLY)) {
                    rooms.broadcast(socket.namespace(), args.get(0).asText(), "broadcast-back", args);
                } else if (!args.isEmpty() && args.get(0).isTextual()) {
                    socket.emit("broadcast-back", args);
                }
            }
            default -> {
                // other events are not part of the contract
            }
        }
    }
}
