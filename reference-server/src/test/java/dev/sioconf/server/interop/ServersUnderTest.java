package dev.sioconf.server.interop;

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
        Named<ServerUnderTest.Launcher> reference = referenceServer();
        if (reference != null) {
            servers.add(reference);
        }
        return servers;
    }

    /**
     * THE SEAM FOR THE eio4 REFERENCE SERVER. It does not exist yet; once it does, replace the
     * body by one line that starts it with default settings (both transports offered) on
     * 127.0.0.1 and a free port, for example:
     *
     * <pre>
     * return Named.of("reference server", () -&gt; ReferenceServerUnderTest.start());
     * </pre>
     *
     * where the returned object adapts the reference server to {@link ServerUnderTest}
     * (baseUri and close). Every interop test of this package then also runs against it.
     */
    static Named<ServerUnderTest.Launcher> referenceServer() {
        return null;
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
