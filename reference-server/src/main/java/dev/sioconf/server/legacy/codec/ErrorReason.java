package dev.sioconf.server.legacy.codec;

/** Reasons an error packet names by index. */
public enum ErrorReason {
    TRANSPORT_NOT_SUPPORTED, CLIENT_NOT_HANDSHAKEN, UNAUTHORIZED;

    public int code() {
        return ordinal();
    }
}
