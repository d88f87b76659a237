package dev.sioconf.suite.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's redis-server on a free loopback port, in memory only, for the nodes of a cluster to
 * share events through {@code @socket.io/redis-adapter}; {@link #close} stops it.
 */
final class Redis implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/redis-server");
    static final Duration START_LIMIT = Duration.ofSeconds(10);

    private final Process process;
    private final int port;

    private Redis(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Redis start(Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install redis-server (.ci/run does)");
        }
        Files.createDirectories(dir);
        IllegalStateException failed = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = FrontEnd.freePort();
            Path out = dir.resolve("redis.out");
            Redis redis = new Redis(FrontEnd.launch(BINARY + " --bind 127.0.0.1 --port " + port + " --save '' --appendonly no"
                    + " --dir " + dir, out), port);
            long deadline = System.nanoTime() + START_LIMIT.toNanos();
            while (!FrontEnd.accepts(port) && redis.process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            if (FrontEnd.accepts(port)) {
                return redis;
            }
            redis.close();
            failed = new IllegalStateException("redis-server did not start listening on " + port + " within "
                    + START_LIMIT.toSeconds() + " s: " + ServerProcess.tail(out));
        }
        throw failed;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        ServerProcess.stop(process);
    }
}
