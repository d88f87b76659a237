package dev.sioconf.server.interop;

import dev.sioconf.server.ReferenceServer;
import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.legacy.LegacySettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The servers the eio4 client interop tests run against, and the test matrix built on them:
 * server x client transports x namespace, each combination its own named test.
 */
final class ServersUnderTest {

    static final List<String> NAMESPACES = List.of("/", "/custom");

    private ServersUnderTest() {
    }

    /** Every server under test, by display name. */
    static List<Named<ServerUnderTest.Launcher>> all() {
        List<Named<ServerUnderTest.Launcher>> servers = new ArrayList<>();
        servers.add(Named.of("socket.io 4.8.1", () -> NodeServer.start("modern-server.js")));
        servers.add(referenceServer());
        return servers;
    }

    /** The reference server with default settings (both profiles, both eio4 transports) on a free port. */
    static Named<ServerUnderTest.Launcher> referenceServer() {
        return Named.of("reference server", () -> {
            ReferenceServer server = ReferenceServer.start(
                    LegacySettings.defaults(), Eio4Settings.defaults());
            return new ServerUnderTest() {
                @Override
                public URI baseUri() {
                    return server.baseUri();
                }

                @Override
                public void close() {
                    server.close();
                }
            };
        });
    }

    /**
     * server x transports x namespace, as arguments (launcher, transports, namespace, case label);
     * the label, e.g. "socket.io 4.8.1, polling only, namespace /custom", names the test and its
     * failure messages.
     */
    static Stream<Arguments> matrix() {
        return all().stream().flatMap(server -> Stream.of(ClientTransports.values())
                .flatMap(transports -> NAMESPACES.stream()
                        .map(namespace -> Arguments.of(server, transports, namespace,
                                server.getName() + ", " + transports + ", namespace " + namespace))));
    }
}
