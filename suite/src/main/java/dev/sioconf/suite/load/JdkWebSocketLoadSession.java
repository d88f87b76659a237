package dev.sioconf.suite.load;

import java.net.http.WebSocket;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A session over the JDK's asynchronous WebSocket ({@code --engine jdk}): one text frame per packet, sent one after the
 * other (the JDK allows one outstanding send), read one message at a time.
 */
final class JdkWebSocketLoadSession extends LoadSession implements WebSocket.Listener {

    private final Queue<String> outgoing = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket ws;

    JdkWebSocketLoadSession(LoadRun run, int id) {
        super(run, id);
    }

    @Override
    void connect() {
        webSocketUri().thenCompose(u -> run.http.newWebSocketBuilder().connectTimeout(LoadPlan.NETWORK_BOUND).buildAsync(u, this))
                .whenComplete((socket, e) -> {
                    if (e != null) {
                        fail("websocket: " + LoadRun.describe(e));
                    }
                });
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        ws = webSocket;
        webSocket.request(1);
        drain();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String packet = partial.toString();
            partial.setLength(0);
            onPacket(packet);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
        run.stats.error("unexpected binary frame");
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        fail("server closed the websocket (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")");
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        fail("websocket: " + LoadRun.describe(error));
    }

    @Override
    void transmit(List<String> packets) {
        outgoing.addAll(packets);
        drain();
    }

    private void drain() {
        WebSocket socket = ws;
        while (socket != null && !outgoing.isEmpty() && sending.compareAndSet(false, true)) {
            String next = outgoing.poll();
            if (next == null) {
                sending.set(false);
                continue;
            }
            socket.sendText(next, true).orTimeout(LoadPlan.NETWORK_BOUND.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((w, e) -> {
                        sending.set(false);
                        if (e != null) {
                            fail("websocket send: " + LoadRun.describe(e));
                        } else {
                            drain();
                        }
                    });
            return;
        }
    }

    @Override
    void shutdown() {
        WebSocket socket = ws;
        if (socket == null) {
            return;
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "")
                .orTimeout(2, TimeUnit.SECONDS)
                .whenComplete((w, e) -> socket.abort());
    }
}
