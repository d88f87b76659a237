package dev.sioconf.server.eio4.socket;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The rooms of the deployment contract (spec/eio4.md section 24): sockets joined by name within
 * their namespace, and broadcasts to them. A broadcast is delivered from a thread of its own: the
 * sender's session is locked while its packet is handled, and taking the other sessions' locks
 * from there could deadlock against a broadcast coming the other way.
 */
final class Rooms {

    private static final ExecutorService DELIVERY = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sioconf-room-broadcasts");
        t.setDaemon(true);
        return t;
    });

    private final Map<String, Set<NamespaceSocket>> members = new ConcurrentHashMap<>();

    void join(NamespaceSocket socket, String room) {
        members.compute(key(socket.namespace(), room), (k, sockets) -> {
            Set<NamespaceSocket> in = sockets == null ? ConcurrentHashMap.newKeySet() : sockets;
            in.add(socket);
            return in;
        });
    }

    /** Takes a socket that left its namespace, or whose session ended, out of every room. */
    void leaveAll(NamespaceSocket socket) {
        for (String key : members.keySet()) {
            members.computeIfPresent(key, (k, sockets) -> sockets.remove(socket) && sockets.isEmpty() ? null : sockets);
        }
    }

    /** Sends the event to every socket in the room, the sender too when it is a member. */
    void broadcast(String namespace, String room, String event, ArrayNode args) {
        List<NamespaceSocket> to = List.copyOf(members.getOrDefault(key(namespace, room), Set.of()));
        DELIVERY.execute(() -> to.forEach(s -> s.emit(event, args)));
    }

    private static String key(String namespace, String room) {
        return namespace + "\u0000" + room;
    }
}
