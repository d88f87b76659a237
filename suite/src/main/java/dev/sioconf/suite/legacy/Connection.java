package dev.sioconf.suite.legacy;

import java.util.List;

/**
 * A session on one transport, driven as a real client drives it: it keeps listening, answers
 * heartbeats, and hands every other packet to its {@link PacketRecorder}.
 */
public abstract class Connection implements AutoCloseable {

    protected final LegacyTester tester;
    protected final String sid;
    protected final Transport transport;
    private final PacketRecorder inbox = new PacketRecorder();

    protected Connection(LegacyTester tester, String sid, Transport transport) {
        this.tester = tester;
        this.sid = sid;
        this.transport = transport;
    }

    public String sid() {
        return sid;
    }

    public Transport transport() {
        return transport;
    }

    public PacketRecorder inbox() {
        return inbox;
    }

    /** Sends packets in one body or frame, framed when more than one. */
    public void send(String... packets) {
        sendPayload(WirePackets.frame(List.of(packets)));
    }

    /** Joins an endpoint: sends {@code 1::<endpoint>} and takes the server's confirmation. */
    public void join(String endpoint) {
        send("1::" + endpoint);
        inbox.assertNext("1::" + endpoint);
    }

    /** Sends a body or frame exactly as given. */
    public abstract void sendPayload(String payload);

    /** Stops listening and answering without telling the server, as a client that vanished. */
    public abstract void abandon();

    @Override
    public void close() {
        abandon();
    }

    /** A body or frame from the server. */
    protected void received(String payload) {
        for (String packet : WirePackets.split(payload)) {
            if (packet.equals("2::")) {
                sendPayload("2::");
            }
            inbox.add(packet);
            // An error or disconnect on the default endpoint ends the session; one on a named endpoint does not.
            if (packet.startsWith("7:::") || packet.equals("0::")) {
                inbox.closed("server sent " + packet);
            }
        }
    }

    protected void ended(String why) {
        inbox.closed(why);
    }
}
