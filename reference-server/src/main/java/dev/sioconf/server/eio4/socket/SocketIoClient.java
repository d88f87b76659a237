package dev.sioconf.server.eio4.socket;

import dev.sioconf.server.eio4.Eio4Fault;
import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.eio4.codec.EncodedSocketPacket;
import dev.sioconf.server.eio4.codec.EnginePacket;
import dev.sioconf.server.eio4.codec.SocketPacket;
import dev.sioconf.server.eio4.codec.SocketPacketAssembler;
import dev.sioconf.server.eio4.codec.SocketPacketCodec;
import dev.sioconf.server.eio4.engine.EngineSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Socket.IO state of one Engine.IO session: its joined namespaces and its packet assembler. */
final class SocketIoClient {

    private final EngineSession session;
    private final SocketPacketAssembler assembler;
    private final Eio4Settings settings;
    private final Map<String, NamespaceSocket> sockets = new LinkedHashMap<>();

    SocketIoClient(EngineSession session, SocketPacketAssembler assembler, Eio4Settings settings) {
        this.session = session;
        this.assembler = assembler;
        this.settings = settings;
    }

    EngineSession session() {
        return session;
    }

    SocketPacketAssembler assembler() {
        return assembler;
    }

    boolean joinedNone() {
        return sockets.isEmpty();
    }

    Optional<NamespaceSocket> socket(String namespace) {
        return Optional.ofNullable(sockets.get(namespace));
    }

    NamespaceSocket join(String namespace, String socketId) {
        NamespaceSocket socket = new NamespaceSocket(this, namespace, socketId);
        sockets.put(namespace, socket);
        return socket;
    }

    /** Leaves a namespace without a word in reply (SIO5-21.1); empty when it was not joined. */
    Optional<NamespaceSocket> leave(String namespace) {
        return Optional.ofNullable(sockets.remove(namespace));
    }

    /** The sockets of every namespace still joined. */
    List<NamespaceSocket> sockets() {
        return List.copyOf(sockets.values());
    }

    boolean settingsHaveFault(Eio4Fault fault) {
        return settings.has(fault);
    }

    /** The packet's text and attachments, queued as one unit (SIO5-16.1). */
    void send(SocketPacket packet) {
        EncodedSocketPacket encoded = SocketPacketCodec.encode(packet);
        List<EnginePacket> messages = new ArrayList<>(encoded.messages());
        if (messages.size() >= 3 && settings.has(Eio4Fault.ATTACHMENTS_SWAPPED)) {
            Collections.swap(messages, 1, 2);
        }
        session.send(messages);
    }
}
