package dev.sioconf.server.legacy.codec;

import dev.sioconf.server.json.JsonString;
import java.util.Objects;

/**
 * One packet as it stands on the wire: {@code type:id[+]:endpoint[:data]}.
 *
 * @param type     the packet type
 * @param id       the message id, empty when the packet asks for no acknowledgement
 * @param dataAck  true when the id carries {@code +}: the acknowledgement must carry data
 * @param endpoint the endpoint (namespace), empty for the default one
 * @param data     the type-specific data, empty when absent
 */
public record Packet(PacketType type, String id, boolean dataAck, String endpoint, String data) {

    public static final String NOOP = "8::";
    public static final String HEARTBEAT = "2::";

    public Packet {
        Objects.requireNonNull(type);
        id = id == null ? "" : id;
        endpoint = endpoint == null ? "" : endpoint;
        data = data == null ? "" : data;
        if (dataAck && id.isEmpty()) {
            throw new IllegalArgumentException("a data ack needs a message id");
        }
    }

    public static Packet of(PacketType type, String endpoint, String data) {
        return new Packet(type, "", false, endpoint, data);
    }

    public static Packet connect(String endpoint) {
        return of(PacketType.CONNECT, endpoint, "");
    }

    public static Packet disconnect(String endpoint) {
        return of(PacketType.DISCONNECT, endpoint, "");
    }

    public static Packet message(String endpoint, String text) {
        return of(PacketType.MESSAGE, endpoint, text);
    }

    public static Packet json(String endpoint, String json) {
        return of(PacketType.JSON, endpoint, json);
    }

    /** An event; {@code argsJson} is a JSON array or empty for no arguments. */
    public static Packet event(String endpoint, String name, String argsJson) {
        String args = argsJson == null || argsJson.isEmpty() || argsJson.equals("[]") ? "" : ",\"args\":" + argsJson;
        return of(PacketType.EVENT, endpoint, "{\"name\":" + JsonString.quote(name) + args + "}");
    }

    /** An acknowledgement of message {@code ackId}; {@code argsJson} is a JSON array or empty for none. */
    public static Packet ack(String endpoint, String ackId, String argsJson) {
        boolean withArgs = argsJson != null && !argsJson.isEmpty() && !argsJson.equals("[]");
        return of(PacketType.ACK, endpoint, withArgs ? ackId + "+" + argsJson : ackId);
    }

    public static Packet error(String endpoint, ErrorReason reason, ErrorAdvice advice) {
        return of(PacketType.ERROR, endpoint, reason.code() + (advice == null ? "" : "+" + advice.code()));
    }
}
