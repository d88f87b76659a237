package dev.sioconf.server.eio4.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sioconf.server.eio3.Eio3Fault;
import dev.sioconf.server.eio4.Eio4Fault;
import dev.sioconf.server.eio4.Eio4Settings;
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
    private final NamespaceRules rules;
    private final SecureRandom random = new SecureRandom();

    /** Socket.IO 5, the eio4 profile. */
    public SocketIoApplication(Eio4Settings settings, Set<String> namespaces, Eio4ServerContract contract) {
        this(settings, namespaces, contract, new Sio5NamespaceRules(settings));
    }

    private SocketIoApplication(Eio4Settings settings, Set<String> namespaces, Eio4ServerContract contract,
            NamespaceRules rules) {
        this.settings = settings;
        this.namespaces = Set.copyOf(namespaces);
        this.contract = contract;
        this.rules = rules;
    }

    /** Socket.IO 4 as socket.io 2.5 speaks it, the eio3 profile. */
    public static SocketIoApplication socketIo4(Eio4Settings settings, Set<String> namespaces,
            Eio4ServerContract contract, Set<Eio3Fault> faults) {
        return new SocketIoApplication(settings, namespaces, contract, new Sio4NamespaceRules(faults));
    }

    Eio4ServerContract contract() {
        return contract;
    }

    @Override
    public void onOpen(EngineSession session) {
        int maxAttachments = settings.has(Eio4Fault.UNBOUNDED_ATTACHMENTS) ? Integer.MAX_VALUE : MAX_ATTACHMENTS;
        SocketIoClient client = new SocketIoClient(session, new SocketPacketAssembler(maxAttachments), settings);
        session.applicationState(client);
        rules.onOpen(this, client);
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
        if (session.applicationState() instanceof SocketIoClient client) {
            client.sockets().forEach(contract::onLeave);
        }
    }

    private void handle(SocketIoClient client, SocketPacket packet) {
        String ns = packet.namespace();
        switch (packet.type()) {
            case CONNECT -> connect(client, rules.connectNamespace(ns), packet.data());
            case DISCONNECT -> {
                Optional<NamespaceSocket> left = client.leave(ns);
                left.ifPresent(contract::onLeave);
                if (left.isEmpty()) {
                    rules.notJoined(client, ns, "DISCONNECT");
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
            rules.notJoined(client, ns, "packet");
        }
        return socket;
    }

    private void connect(SocketIoClient client, String ns, JsonNode data) {
        if (!namespaces.contains(ns)) {
            rules.refuseUnknown(client, ns);
            return;
        }
        rules.connect(this, client, ns, data);
    }

    String newSocketId() {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
