package dev.sioconf.server.eio4.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.eio4.Eio4Transport;
import dev.sioconf.server.eio4.codec.SocketPacket;

/**
 * Socket.IO 5 (socket.io 3.x/4.x): every namespace, {@code /} included, is joined by the client's
 * CONNECT and answered {@code 40<ns,>{"sid":...}}; a session in none is closed after the connect
 * timeout; packets for namespaces not joined close the session.
 */
final class Sio5NamespaceRules implements NamespaceRules {

    private final Eio4Settings settings;

    Sio5NamespaceRules(Eio4Settings settings) {
        this.settings = settings;
    }

    @Override
    public void onOpen(SocketIoApplication app, SocketIoClient client) {
        // SIO5-18.8: a session in no namespace when the connect timeout strikes is closed
        client.session().schedule(settings.connectTimeout(), () -> {
            if (client.joinedNone()) {
                client.session().close("connect timeout");
            }
        });
    }

    @Override
    public String connectNamespace(String namespace) {
        return namespace;
    }

    @Override
    public void connect(SocketIoApplication app, SocketIoClient client, String ns, JsonNode auth) {
        if (client.socket(ns).isPresent()) {
            client.session().close("second CONNECT for " + ns); // SIO5-18.11, as 4.8.x does
            return;
        }
        NamespaceSocket socket = client.join(ns, app.newSocketId());
        client.send(SocketPacket.connect(ns, SocketIoApplication.NODES.objectNode().put("sid", socket.id())));
        JsonNode authOrEmpty = auth == null ? SocketIoApplication.NODES.objectNode() : auth;
        Runnable start = () -> {
            if (client.socket(ns).orElse(null) == socket) {
                app.contract().onConnect(socket, authOrEmpty);
            }
            socket.started();
        };
        if (client.session().transport() == Eio4Transport.WEBSOCKET) {
            // Events that come during the pause wait for it, so auth stays the first packet after
            // the answer (SIO5-23.2); a socket that left meanwhile gets no auth.
            client.session().schedule(SocketIoApplication.APPLICATION_PAUSE, start);
        } else {
            start.run(); // a polling payload is read whole, answer and auth alike
        }
    }

    @Override
    public void refuseUnknown(SocketIoClient client, String ns) {
        ObjectNode error = SocketIoApplication.NODES.objectNode().put("message", "Invalid namespace");
        client.send(SocketPacket.connectError(ns, error)); // SIO5-18.6
    }

    @Override
    public void notJoined(SocketIoClient client, String ns, String what) {
        client.session().close(what + " for namespace " + ns + " not joined"); // SIO5-18.9, SIO5-21.5
    }
}
