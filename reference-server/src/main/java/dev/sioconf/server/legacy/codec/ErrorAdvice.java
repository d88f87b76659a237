package dev.sioconf.server.legacy.codec;

/** Advice an error packet gives by index. */
public enum ErrorAdvice {
    RECONNECT;

    public int code() {
        return ordinal();
    }
}
