package dev.sioconf.server.legacy.codec;

/** The nine packet types of protocol revision 1, by their wire digit. */
public enum PacketType {
    DISCONNECT, CONNECT, HEARTBEAT, MESSAGE, JSON, EVENT, ACK, ERROR, NOOP;

    public int code() {
        return ordinal();
    }

    public static PacketType ofCode(int code) {
        PacketType[] all = values();
        if (code < 0 || code >= all.length) {
            throw new PacketFormatException("unknown packet type " + code);
        }
        return all[code];
    }
}
