package dev.sioconf.server.eio4.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sioconf.server.eio3.Eio3Fault;
import dev.sioconf.server.eio4.codec.SocketPacket;
import java.util.Set;

/**
 * Socket.IO 4 as socket.io 2.5 speaks it: the main namespace is joined as the session opens, its
 * {@code 40} going out right behind the open packet; other namespaces are joined with
 * {@code 40/nsp} (a {@code ?query} allowed) and answered {@code 40/nsp,} with no data, each time
 * they are asked for; an unknown one gets {@code 44/nsp,"Invalid namespace"}; packets for a
 * namespace not joined are dropped. There is no connect timeout.
 */
final class Sio4NamespaceRules implements NamespaceRules {

    private final Set<Eio3Fault> faults;

    Sio4NamespaceRules(Set<Eio3Fault> faults) {
        this.faults = Set.copyOf(faults);
    }

    @Override
    public void onOpen(SocketIoApplication app, SocketIoClient client) {
        NamespaceSocket main = client.join(SocketPacket.MAIN_NAMESPACE, app.newSocketId());
        if (!faults.contains(Eio3Fault.NO_IMPLICIT_CONNECT)) {
            // queued before the handshake is answered, so it shares the open packet's body or follows its frame
            client.send(SocketPacket.connect(SocketPacket.MAIN_NAMESPACE, null));
        }
        main.started();
    }

    @Override
    public String connectNamespace(String namespace) {
        int query = namespace.indexOf('?');
        return query < 0 ? namespace : namespace.substring(0, query);
    }

    @Override
    public void connect(SocketIoApplication app, SocketIoClient client, String ns, JsonNode data) {
        if (SocketPacket.MAIN_NAMESPACE.equals(ns) && client.socket(ns).isPresent()) {
            return; // socket.io 2.x sent the main namespace's 40 with the handshake and does not repeat it
        }
        NamespaceSocket socket = client.join(ns, app.newSocketId());
        JsonNode answer = faults.contains(Eio3Fault.CONNECT_WITH_SID)
                ? SocketIoApplication.NODES.objectNode().put("sid", socket.id()) : null;
        client.send(SocketPacket.connect(ns, answer));
        socket.started();
    }

    @Override
    public void refuseUnknown(SocketIoClient client, String ns) {
        if (!faults.contains(Eio3Fault.NO_INVALID_NAMESPACE)) {
            client.send(SocketPacket.connectError(ns, TextNode.valueOf("Invalid namespace")));
        }
    }

    @Override
    public void notJoined(SocketIoClient client, String ns, String what) {
        // socket.io 2.x finds no socket for the namespace and lets the packet go
    }
}
