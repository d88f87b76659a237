package dev.sioconf.suite.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.engine.EngineTester;

/**
 * The Engine.IO advisory inputs that read the same in revisions 3 and 4, each with the refusal it
 * expects; the robustness cases of both profiles call them and then open a fresh session.
 */
public final class EngineAttacks {

    /** CVE-2022-41940's request: an upgrade to HTTP/2 over cleartext. */
    static final String H2C_UPGRADE = "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
            + "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n";
    private static final String WEBSOCKET_UPGRADE = "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: DXR4dX615eRds8nRmlhqtw==\r\nSec-WebSocket-Version: 13\r\n\r\n";

    private EngineAttacks() {
    }

    /**
     * CVE-2022-21676: a WebSocket handshake with {@code query}, followed at once by the bytes
     * {@code test} (no valid frame: RSV2 and RSV3 set); the server must close that connection.
     */
    public static void assertHandshakeWithGarbageIsClosed(EngineTester t, String query) {
        try (HostileClient h = HostileClient.connect(t)) {
            h.send("GET " + t.path() + "?" + query + " HTTP/1.1\r\n" + h.hostHeader() + WEBSOCKET_UPGRADE + "test");
            HostileClient.Reply r = h.awaitReply(HostileClient.bound());
            if (!r.closedByServer()) {
                r = h.awaitReply(HostileClient.bound()); // the 101 may have come first as a whole answer
            }
            assertThat(r.closedByServer()).as("the server closed the connection that sent no valid frame within %s ms",
                    HostileClient.bound().toMillis()).isTrue();
        }
    }

    /** CVE-2022-41940: a polling handshake asking to upgrade to h2c gets any answer but {@code 101}. */
    public static void assertH2cUpgradeIsNotSwitched(EngineTester t) {
        try (HostileClient h = HostileClient.connect(t)) {
            h.send("GET " + t.path() + "?" + t.eio() + "&transport=polling HTTP/1.1\r\n" + h.hostHeader() + H2C_UPGRADE);
            HostileClient.Reply r = h.awaitReply(HostileClient.bound());
            assertThat(r.text()).as("answer to an upgrade to h2c").doesNotStartWith("HTTP/1.1 101");
        }
    }

    /** CVE-2022-41940: three h2c upgrades and a WebSocket handshake, each connection reset before its answer. */
    public static void resetConnectionsBeforeTheirAnswer(EngineTester t) {
        for (int i = 0; i < 3; i++) {
            HostileClient h = HostileClient.connect(t);
            h.send("GET " + t.path() + "?" + t.eio() + "&transport=polling HTTP/1.1\r\n" + h.hostHeader() + H2C_UPGRADE);
            h.reset();
        }
        HostileClient h = HostileClient.connect(t);
        h.send("GET " + t.path() + "?" + t.eio() + "&transport=websocket HTTP/1.1\r\n" + h.hostHeader() + WEBSOCKET_UPGRADE);
        h.reset();
    }
}
