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

/**
 * Debian's nginx in front of servers on loopback, with one of the configurations of
 * {@code interop/deploy/nginx/}: its scratch folder, logs and pid stay in a temporary folder,
 * it runs in the foreground as this test's child, and {@link #close} stops it.
 */
final class NginxFrontEnd implements AutoCloseable {

    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final Duration START_LIMIT = Duration.ofSeconds(10);

    private final Process process;
    private final URI base;
    private final Path dir;

    private NginxFrontEnd(Process process, URI base, Path dir) {
        this.process = process;
        this.base = base;
        this.dir = dir;
    }

    /** Starts nginx with {@code interop/deploy/nginx/<config>.conf} in front of the servers; refuses at once without nginx. */
    static NginxFrontEnd start(String config, List<URI> servers, Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(NGINX)) {
            throw new IllegalStateException(NGINX + " is missing: apt-get install nginx (.ci/run does)");
        }
        Path template = ServerProcess.interopDir().resolve("deploy/nginx/" + config + ".conf");
        Files.createDirectories(dir);
        // nginx's workers run as nobody when the master is root; they write request bodies here
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        String upstream = servers.stream().map(s -> "server " + s.getHost() + ":" + s.getPort() + ";")
                .collect(Collectors.joining("\n    "));
        // the free port may be taken by someone else before nginx binds it: then once more, on another
        IllegalStateException failed = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            Files.writeString(dir.resolve("nginx.conf"), Files.readString(template).replace("@DIR@", dir.toString())
                    .replace("@PORT@", String.valueOf(port)).replace("@SERVERS@", upstream));
            NginxFrontEnd nginx = new NginxFrontEnd(launch(dir), URI.create("http://127.0.0.1:" + port), dir);
            long deadline = System.nanoTime() + START_LIMIT.toNanos();
            while (!accepts(port) && nginx.process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            if (accepts(port)) {
                return nginx;
            }
            nginx.close();
            failed = new IllegalStateException("nginx (" + config + ") did not start listening on " + port + " within "
                    + START_LIMIT.toSeconds() + " s: " + ServerProcess.tail(dir.resolve("error.log"))
                    + ServerProcess.tail(dir.resolve("nginx.out")));
        }
        throw failed;
    }

    /**
     * nginx in the foreground under a shell that ends with it, and that stops it when this JVM's end
     * of the shell's stdin closes, so that a test JVM that is killed leaves no nginx behind.
     */
    private static Process launch(Path dir) throws IOException {
        String nginx = NGINX + " -p " + dir + " -c " + dir.resolve("nginx.conf") + " -e " + dir.resolve("error.log")
                + " -g 'daemon off;'";
        // fd 3 keeps the shell's stdin: sh gives a background job /dev/null as its stdin
        return new ProcessBuilder("sh", "-c", "exec 3<&0; " + nginx + " & pid=$!; (cat <&3 > /dev/null; kill $pid 2>/dev/null) & wait $pid")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
    }

    URI base() {
        return base;
    }

    Path errorLog() {
        return dir.resolve("error.log");
    }

    @Override
    public void close() {
        ServerProcess.stop(process);
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
