package dev.sioconf.suite.eio4.deployment;

/** What the deployment cases say when they fail: what was found and what to change, in words. */
public final class Findings {

    public static final String NO_WEBSOCKET = "the front end does not carry WebSocket: offer polling only, as the web-role setup does";
    public static final String NOT_STICKY = "requests of one session reach a server that does not hold it: the nodes behind the front "
            + "end need sticky sessions";
    public static final String POLL_CUT = "the front end ended a held poll before the server answered it: its read timeout must be "
            + "longer than pingInterval";
    public static final String NOT_SHARED = "a broadcast did not reach sockets that other nodes hold: the nodes do not share events, "
            + "they need an adapter (such as @socket.io/redis-adapter)";

    private Findings() {
    }
}
