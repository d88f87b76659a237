package dev.sioconf.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.PrematureChannelClosureException;
import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.legacy.LegacySettings;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an operator sees when a connection fails: one line at most, never a stack trace at the pipeline's tail. */
class ConnectionErrorsTest {

    /** Written by netty's event loop, read by the test. */
    private final List<LogRecord> logged = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level levelBefore;

    @BeforeEach
    void captureLog() {
        levelBefore = ConnectionErrors.LOG.getLevel();
        ConnectionErrors.LOG.setLevel(Level.ALL);
        ConnectionErrors.LOG.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        ConnectionErrors.LOG.removeHandler(capture);
        ConnectionErrors.LOG.setLevel(levelBefore);
    }

    @Test
    void aClientThatHangsUpMidRequestIsNotAWarningAndReachesNoTail() {
        for (Throwable gone : List.of(new PrematureChannelClosureException("Channel closed while still aggregating message"),
                new IOException("Connection reset by peer"))) {
            EmbeddedChannel ch = new EmbeddedChannel(ConnectionErrors.INSTANCE);
            ch.pipeline().fireExceptionCaught(gone);
            ch.checkException(); // rethrows anything that reached the tail
            assertThat(ch.isOpen()).isFalse();
        }
        assertThat(logged).hasSize(2).allSatisfy(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.FINE);
            assertThat(r.getThrown()).isNull();
        });
    }

    @Test
    void anUnexpectedErrorIsOneWarningLineWithoutAStackTrace() {
        EmbeddedChannel ch = new EmbeddedChannel(ConnectionErrors.INSTANCE);
        ch.pipeline().fireExceptionCaught(new IllegalStateException("boom"));
        ch.checkException();
        assertThat(ch.isOpen()).isFalse();
        assertThat(logged).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getThrown()).isNull();
            assertThat(r.getMessage()).doesNotContain("\n").endsWith("closed: java.lang.IllegalStateException: boom");
        });
    }

    @Test
    void aRealServerLogsNoTraceForAPostCutOffMidBody() throws Exception {
        Logger pipelineTail = Logger.getLogger("io.netty.channel.DefaultChannelPipeline");
        pipelineTail.addHandler(capture);
        try (ReferenceServer server = ReferenceServer.start(LegacySettings.defaults(), Eio4Settings.defaults());
                Socket client = new Socket(server.baseUri().getHost(), server.baseUri().getPort())) {
            client.getOutputStream().write(("POST /socket.io/?EIO=4&transport=polling&sid=x HTTP/1.1\r\nHost: a\r\n"
                    + "Content-Length: 100\r\n\r\nabc").getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            client.close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (logged.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            pipelineTail.removeHandler(capture);
        }
        assertThat(logged).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getLoggerName()).isEqualTo(ConnectionErrors.class.getName());
            assertThat(r.getLevel()).isEqualTo(Level.FINE);
        });
        assertThat(logged).anySatisfy(r -> assertThat(r.getMessage()).contains("PrematureChannelClosureException"));
    }
}
