package dev.sioconf.server.eio4.codec;

/** The seven Socket.IO 5 packet types, by their wire digit. */
public enum SocketPacketType {
    CONNECT, DISCONNECT, EVENT, ACK, CONNECT_ERROR, BINARY_EVENT, BINARY_ACK;

    public char digit() {
        return (char) ('0' + ordinal());
    }

    /** True for the types that announce attachments and carry placeholders. */
    public boolean isBinary() {
        return this == BINARY_EVENT || this == BINARY_ACK;
    }

    /** True for the events and acknowledgements, the only packets an ack id belongs on. */
    public boolean takesAckId() {
        return this == EVENT || this == ACK || isBinary();
    }

    public static SocketPacketType ofDigit(char digit) {
        SocketPacketType[] all = values();
        int code = digit - '0';
        if (code < 0 || code >= all.length) {
            throw new MalformedPacketException("unknown Socket.IO packet type '" + digit + "'");
        }
        return all[code];
    }
}
