package dev.sioconf.suite.load;

import java.util.Arrays;

/** The network stack a load run's sessions use ({@code --engine}). */
enum LoadEngine {
    /**
     * Netty on the native epoll transport (NIO where epoll cannot load), one event loop per core
     * and no thread per session: built so that the client is not what limits a run.
     */
    NETTY("netty"),
    /** The JDK's HttpClient and WebSocket, the first engine: kept to compare the two. */
    JDK("jdk");

    private final String cliName;

    LoadEngine(String cliName) {
        this.cliName = cliName;
    }

    static LoadEngine of(String name) {
        return Arrays.stream(values()).filter(e -> e.cliName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--engine is netty or jdk, not '" + name + "'"));
    }

    String cliName() {
        return cliName;
    }
}
