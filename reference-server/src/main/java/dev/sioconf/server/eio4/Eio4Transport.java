package dev.sioconf.server.eio4;

import java.util.Arrays;
import java.util.Optional;

/** The two Engine.IO 4 transports, by the name the {@code transport} query parameter gives. */
public enum Eio4Transport {
    POLLING("polling"),
    WEBSOCKET("websocket");

    private final String wireName;

    Eio4Transport(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Eio4Transport> ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
