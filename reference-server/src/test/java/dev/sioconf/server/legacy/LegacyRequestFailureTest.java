package dev.sioconf.server.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.server.legacy.codec.Packet;
import dev.sioconf.server.legacy.codec.PacketType;
import dev.sioconf.server.legacy.contract.ServerContract;
import dev.sioconf.server.legacy.http.LegacyRequestHandler;
import dev.sioconf.server.legacy.session.PacketHandler;
import dev.sioconf.server.legacy.session.Session;
import dev.sioconf.server.legacy.session.SessionRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A legacy request the server fails on is still answered (a 500, then the connection closes) and
 * only its own session is touched; a stray {@code %} in a query, a path or a jsonp form is read as
 * a literal {@code %} instead of making the server fail. Each request goes through netty's own
 * HTTP codec on its own channel, so the wire text in and out is exact.
 */
class LegacyRequestFailureTest {

    private static final Pattern HANDSHAKE_BODY = Pattern.compile("\r\n\r\n([0-9]{20}):60:60:");

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final LegacySettings settings = LegacySettings.defaults();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    /** The server contract, except that the message {@code boom} makes the application throw. */
    static final class ThrowingContract implements PacketHandler {
        private final ServerContract contract = new ServerContract();

        @Override
        public void onPacket(Session session, Packet packet) {
            if (packet.type() == PacketType.MESSAGE && packet.data().equals("boom")) {
                throw new IllegalStateException("application failed on a message");
            }
            contract.onPacket(session, packet);
        }
    }

    /** What one connection carrying one request got back, and whether the server closed it. */
    record Exchange(String wire, boolean closed) {
    }

    private Exchange exchange(SessionRegistry sessions, String request) {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                new LegacyRequestHandler(settings, sessions));
        channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.UTF_8));
        channel.runPendingTasks();
        StringBuilder wire = new StringBuilder();
        for (ByteBuf out; (out = channel.readOutbound()) != null; ) {
            wire.append(out.toString(StandardCharsets.UTF_8));
            out.release();
        }
        return new Exchange(wire.toString(), !channel.isOpen());
    }

    private static String get(String uri) {
        return "GET " + uri + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    private static String post(String uri, String contentType, String body) {
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        return "POST " + uri + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + length + "\r\n\r\n" + body;
    }

    private static String ok(String contentType, String body) {
        return "HTTP/1.1 200 OK\r\ncontent-type: " + contentType + "\r\ncontent-length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nconnection: keep-alive\r\n\r\n" + body;
    }

    private String handshake(SessionRegistry sessions, String uri) {
        String wire = exchange(sessions, get(uri)).wire();
        Matcher m = HANDSHAKE_BODY.matcher(wire);
        assertThat(m.find()).as("a handshake answer: %s", wire).isTrue();
        return m.group(1);
    }

    @Test
    void an_application_failing_on_a_posted_message_gets_the_post_a_500_and_leaves_other_sessions_alone() {
        SessionRegistry sessions = new SessionRegistry(settings, timer, new ThrowingContract());
        String failing = handshake(sessions, "/socket.io/1/?t=1");
        String other = handshake(sessions, "/socket.io/1/?t=2");

        Exchange failed = exchange(sessions, post("/socket.io/1/xhr-polling/" + failing, "text/plain", "3:::boom"));
        assertThat(failed.wire()).isEqualTo(
                "HTTP/1.1 500 Internal Server Error\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
        assertThat(failed.closed()).as("connection closed after the 500").isTrue();

        String otherPath = "/socket.io/1/xhr-polling/" + other;
        assertThat(exchange(sessions, get(otherPath)).wire()).isEqualTo(ok("text/plain; charset=UTF-8", "1::"));
        assertThat(exchange(sessions, post(otherPath, "text/plain", "3:::hi")).wire())
                .isEqualTo(ok("text/plain; charset=UTF-8", "1"));
        assertThat(exchange(sessions, get(otherPath)).wire()).isEqualTo(ok("text/plain; charset=UTF-8", "3:::hi"));
    }

    @Test
    void a_stray_percent_in_the_handshake_query_is_read_as_a_literal_percent() {
        SessionRegistry sessions = new SessionRegistry(settings, timer, new ServerContract());
        // netty's query decoder threw on this and the request was never answered
        Exchange handshake = exchange(sessions, get("/socket.io/1/?t=%zz&jsonp=%"));
        assertThat(handshake.wire()).matches("HTTP/1\\.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 71\r\n"
                + "connection: keep-alive\r\n\r\n[0-9]{20}:60:60:websocket,htmlfile,xhr-polling,jsonp-polling");
        assertThat(handshake.closed()).isFalse();
    }

    @Test
    void a_stray_percent_in_the_session_id_names_an_unknown_session() {
        SessionRegistry sessions = new SessionRegistry(settings, timer, new ServerContract());
        assertThat(exchange(sessions, get("/socket.io/1/xhr-polling/12%zz?t=%")).wire())
                .isEqualTo(ok("text/plain; charset=UTF-8", "7:::1+0"));
    }

    @Test
    void a_stray_percent_in_a_jsonp_form_post_is_kept_in_the_posted_message() {
        SessionRegistry sessions = new SessionRegistry(settings, timer, new ServerContract());
        String path = "/socket.io/1/jsonp-polling/" + handshake(sessions, "/socket.io/1/?t=1");
        assertThat(exchange(sessions, get(path + "?i=0")).wire())
                .isEqualTo(ok("text/javascript; charset=UTF-8", "io.j[0](\"1::\");"));
        // d="3:::a%zz", its quotes and colons escaped and its stray % left as it is
        assertThat(exchange(sessions, post(path + "?t=%G0", "application/x-www-form-urlencoded",
                "d=%223%3A%3A%3Aa%zz%22")).wire()).isEqualTo(ok("text/plain; charset=UTF-8", "1"));
        assertThat(exchange(sessions, get(path + "?i=0")).wire())
                .isEqualTo(ok("text/javascript; charset=UTF-8", "io.j[0](\"3:::a%zz\");"));
    }
}
