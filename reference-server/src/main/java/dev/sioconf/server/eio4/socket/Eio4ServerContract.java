package dev.sioconf.server.eio4.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sioconf.server.eio4.Eio4Fault;
import dev.sioconf.server.eio4.Eio4Settings;
import java.util.Set;

/**
 * The application the suite talks to (spec section 23), the same on {@code /} and
 * {@code /custom}: auth after CONNECT, sendMessage/helloBack, echo, message/message-back and
 * message-with-ack. It sends nothing else (SIO5-23.8).
 */
public final class Eio4ServerContract {

    public static final Set<String> NAMESPACES = Set.of("/", "/custom");

    private final Eio4Settings settings;
    private final boolean authEvent;
    private final boolean answers;

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
            default -> {
                // other events are not part of the contract
            }
        }
    }
}
