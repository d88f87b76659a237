package dev.sioconf.server.legacy;

import dev.sioconf.server.ReferenceServer;
import dev.sioconf.server.eio4.Eio4Settings;
import java.net.URI;

/**
 * A running reference server seen from the legacy (socket.io 0.9, protocol revision 1) side. It
 * is a {@link ReferenceServer}, so eio4 answers on the same port with its default settings.
 */
public final class LegacyServer implements AutoCloseable {

    private final ReferenceServer server;

    private LegacyServer(ReferenceServer server) {
        this.server = server;
    }

    /** Starts a server with the server contract as its application, eio4 at the socket.io 4.8 defaults. */
    public static LegacyServer start(LegacySettings settings) throws InterruptedException {
        return new LegacyServer(ReferenceServer.start(settings, Eio4Settings.defaults()));
    }

    public LegacySettings settings() {
        return server.legacySettings();
    }

    public int port() {
        return server.port();
    }

    /** The server's base, e.g. {@code http://127.0.0.1:3000}. */
    public URI baseUri() {
        return server.baseUri();
    }

    public int sessionCount() {
        return server.legacySessionCount();
    }

    @Override
    public void close() {
        server.close();
    }
}
