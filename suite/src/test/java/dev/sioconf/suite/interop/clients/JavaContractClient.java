package dev.sioconf.suite.interop.clients;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Manager;
import io.socket.client.Socket;
import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client contract of spec/eio4-client.md section 1 on io.socket:socket.io-client 2.1.2, the
 * Java client: {@code SIOCONF_URL=... java -cp <test classpath> dev.sioconf.suite.interop.clients.JavaContractClient}.
 * Runs until it is stopped.
 */
public final class JavaContractClient {

    private JavaContractClient() {
    }

    public static void main(String[] args) throws InterruptedException {
        String url = System.getenv("SIOCONF_URL");
        if (url == null) {
            System.err.println("SIOCONF_URL is not set");
            System.exit(2);
        }
        Manager manager = new Manager(URI.create(url), new Manager.Options());
        Socket socket = manager.socket("/");
        AtomicInteger connections = new AtomicInteger();
        socket.on(Socket.EVENT_CONNECT, a -> socket.emit("hello", connections.incrementAndGet()));
        socket.on(Socket.EVENT_DISCONNECT, a -> socket.emit("offline", a.length > 0 ? String.valueOf(a[0]) : ""));
        socket.on("echo", a -> echo(socket, a, true));
        socket.on("ask", a -> socket.emit("answer", new Object[0], (Ack) reply -> socket.emit("answered", reply)));
        socket.on("join", a -> {
            String nsp = String.valueOf(a[0]);
            Socket other = manager.socket(nsp);
            other.on(Socket.EVENT_CONNECT, x -> other.emit("joined"));
            other.on(Socket.EVENT_CONNECT_ERROR, e -> socket.emit("refused", nsp, message(e)));
            other.on("echo", x -> echo(other, x, false));
            other.connect();
        });
        socket.on("burst", a -> {
            int count = ((Number) a[0]).intValue();
            String text = "x".repeat(((Number) a[1]).intValue());
            for (int i = 0; i < count; i++) {
                socket.emit("bulk", text);
            }
        });
        socket.connect();
        new CountDownLatch(1).await();
    }

    private static void echo(Socket socket, Object[] args, boolean backWhenNoAck) {
        if (args.length > 0 && args[args.length - 1] instanceof Ack ack) {
            ack.call(Arrays.copyOf(args, args.length - 1));
        } else if (backWhenNoAck) {
            socket.emit("echo-back", args);
        }
    }

    private static String message(Object[] error) {
        if (error.length == 0) {
            return "";
        }
        Object e = error[0];
        if (e instanceof org.json.JSONObject json) {
            return json.optString("message", json.toString());
        }
        return e instanceof Exception ex ? ex.getMessage() : String.valueOf(e);
    }
}
