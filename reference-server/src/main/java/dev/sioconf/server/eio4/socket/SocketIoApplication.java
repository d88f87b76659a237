package dev.sioconf.server.eio4.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.eio4.Eio4Transport;
import dev.sioconf.server.eio4.codec.EnginePacket;
import dev.sioconf.server.eio4.codec.MalformedPacketException;
import dev.sioconf.server.eio4.codec.SocketPacket;
import dev.sioconf.server.eio4.codec.SocketPacketAssembler;
import dev.sioconf.server.eio4.engine.EngineApplication;
import dev.sioconf.server.eio4.engine.EngineSession;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The Socket.IO 5 layer (spec sections 16 to 22) over Engine.IO sessions: namespaces joined by
 * CONNECT, events and acknowledgements, binary attachments, and the close of any session that
 * breaks the protocol. What the application does with events is {@link Eio4ServerContract}'s.
 */
public final class SocketIoApplication implements EngineApplication {

    /** The most attachments one packet may announce, as recent socket.io-parser allows (SIO5-20.5). */
    static final int MAX_ATTACHMENTS = 10;
    /**
     * How long after its CONNECT answer on a WebSocket the application sees a connection. A
     * client that starts listening for events only once it has read the answer (the official
     * socket.io-protocol suite does) misses the auth event when both reach it in one read;
     * engine.io spaces them by writing one frame per turn of node's event loop, and this pause
     * plays that part.
     */
    static final Duration APPLICATION_PAUSE = Duration.ofMillis(5);
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Set<String> namespaces;
    private final Eio4Settings settings;
    private final Eio4ServerContract contract;
    private final SecureRandom random = new SecureRandom();

    public SocketIoApplication(Eio4Settings settings, Set<String> namespaces, Eio4ServerContract contract) {
        this.settings = settings;
        this.namespaces = Set.copyOf(namespaces);
        this.contract = contract;
    }

    @Override
    public void onOpen(EngineSession session) {
        SocketIoClient client = new SocketIoClient(session, new SocketPacketAssembler(MAX_ATTACHMENTS), settings);
        session.applicationState(client);
        // SIO5-18.8: a session in no namespace when the connect timeout strikes is closed
        session.schedule(settings.connectTimeout(), () -> {
            if (client.joinedNone()) {
                session.close("connect timeout");
            }
        });
    }

    @Override
    public void onMessage(EngineSession session, EnginePacket message) {
        SocketIoClient client = (SocketIoClient) session.applicationState();
        Optional<SocketPacket> packet;
        try {
            packet = message.isBinary()
                    ? client.assembler().acceptBinary(message.bytes())
                    : client.assembler().acceptText(message.text());
        } catch (MalformedPacketException e) {
            session.close("parse error: " + e.getMessage()); // section 22: the whole session goes
            return;
        }
        packet.ifPresent(p -> handle(client, p));
    }

    @Override
    public void onClose(EngineSession session, String reason) {
    }

    private void handle(SocketIoClient client, SocketPacket packet) {
        String ns = packet.namespace();
        switch (packet.type()) {
            case CONNECT -> connect(client, ns, packet.data());
            case DISCONNECT -> {
                if (!client.leave(ns)) {
                    client.session().close("disconnect from a namespace not joined");
                }
            }
            case EVENT -> {
                Optional<NamespaceSocket> socket = joined(client, ns);
                if (socket.isEmpty()) {
                    return;
                }
                ArrayNode data = (ArrayNode) packet.data();
                ArrayNode args = NODES.arrayNode();
                for (int i = 1; i < data.size(); i++) {
                    args.add(data.get(i));
                }
                NamespaceSocket s = socket.get();
                s.whenStarted(() -> contract.onEvent(s, data.get(0).asText(), args, packet.ackId()));
            }
            // SIO5-19.6: acknowledgements are never asked for by this server, so any is ignored
            case ACK -> joined(client, ns);
            default -> client.session().close("client sent " + packet.type()); // SIO5-22.5
        }
    }

    /** The socket of a joined namespace; any other packet for an unjoined one closes the session (SIO5-18.9, SIO5-21.5). */
    private Optional<NamespaceSocket> joined(SocketIoClient client, String ns) {
        Optional<NamespaceSocket> socket = client.socket(ns);
        if (socket.isEmpty()) {
            client.session().close("packet for namespace " + ns + " not joined");
        }
        return socket;
    }

    private void connect(SocketIoClient client, String ns, JsonNode auth) {
        if (!namespaces.contains(ns)) {
            ObjectNode error = NODES.objectNode().put("message", "Invalid namespace");
            client.send(SocketPacket.connectError(ns, error)); // SIO5-18.6
            return;
        }
        if (client.socket(ns).isPresent()) {
            client.session().close("second CONNECT for " + ns); // SIO5-18.11, as 4.8.x does
            return;
        }
        NamespaceSocket socket = client.join(ns, newSocketId());
        client.send(SocketPacket.connect(ns, NODES.objectNode().put("sid", socket.id())));
        JsonNode authOrEmpty = auth == null ? NODES.objectNode() : auth;
        Runnable start = () -> {
            if (client.socket(ns).orElse(null) == socket) {
                contract.onConnect(socket, authOrEmpty);
            }
            socket.started();
        };
        if (client.session().transport() == Eio4Transport.WEBSOCKET) {
            // Events that come during the pause wait for it, so auth stays the first packet after
            // the answer (SIO5-23.2); a socket that left meanwhile gets no auth.
            client.session().schedule(APPLICATION_PAUSE, start);
        } else {
            start.run(); // a polling payload is read whole, answer and auth alike
        }
    }

    private String newSocketId() {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
