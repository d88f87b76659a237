package dev.sioconf.suite.robustness;

import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.wire.Http;
import dev.sioconf.suite.wire.RawTcp;
import dev.sioconf.suite.wire.TargetMisbehaved;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * A raw connection that sends what no well-behaved client would: a body that stops short of its
 * {@code Content-Length}, bytes that are no WebSocket frame, a reset instead of a close. Each write
 * and what came back go to the case's wire log; big fillers are logged by their size only.
 */
public final class HostileClient implements AutoCloseable {

    /** What the server did within the bound: its answer so far, and whether it closed the connection. */
    public record Reply(String text, boolean closedByServer, boolean wholeAnswer) {

        /** The status of the answer's first line, or -1 when nothing like an HTTP answer came. */
        public int status() {
            if (!text.startsWith("HTTP/1.")) {
                return -1;
            }
            String[] line = text.split("\r\n", 2)[0].split(" ");
            try {
                return line.length > 1 ? Integer.parseInt(line[1]) : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        /** Whether the server did anything at all: answered in full or closed. */
        public boolean reacted() {
            return closedByServer || wholeAnswer;
        }
    }

    private static final int CHUNK = 64 * 1024;

    private final EngineTester t;
    private final Socket socket;
    private boolean writeRefused;

    private HostileClient(EngineTester t, Socket socket) {
        this.t = t;
        this.socket = socket;
    }

    public static HostileClient connect(EngineTester t) {
        URI base = t.target().base();
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(base.getHost(), base.getPort()), (int) Http.CONNECT_TIMEOUT.toMillis());
        } catch (IOException e) {
            throw new TargetMisbehaved("could not reach " + base + ": " + e.getMessage(), e);
        }
        return new HostileClient(t, s);
    }

    /** The {@code Host} header line for this target, with its CRLF. */
    public String hostHeader() {
        URI base = t.target().base();
        return "Host: " + base.getHost() + ":" + base.getPort() + "\r\n";
    }

    /** Writes text as it is (ASCII expected); a server that already closed makes the rest of the writes no-ops. */
    public void send(String text) {
        t.log().sent("tcp", text);
        write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Writes {@code count} bytes of {@code fill}, logged by their size. */
    public void sendFiller(long count, char fill) {
        t.log().sent("tcp", "(" + count + " bytes of '" + fill + "')");
        byte[] chunk = new byte[CHUNK];
        Arrays.fill(chunk, (byte) fill);
        long left = count;
        while (left > 0 && !writeRefused) {
            int n = (int) Math.min(CHUNK, left);
            write(n == CHUNK ? chunk : Arrays.copyOf(chunk, n));
            left -= n;
        }
        if (left > 0) {
            t.log().note("the server stopped taking bytes with " + left + " of them still unsent");
        }
    }

    private void write(byte[] bytes) {
        if (writeRefused) {
            return;
        }
        try {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            writeRefused = true; // the server closed or reset first, which the case then sees
        }
    }

    /** Reads until one whole HTTP answer is in, the server closes, or {@code bound} passes. */
    public Reply awaitReply(Duration bound) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        boolean closed = false;
        boolean whole = false;
        long deadline = System.nanoTime() + bound.toNanos();
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            while (!whole) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                socket.setSoTimeout((int) left);
                int n = in.read(buffer);
                if (n < 0) {
                    closed = true;
                    break;
                }
                got.write(buffer, 0, n);
                whole = RawTcp.wholeAnswer(got.toByteArray());
            }
        } catch (SocketTimeoutException e) {
            // still open and silent
        } catch (IOException e) {
            closed = true; // a reset is a close too
        }
        String text = got.toString(StandardCharsets.ISO_8859_1);
        t.log().received("tcp", (text.isEmpty() ? "(nothing)" : text) + (closed ? "\n(connection closed by the server)"
                : whole ? "\n(answer complete)" : "\n(still open and silent after " + bound.toMillis() + " ms)"));
        return new Reply(text, closed, whole);
    }

    /** Ends the connection with a TCP reset instead of an orderly close. */
    public void reset() {
        t.log().note("resetting the connection (SO_LINGER 0)");
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    /** A bound for the server to react to hostile input: the suite's prompt bound. */
    public static Duration bound() {
        return EngineBounds.PROMPT;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // best effort
        }
    }
}
