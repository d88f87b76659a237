package dev.sioconf.suite.eio4;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.wire.TargetMisbehaved;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Helpers for the Socket.IO-layer cases (spec/eio4.md sections 16 to 23): joining namespaces the
 * way the server contract answers (CONNECT answer, then the {@code auth} event), reading CONNECT
 * answers strictly, comparing JSON data as values, and waiting for the session to end. The eio3
 * cases use the JSON, binary and end-of-session helpers too, where Socket.IO 4 and 5 agree; their
 * namespace helpers are in {@link dev.sioconf.suite.eio3.Sio4Packets}.
 */
public final class SocketIoPackets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SocketIoPackets() {
    }

    // ---- namespaces ---------------------------------------------------------------------------

    /**
     * A session on the transport under test that has joined each namespace given (answer and auth
     * event taken). On {@link EngineTransport#UPGRADE} the namespaces are joined over polling and the
     * session is upgraded afterwards, as socket.io-client does (it sends its CONNECT at once and
     * upgrades in the background): upgrading first would race the declared connectTimeout, which
     * a slow upgrade on a loaded machine can lose.
     */
    public static EngineConnection joined(EngineTester t, String... namespaces) {
        boolean upgradeAfter = t.transport() == EngineTransport.UPGRADE;
        EngineConnection c = t.open(upgradeAfter ? EngineTransport.POLLING : t.transport());
        for (String ns : namespaces) {
            join(c, ns);
        }
        if (upgradeAfter) {
            c.upgrade();
        }
        return c;
    }

    /** Sends a CONNECT without auth for {@code ns}, checks the answer and the {@code auth} event; returns the socket id. */
    public static String join(EngineConnection c, String ns) {
        String sid = assertConnectAnswer(c.connect(ns), ns);
        c.inbox().assertNextSio("2" + EngineConnection.nsPrefix(ns) + "[\"auth\",{}]");
        return sid;
    }

    /**
     * Asserts that {@code packet} is the CONNECT answer of SIO5-18.2 on {@code ns}: exactly
     * {@code 0<ns,>{"sid":"..."}} with a non-empty string sid and no other member; returns the sid.
     */
    public static String assertConnectAnswer(String packet, String ns) {
        String prefix = "0" + EngineConnection.nsPrefix(ns);
        assertThat(packet).as("CONNECT answer on %s", ns).startsWith(prefix + "{");
        JsonNode data = json(packet.substring(prefix.length()), packet);
        List<String> members = new ArrayList<>();
        data.fieldNames().forEachRemaining(members::add);
        assertThat(members).as("members of the CONNECT answer %s", packet).containsExactly("sid");
        assertThat(data.get("sid").isTextual()).as("sid of %s is a string", packet).isTrue();
        assertThat(data.get("sid").asText()).as("sid of %s", packet).isNotEmpty();
        return data.get("sid").asText();
    }

    // ---- JSON ---------------------------------------------------------------------------------

    /** Parses JSON text; text that is not JSON fails the case, naming the packet it came from. */
    public static JsonNode json(String text, String packet) {
        try {
            JsonNode n = JSON.readTree(text);
            if (n == null) {
                throw new AssertionError("no JSON data in " + Eio4Codec.visible(packet));
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new AssertionError("the data of " + Eio4Codec.visible(packet) + " is not JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Asserts a Socket.IO packet made of exactly {@code head} (type, attachment count, namespace,
     * ack id) followed by JSON data equal as a value to {@code expectedJson} (object members in any order).
     */
    public static void assertPacket(String packet, String head, String expectedJson) {
        assertThat(packet).as("Socket.IO packet").startsWith(head);
        String data = packet.substring(head.length());
        assertThat(data).as("JSON data of %s", packet).matches("[\\[{].*");
        assertThat(json(data, packet)).as("JSON data of %s (compared as a value)", packet).isEqualTo(json(expectedJson, expectedJson));
    }

    /** The next Socket.IO packet, compared as in {@link #assertPacket}. */
    public static void assertNextPacket(EngineConnection c, String head, String expectedJson) {
        assertPacket(c.inbox().nextSio(), head, expectedJson);
    }

    /**
     * Reads the next two Socket.IO packets and asserts they are {@code a} and {@code b} in either
     * order (each as head + JSON value); for SIO5-23.4, where the echo event and its ACK may come in either order.
     */
    public static void assertNextTwoInEitherOrder(EngineConnection c, String headA, String jsonA, String headB, String jsonB) {
        String first = c.inbox().nextSio();
        String second = c.inbox().nextSio();
        if (first.startsWith(headB) && !first.startsWith(headA)) {
            String s = first;
            first = second;
            second = s;
        }
        assertPacket(first, headA, jsonA);
        assertPacket(second, headB, jsonB);
    }

    // ---- binary -------------------------------------------------------------------------------

    /** The placeholder of attachment {@code n}, exactly as SIO5-20.1 writes it. */
    public static String placeholder(int n) {
        return "{\"_placeholder\":true,\"num\":" + n + "}";
    }

    /** Asserts the next message is a binary attachment holding exactly {@code expected}. */
    public static void assertNextAttachment(EngineConnection c, byte... expected) {
        assertThat(c.inbox().nextAttachment()).as("attachment").containsExactly(expected);
    }

    public static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    // ---- the end of a session -----------------------------------------------------------------

    /**
     * Asserts that the session ends within {@code bound} (WebSocket closed, a poll answered
     * {@code 1} or refused) and that no packet other than pings, noops and the close packet
     * {@code 1} came before its end.
     */
    public static void assertClosedWithoutAnswer(EngineConnection c, Duration bound, String why) {
        assertThat(c.inbox().awaitClosed(bound)).as("the session ended within %s ms: %s", bound.toMillis(), why).isTrue();
        while (true) {
            String p;
            try {
                p = c.inbox().next(Duration.ofMillis(1));
            } catch (TargetMisbehaved theEnd) {
                return;
            }
            assertThat(Eio4Codec.visible(p)).as("packet received before the session ended (%s)", why).isEqualTo("1");
        }
    }

    /**
     * How long a session may take to be closed "at once" (SIO5-18.9): the prompt bound, but never
     * so long that the connect timer, started at the handshake ({@code openedAt}, a
     * {@link System#nanoTime()} taken before it), could have closed it instead. When opening the
     * session took so long (a loaded machine, an upgrade) that less than {@link #MIN_TELLING} is
     * left, the two cannot be told apart: the case then only requires the session to end, and says so
     * in the wire log.
     */
    public static Duration atOnce(EngineTester t, long openedAt) {
        Duration byConnectTimer = t.settings().connectTimeout().minus(EngineBounds.EARLY)
                .minusNanos(System.nanoTime() - openedAt);
        if (byConnectTimer.compareTo(MIN_TELLING) < 0) {
            t.log().note("only " + byConnectTimer.toMillis() + " ms left before the connect timer could fire: "
                    + "an immediate close cannot be told from it, so any close within " + EngineBounds.PROMPT.toMillis() + " ms passes");
            return EngineBounds.PROMPT;
        }
        return byConnectTimer.compareTo(EngineBounds.PROMPT) < 0 ? byConnectTimer : EngineBounds.PROMPT;
    }

    /** The least time left before the connect timer for which "at once" is checked against it. */
    static final Duration MIN_TELLING = Duration.ofMillis(400);

    /** Waits for the next ping after this call (answered by the connection), proving the session is still up. */
    public static void awaitNextPing(EngineTester t, EngineConnection c) {
        int before = c.inbox().pings();
        long deadline = System.nanoTime() + t.bounds().pollAnswer().toNanos();
        t.log().note("waiting up to " + t.bounds().pollAnswer().toMillis() + " ms for the next ping");
        while (c.inbox().pings() == before && c.inbox().closedBecause() == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TargetMisbehaved("interrupted");
            }
        }
        assertThat(c.inbox().closedBecause()).as("the session must stay open").isNull();
        assertThat(c.inbox().pings()).as("a ping within %s ms", t.bounds().pollAnswer().toMillis()).isGreaterThan(before);
    }
}
