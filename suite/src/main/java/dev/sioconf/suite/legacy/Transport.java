package dev.sioconf.suite.legacy;

import java.util.Arrays;

/** The transports of protocol revision 1, by wire name. */
public enum Transport {
    WEBSOCKET("websocket"),
    HTMLFILE("htmlfile"),
    XHR_POLLING("xhr-polling"),
    JSONP_POLLING("jsonp-polling"),
    FLASHSOCKET("flashsocket");

    private final String wireName;

    Transport(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean polling() {
        return this == XHR_POLLING || this == JSONP_POLLING;
    }

    public static Transport of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown transport " + wireName));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
