package dev.sioconf.suite.legacy;

import dev.sioconf.suite.wire.WebSocketWire;
import java.time.Duration;

/** websocket: one packet or framed payload per text frame, both ways. */
final class WebSocketConnection extends Connection {

    private final WebSocketWire ws;
    private volatile boolean stopped;

    WebSocketConnection(LegacyTester tester, String sid, WebSocketWire ws) {
        super(tester, sid, Transport.WEBSOCKET);
        this.ws = ws;
        Thread pump = new Thread(this::pump, "sioconf-ws-" + sid);
        pump.setDaemon(true);
        pump.start();
    }

    private void pump() {
        try {
            while (!stopped) {
                String frame = ws.poll(Duration.ofMillis(100));
                if (frame != null) {
                    received(frame);
                } else if (!ws.isOpen()) {
                    ended("websocket closed");
                    return;
                }
            }
        } catch (AssertionError e) {
            // e.g. answering a heartbeat on a socket the server has just closed
            ended(e.getMessage());
        }
    }

    /** One frame per packet, as 0.9 clients send them: a framed payload in one frame is only a MAY (LEG-8.4). */
    @Override
    public void send(String... packets) {
        for (String packet : packets) {
            ws.send(packet);
        }
    }

    @Override
    public void sendPayload(String payload) {
        ws.send(payload);
    }

    @Override
    public void abandon() {
        stopped = true;
        ws.close();
    }

    WebSocketWire wire() {
        return ws;
    }
}
