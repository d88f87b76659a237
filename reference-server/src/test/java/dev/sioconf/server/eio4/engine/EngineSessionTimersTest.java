package dev.sioconf.server.eio4.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.eio4.codec.EnginePacket;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An ended session leaves nothing in the timer queue: a timer still pending there would keep the
 * session, its application state and its connection reachable until it fired (the soak test saw
 * every eio4 session kept for the 45 s connect timeout).
 */
class EngineSessionTimersTest {

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    /** An application that, like the connect timeout, sets a long timer when a session opens. */
    static final class TimerApplication implements EngineApplication {
        @Override
        public void onOpen(EngineSession session) {
            session.schedule(Duration.ofMinutes(1), () -> session.close("application timer"));
        }

        @Override
        public void onMessage(EngineSession session, EnginePacket message) {
        }

        @Override
        public void onClose(EngineSession session, String reason) {
        }
    }

    @Test
    void ending_a_session_cancels_its_pending_timers_the_applications_included() {
        timer.setRemoveOnCancelPolicy(true); // as the reference server runs its timer
        EngineEndpoint endpoint = new EngineEndpoint(Eio4Settings.defaults(), timer, new TimerApplication());
        EmbeddedChannel channel = new EmbeddedChannel(new Eio4RequestHandler(endpoint));
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                "/engine.io/?EIO=4&transport=polling"));
        FullHttpResponse open = channel.readOutbound();
        Matcher sid = Pattern.compile("\"sid\":\"([^\"]+)\"").matcher(open.content().toString(StandardCharsets.UTF_8));
        assertThat(sid.find()).isTrue();
        EngineSession session = endpoint.find(sid.group(1)).orElseThrow();
        assertThat(timer.getQueue()).as("the first ping and the application's timer").hasSize(2);

        session.close("test over");

        assertThat(timer.getQueue()).isEmpty();
    }
}
