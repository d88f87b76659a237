package dev.sioconf.server.eio4.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Objects;

/**
 * One Socket.IO 5 packet: {@code <type>[<attachments>-][<namespace>,][<ack id>][<JSON data>]}.
 *
 * <p>Binary values appear in two ways. On the wire a BINARY_EVENT or BINARY_ACK carries
 * placeholders and announces its attachments; that is what {@link SocketPacketCodec#decode}
 * returns. Once the attachments are in, the packet is an EVENT or ACK whose data holds the bytes
 * as binary nodes, as {@link SocketPacketAssembler} hands it out and as
 * {@link SocketPacketCodec#encode} takes it.
 *
 * @param namespace   {@code /} for the main namespace
 * @param attachments the number of attachments a binary type announces; 0 for other types
 * @param ackId       {@code null} when the packet carries none
 * @param data        {@code null} when the packet carries none
 */
public record SocketPacket(SocketPacketType type, String namespace, int attachments, Long ackId, JsonNode data) {

    public static final String MAIN_NAMESPACE = "/";
    /** Above this JavaScript, which holds ack ids as doubles, can no longer echo them exactly. */
    public static final long MAX_ACK_ID = (1L << 53) - 1;

    public SocketPacket {
        Objects.requireNonNull(type);
        namespace = namespace == null ? MAIN_NAMESPACE : namespace;
        if (!namespace.startsWith("/") || namespace.indexOf(',') >= 0) {
            // the comma ends the namespace on the wire, so it could never be read back
            throw new IllegalArgumentException("a namespace starts with / and holds no comma: " + namespace);
        }
        if (type.isBinary() ? attachments < 1 : attachments != 0) {
            throw new IllegalArgumentException(type + " cannot announce " + attachments + " attachments");
        }
        if (ackId != null && !type.takesAckId()) {
            throw new IllegalArgumentException(type + " cannot carry an ack id");
        }
        if (ackId != null && (ackId < 0 || ackId > MAX_ACK_ID)) {
            throw new IllegalArgumentException("ack id out of range: " + ackId);
        }
    }

    /** A CONNECT; {@code data} is the client's auth object or the server's {@code {"sid":...}}, or null. */
    public static SocketPacket connect(String namespace, JsonNode data) {
        return new SocketPacket(SocketPacketType.CONNECT, namespace, 0, null, data);
    }

    public static SocketPacket disconnect(String namespace) {
        return new SocketPacket(SocketPacketType.DISCONNECT, namespace, 0, null, null);
    }

    /** An event; {@code nameAndArgs} holds the event name, then the arguments. */
    public static SocketPacket event(String namespace, ArrayNode nameAndArgs) {
        return new SocketPacket(SocketPacketType.EVENT, namespace, 0, null, Objects.requireNonNull(nameAndArgs));
    }

    public static SocketPacket event(String namespace, long ackId, ArrayNode nameAndArgs) {
        return new SocketPacket(SocketPacketType.EVENT, namespace, 0, ackId, Objects.requireNonNull(nameAndArgs));
    }

    public static SocketPacket ack(String namespace, long ackId, ArrayNode args) {
        return new SocketPacket(SocketPacketType.ACK, namespace, 0, ackId, Objects.requireNonNull(args));
    }

    public static SocketPacket connectError(String namespace, JsonNode data) {
        return new SocketPacket(SocketPacketType.CONNECT_ERROR, namespace, 0, null, data);
    }

    public boolean isMainNamespace() {
        return MAIN_NAMESPACE.equals(namespace);
    }

    public boolean hasAckId() {
        return ackId != null;
    }
}
