package dev.sioconf.server.eio4.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sioconf.server.eio4.Eio4Fault;
import dev.sioconf.server.eio4.codec.SocketPacket;
import dev.sioconf.server.eio4.codec.SocketPacketType;
import java.util.ArrayList;
import java.util.List;

/** One client's membership of one namespace, as the application sees it. */
public final class NamespaceSocket {

    private final SocketIoClient client;
    private final String namespace;
    private final String id;
    /** Events that came before the application saw the connection; null once it has. */
    private List<Runnable> waiting = new ArrayList<>();

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

    /** Runs {@code work} now if the application has seen the connection, else right after it has. */
    void whenStarted(Runnable work) {
        if (waiting == null) {
            work.run();
        } else {
            waiting.add(work);
        }
    }

    /** The application has seen the connection: what waited for that runs, in arrival order. */
    void started() {
        List<Runnable> ready = waiting;
        waiting = null;
        if (ready != null) {
            ready.forEach(Runnable::run);
        }
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
