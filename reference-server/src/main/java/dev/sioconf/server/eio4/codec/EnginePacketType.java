package dev.sioconf.server.eio4.codec;

/** The seven Engine.IO 4 packet types, by their wire digit. */
public enum EnginePacketType {
    OPEN, CLOSE, PING, PONG, MESSAGE, UPGRADE, NOOP;

    public char digit() {
        return (char) ('0' + ordinal());
    }

    public static EnginePacketType ofDigit(char digit) {
        EnginePacketType[] all = values();
        int code = digit - '0';
        if (code < 0 || code >= all.length) {
            throw new MalformedPacketException("unknown Engine.IO packet type '" + digit + "'");
        }
        return all[code];
    }
}
