package dev.sioconf.server.eio4.socket;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where Socket.IO 5 (eio4, {@link Sio5NamespaceRules}) and Socket.IO 4 (eio3, socket.io 2.x,
 * {@link Sio4NamespaceRules}) part ways: how a session joins namespaces, how a CONNECT is
 * answered or refused, and what a packet for a namespace not joined does. Events, acks and
 * binary attachments are the same in both and stay in {@link SocketIoApplication}.
 */
interface NamespaceRules {

    /** The Engine.IO session has opened. */
    void onOpen(SocketIoApplication app, SocketIoClient client);

    /** The namespace a CONNECT names, without what the revision lets a client add to it. */
    String connectNamespace(String namespace);

    /** A CONNECT for a namespace the server has. */
    void connect(SocketIoApplication app, SocketIoClient client, String namespace, JsonNode data);

    /** A CONNECT for a namespace the server does not have. */
    void refuseUnknown(SocketIoClient client, String namespace);

    /** A packet for a namespace the client has not joined. */
    void notJoined(SocketIoClient client, String namespace, String what);
}
