package dev.sioconf.server.eio4.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.server.eio4.Eio4Running;
import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.eio4.codec.EnginePacket;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request the server fails on is still answered (500, then the connection closes), and only
 * its own session is touched; a stray {@code %} in a query or a JSONP form no longer makes the
 * server fail at all.
 */
class Eio4RequestFailureTest {

    private static final String POLLING = "/engine.io/?EIO=4&transport=polling";
    private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    /** Echoes, except that the message {@code boom} throws, and opening throws when told to. */
    static final class ThrowingApplication implements EngineApplication {
        volatile boolean throwOnOpen;

        @Override
        public void onOpen(EngineSession session) {
            if (throwOnOpen) {
                throw new IllegalStateException("application failed to open");
            }
        }

        @Override
        public void onMessage(EngineSession session, EnginePacket message) {
            if ("boom".equals(message.text())) {
                throw new IllegalStateException("application failed on a message");
            }
            session.send(message);
        }

        @Override
        public void onClose(EngineSession session, String reason) {
        }
    }

    private static FullHttpResponse exchange(EngineEndpoint endpoint, FullHttpRequest request, boolean[] closed) {
        EmbeddedChannel channel = new EmbeddedChannel(new Eio4RequestHandler(endpoint));
        channel.writeInbound(request);
        channel.runPendingTasks();
        FullHttpResponse response = channel.readOutbound();
        closed[0] = !channel.isOpen();
        return response;
    }

    private static FullHttpRequest get(String uri) {
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
    }

    private static FullHttpRequest post(String uri, String body) {
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, uri,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        req.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain;charset=UTF-8");
        return req;
    }

    private static String sid(FullHttpResponse handshake) {
        Matcher m = SID.matcher(handshake.content().toString(StandardCharsets.UTF_8));
        assertThat(m.find()).as("sid in " + handshake).isTrue();
        return m.group(1);
    }

    @Test
    void an_application_failing_on_a_message_gets_the_post_a_500_and_leaves_other_sessions_alone() {
        EngineEndpoint endpoint = new EngineEndpoint(Eio4Settings.defaults(), timer, new ThrowingApplication());
        boolean[] closed = new boolean[1];
        String failing = sid(exchange(endpoint, get(POLLING), closed));
        String other = sid(exchange(endpoint, get(POLLING), closed));

        FullHttpResponse failed = exchange(endpoint, post(POLLING + "&sid=" + failing, "4boom"), closed);
        assertThat(failed.status().code()).isEqualTo(500);
        assertThat(failed.headers().get(HttpHeaderNames.CONNECTION)).isEqualToIgnoringCase("close");
        assertThat(closed[0]).as("connection closed after the 500").isTrue();

        assertThat(exchange(endpoint, post(POLLING + "&sid=" + other, "4hi"), closed)
                .content().toString(StandardCharsets.UTF_8)).isEqualTo("ok");
        assertThat(exchange(endpoint, get(POLLING + "&sid=" + other), closed)
                .content().toString(StandardCharsets.UTF_8)).isEqualTo("4hi");
    }

    @Test
    void an_application_failing_to_open_gets_the_handshake_a_500_and_leaves_no_session_behind() {
        ThrowingApplication application = new ThrowingApplication();
        application.throwOnOpen = true;
        EngineEndpoint endpoint = new EngineEndpoint(Eio4Settings.defaults(), timer, application);
        boolean[] closed = new boolean[1];
        assertThat(exchange(endpoint, get(POLLING), closed).status().code()).isEqualTo(500);
        assertThat(endpoint.size()).isZero();
    }

    @Test
    void a_stray_percent_in_the_query_or_the_jsonp_form_is_read_as_a_literal_percent() throws Exception {
        try (Eio4Running s = new Eio4Running(Eio4Settings.defaults())) {
            // Netty's query decoder threw on these and the request stayed unanswered
            String open = raw(s, "GET " + Eio4Running.ECHO + "polling&t=%zz&j=1 HTTP/1.1", "");
            assertThat(open).startsWith("HTTP/1.1 200");
            Matcher m = Pattern.compile("sid\\\\\":\\\\\"([^\\\\]+)").matcher(open);
            assertThat(m.find()).as(open).isTrue();
            String session = Eio4Running.ECHO + "polling&j=1&sid=" + m.group(1);
            String post = raw(s, "POST " + session + "&t=%G0 HTTP/1.1", "d=4a%zz%");
            assertThat(post).startsWith("HTTP/1.1 200").endsWith("ok");
            assertThat(s.get(session).body()).isEqualTo("___eio[1](\"4a%zz%\");");
            // a POST whose query names no session is refused as such, not left hanging
            assertThat(raw(s, "POST " + Eio4Running.ECHO + "polling&sid=nope&t=% HTTP/1.1", "4x"))
                    .startsWith("HTTP/1.1 400");
        }
    }

    /** One request on its own connection, closed after the answer; every read is bounded. */
    private static String raw(Eio4Running s, String requestLine, String formBody) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", s.server.port())) {
            socket.setSoTimeout(5000);
            byte[] body = formBody.getBytes(StandardCharsets.UTF_8);
            String head = requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (requestLine.startsWith("POST")
                            ? "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n"
                            : "")
                    + "\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
