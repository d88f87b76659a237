package dev.sioconf.server.eio4.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sioconf.server.eio4.Eio4Fault;
import dev.sioconf.server.eio4.codec.SocketPacket;
import dev.sioconf.server.eio4.codec.SocketPacketType;

/** One client's membership of one namespace, as the application sees it. */
public final class NamespaceSocket {

    private final SocketIoClient client;
    private final String namespace;
    private final String id;

    NamespaceSocket(SocketIoClient client, String namespace, String id) {
        this.client = client;
        this.namespace = namespace;
        this.id = id;
    }

    public String namespace() {
        return namespace;
    }

    /** The socket id of the CONNECT answer, not the Engine.IO session id (SIO5-18.4). */
    public String id() {
        return id;
    }

    public void emit(String event, JsonNode... args) {
        ArrayNode nameAndArgs = SocketIoApplication.NODES.arrayNode().add(event);
        for (JsonNode arg : args) {
            nameAndArgs.add(arg);
        }
        client.send(SocketPacket.event(namespace, nameAndArgs));
    }

    public void emit(String event, ArrayNode args) {
        ArrayNode nameAndArgs = SocketIoApplication.NODES.arrayNode().add(event);
        nameAndArgs.addAll(args);
        client.send(SocketPacket.event(namespace, nameAndArgs));
    }

    public void ack(long ackId, ArrayNode args) {
        Long id = client.settingsHaveFault(Eio4Fault.ACK_ID_DROPPED) ? null : ackId;
        client.send(new SocketPacket(SocketPacketType.ACK, namespace, 0, id, args));
    }
}
