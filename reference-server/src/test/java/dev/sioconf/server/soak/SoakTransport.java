package dev.sioconf.server.soak;

import dev.sioconf.server.ReferenceServer;
import java.io.IOException;

/** Every transport of every profile the soak runs sessions on, with how its client ends a session. */
enum SoakTransport {
    LEGACY_WEBSOCKET("legacy", "websocket", "`0::` frame; the server echoes it and closes",
            (server, n) -> LegacySessions.websocket(server.port(), n)),
    LEGACY_HTMLFILE("legacy", "htmlfile", "POST `0::`; the stream gets `0::` and its last chunk",
            (server, n) -> LegacySessions.htmlfile(server.port(), n)),
    LEGACY_XHR_POLLING("legacy", "xhr-polling", "POST `0::`",
            (server, n) -> LegacySessions.xhrPolling(server.port(), n)),
    LEGACY_JSONP_POLLING("legacy", "jsonp-polling", "GET `?disconnect`",
            (server, n) -> LegacySessions.jsonpPolling(server.port(), n)),
    EIO3_POLLING("eio3", "polling", "POST `41` and `1`; the held poll gets `6`", EngineSessions::eio3Polling),
    EIO3_WEBSOCKET("eio3", "websocket", "`41`, then a close frame (1000)", EngineSessions::eio3WebSocket),
    EIO4_POLLING("eio4", "polling", "POST `41` and `1`; the held poll gets `6`", EngineSessions::eio4Polling),
    EIO4_WEBSOCKET("eio4", "websocket", "`41`, then a close frame (1000)", EngineSessions::eio4WebSocket);

    /** One whole session, numbered {@code n} so that its echo is its own; throws on any deviation. */
    interface Script {
        void run(ReferenceServer server, int n) throws IOException;
    }

    final String profile;
    final String transport;
    final String clientClose;
    final Script script;

    SoakTransport(String profile, String transport, String clientClose, Script script) {
        this.profile = profile;
        this.transport = transport;
        this.clientClose = clientClose;
        this.script = script;
    }
}
