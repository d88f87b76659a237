package dev.sioconf.suite.eio3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;

/**
 * Namespace helpers for the Socket.IO 4 cases of profile eio3 (spec/eio3.md): the main namespace
 * is joined by the server itself, right after the handshake ({@code 40}); any other namespace is
 * asked for with {@code 40/custom,} and answered with exactly that, no sid.
 */
public final class Sio4Packets {

    private Sio4Packets() {
    }

    /**
     * A session on the transport under test, in the main namespace (its implicit CONNECT taken)
     * and in each other namespace given. On {@link EngineTransport#UPGRADE} the namespaces are
     * joined over polling and the session is upgraded afterwards, as socket.io-client 2 does.
     */
    public static EngineConnection joined(EngineTester t, String... namespaces) {
        boolean upgradeAfter = t.transport() == EngineTransport.UPGRADE;
        EngineConnection c = t.open(upgradeAfter ? EngineTransport.POLLING : t.transport());
        c.inbox().assertNextSio("0");
        for (String ns : namespaces) {
            if (!ns.equals("/")) {
                join(c, ns);
            }
        }
        if (upgradeAfter) {
            c.upgrade();
        }
        return c;
    }

    /** Sends {@code 0/custom,} and asserts the answer is exactly the same packet. */
    public static void join(EngineConnection c, String ns) {
        c.sendSio("0" + ns + ",");
        assertThat(c.inbox().nextSio()).as("CONNECT answer on %s", ns).isEqualTo("0" + ns + ",");
    }

    /** What precedes a packet's data: nothing on {@code /}, else {@code /custom,}. */
    public static String ns(String namespace) {
        return EngineConnection.nsPrefix(namespace);
    }
}
