package dev.sioconf.server.robustness;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Request bodies far larger than the server takes: the answer must come while the body is still
 * being sent, which shows that the server refuses it from its head (or its first megabyte) and
 * does not collect it first. A reader runs beside the writer so that the answer is taken as it
 * arrives, even when the server closes before the body has ended.
 */
final class HugeBodies {

    private static final int PIECE = 64 * 1024;

    private HugeBodies() {
    }

    /** {@code Content-Length} of 1 GiB, of which at most 64 KiB are sent. */
    static String announced(Wire w, Profile p) throws Exception {
        String sid = w.engineSession(p);
        String head = "POST " + w.enginePoll(p, sid) + " HTTP/1.1\r\nHost: x\r\nContent-Length: 1073741824\r\n\r\n";
        return send(w, head, false, 1) + " before the body ended; " + w.engineSessionState(p, sid);
    }

    /** A chunked body of up to 16 MiB, sent until the answer comes. */
    static String chunked(Wire w, Profile p) throws Exception {
        String sid = w.engineSession(p);
        String head = "POST " + w.enginePoll(p, sid) + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        String answer = send(w, head, true, 256);
        return answer + " before 16 MiB were sent; " + w.engineSessionState(p, sid);
    }

    /** Sends the head and then up to {@code pieces} pieces, stopping once the answer is in. */
    private static String send(Wire w, String head, boolean chunked, int pieces) throws Exception {
        try (RawHttp c = RawHttp.connect(w.port)) {
            CompletableFuture<RawHttp.Answer> answer = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try {
                    answer.complete(c.read(Wire.BOUND));
                } catch (Exception e) {
                    answer.complete(RawHttp.Answer.none("reader failed: " + e));
                }
            }, "huge-body-reader");
            reader.setDaemon(true); // its own thread: the common pool may have a single worker
            reader.start();
            c.send(head);
            byte[] piece = ("4" + "x".repeat(PIECE - 1)).getBytes(StandardCharsets.US_ASCII);
            byte[] chunkHead = (Integer.toHexString(PIECE) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            int sent = 0;
            while (sent < pieces && !answer.isDone()) {
                try {
                    if (chunked) {
                        c.send(chunkHead).send(piece).send("\r\n");
                    } else {
                        c.send(piece);
                    }
                    sent++;
                    answer.get(2, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // not answered yet: the next piece
                } catch (java.io.IOException e) {
                    break; // the server has closed: the reader has (or will have) its answer
                }
            }
            if (sent == pieces && pieces > 1 && !answer.isDone()) {
                return "no answer while the whole body was sent";
            }
            return answer.get(Wire.BOUND.toMillis() + 1000, TimeUnit.MILLISECONDS).render();
        }
    }
}
