package dev.sioconf.suite.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Bytes over a plain socket, for requests no HTTP client would send and for seeing that the server
 * closed a connection without any answer.
 */
public final class RawTcp {

    private RawTcp() {
    }

    /** What came back before the server closed, or {@code null} if it stayed open and silent past {@code bound}. */
    public record Exchange(String received, boolean closedByServer) {
    }

    public static Exchange exchange(URI base, String request, Duration bound, WireLog log) {
        log.sent("tcp", request);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), (int) Http.CONNECT_TIMEOUT.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            socket.setSoTimeout((int) bound.toMillis());
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            boolean closed;
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    got.write(buffer, 0, n);
                }
                closed = true;
            } catch (SocketTimeoutException e) {
                closed = false;
            } catch (IOException e) {
                closed = true; // a reset is a close too
            }
            String text = got.toString(StandardCharsets.UTF_8);
            log.received("tcp", (text.isEmpty() ? "(nothing)" : text) + (closed ? "\n(connection closed by the server)" : "\n(still open after " + bound.toMillis() + " ms)"));
            return new Exchange(text, closed);
        } catch (IOException e) {
            log.note("raw connection failed: " + e.getMessage());
            throw new TargetMisbehaved("could not reach " + base + ": " + e.getMessage(), e);
        }
    }
}
