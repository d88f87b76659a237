package dev.sioconf.suite.interop;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A reverse proxy from Debian's packages, nginx or HAProxy, in front of servers on loopback, with
 * one of the configurations of {@code interop/deploy/<proxy>/}: its scratch files and logs stay in
 * a temporary folder, it runs in the foreground as this test's child, and {@link #close} stops it.
 */
final class FrontEnd implements AutoCloseable {

    static final Duration START_LIMIT = Duration.ofSeconds(10);

    /** A proxy: its binary, how it runs a configuration in the foreground, and how its configuration names a server. */
    enum Proxy {
        NGINX("nginx", Path.of("/usr/sbin/nginx")) {
            @Override
            String command(Path dir) {
                return binary + " -p " + dir + " -c " + dir.resolve("proxy.conf") + " -e " + dir.resolve("error.log") + " -g 'daemon off;'";
            }

            @Override
            String server(int i, URI uri) {
                return "server " + uri.getHost() + ":" + uri.getPort() + ";";
            }
        },
        HAPROXY("haproxy", Path.of("/usr/sbin/haproxy")) {
            @Override
            String command(Path dir) {
                return binary + " -db -f " + dir.resolve("proxy.conf");
            }

            @Override
            String server(int i, URI uri) {
                return "server node" + (i + 1) + " " + uri.getHost() + ":" + uri.getPort();
            }
        };

        final String name;
        final Path binary;

        Proxy(String name, Path binary) {
            this.name = name;
            this.binary = binary;
        }

        abstract String command(Path dir);

        abstract String server(int i, URI uri);
    }

    private final Process process;
    private final URI base;

    private FrontEnd(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /**
     * Starts the proxy with {@code interop/deploy/<proxy>/<config>.conf} in front of the servers
     * (placeholders {@code @DIR@}, {@code @PORT@}, {@code @SERVERS@}); refuses at once when the
     * proxy is not installed.
     */
    static FrontEnd start(Proxy proxy, String config, List<URI> servers, Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(proxy.binary)) {
            throw new IllegalStateException(proxy.binary + " is missing: apt-get install " + proxy.name + " (.ci/run does)");
        }
        Path template = ServerProcess.interopDir().resolve("deploy/" + proxy.name + "/" + config + ".conf");
        Files.createDirectories(dir);
        // nginx's workers run as nobody when the master is root; they write request bodies here
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        String upstream = IntStream.range(0, servers.size()).mapToObj(i -> proxy.server(i, servers.get(i)))
                .collect(Collectors.joining("\n    "));
        // the free port may be taken by someone else before the proxy binds it: then once more, on another
        IllegalStateException failed = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            Files.writeString(dir.resolve("proxy.conf"), Files.readString(template).replace("@DIR@", dir.toString())
                    .replace("@PORT@", String.valueOf(port)).replace("@SERVERS@", upstream));
            FrontEnd frontEnd = new FrontEnd(launch(proxy.command(dir), dir.resolve("proxy.out")), URI.create("http://127.0.0.1:" + port));
            long deadline = System.nanoTime() + START_LIMIT.toNanos();
            while (!accepts(port) && frontEnd.process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            if (accepts(port)) {
                return frontEnd;
            }
            frontEnd.close();
            failed = new IllegalStateException(proxy.name + " (" + config + ") did not start listening on " + port + " within "
                    + START_LIMIT.toSeconds() + " s: " + ServerProcess.tail(dir.resolve("error.log"))
                    + ServerProcess.tail(dir.resolve("proxy.out")));
        }
        throw failed;
    }

    /**
     * A command in the foreground under a shell that ends with it, and that stops it when this
     * JVM's end of the shell's stdin closes, so that a test JVM that is killed leaves nothing behind.
     */
    static Process launch(String command, Path out) throws IOException {
        // fd 3 keeps the shell's stdin: sh gives a background job /dev/null as its stdin
        return new ProcessBuilder("sh", "-c", "exec 3<&0; " + command
                + " & pid=$!; (cat <&3 > /dev/null; kill $pid 2>/dev/null) & wait $pid")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    }

    URI base() {
        return base;
    }

    @Override
    public void close() {
        ServerProcess.stop(process);
    }

    static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
