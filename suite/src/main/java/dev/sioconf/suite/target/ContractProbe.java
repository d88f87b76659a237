package dev.sioconf.suite.target;

import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.legacy.Connection;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.legacy.Transport;
import java.time.Duration;
import java.util.List;

/**
 * Whether a target runs the contract application: one session sends the contract's
 * {@code sendMessage} and waits a bounded time for its {@code helloBack}. Done once per target
 * before the cases, so that a server nobody prepared gets the cases it can answer instead of a
 * wall of failures.
 */
public final class ContractProbe {

    /** How long the probe waits for {@code helloBack}: a contract application answers at once. */
    public static final Duration BOUND = Duration.ofSeconds(5);

    /** What the probe saw: whether the contract answered, and in words what happened. */
    public record Outcome(boolean answers, String why) {
    }

    private ContractProbe() {
    }

    public static Outcome probe(Target t) {
        try {
            return t.engine() != null ? engine(t) : legacy(t);
        } catch (AssertionError | RuntimeException e) {
            return new Outcome(false, "the probe's session failed: " + firstLine(e.getMessage()));
        }
    }

    private static Outcome engine(Target t) {
        // WebSocket first: the fewest requests, so a polling deviation of the server cannot pass for a missing contract.
        EngineTransport transport = t.engine().offers("websocket") ? EngineTransport.WEBSOCKET : EngineTransport.POLLING;
        try (EngineTester tester = new EngineTester(t, transport); EngineConnection c = tester.open(transport)) {
            if (t.profile().equals("eio4")) {
                c.connect("/"); // eio3 servers join the main namespace themselves
            }
            c.sendSio("2[\"sendMessage\"]");
            long end = System.nanoTime() + BOUND.toNanos();
            while (System.nanoTime() < end) {
                String p = next(() -> c.inbox().next(left(end)));
                if (p == null) {
                    break;
                }
                if (p.startsWith("42[\"helloBack\"")) {
                    return new Outcome(true, "42[\"sendMessage\"] was answered " + p);
                }
            }
            return new Outcome(false, "42[\"sendMessage\"] got no helloBack within " + BOUND.toSeconds() + " s");
        }
    }

    private static Outcome legacy(Target t) {
        List<String> offered = t.declared().transports();
        Transport transport = offered.contains("xhr-polling") ? Transport.XHR_POLLING
                : offered.contains("websocket") ? Transport.WEBSOCKET : Transport.JSONP_POLLING;
        try (LegacyTester tester = new LegacyTester(t, transport); Connection c = tester.openSession(transport)) {
            c.send("5:::{\"name\":\"sendMessage\",\"args\":[]}");
            long end = System.nanoTime() + BOUND.toNanos();
            while (System.nanoTime() < end) {
                String p = next(() -> c.inbox().next(left(end)));
                if (p == null) {
                    break;
                }
                if (p.contains("\"helloBack\"")) {
                    return new Outcome(true, "sendMessage was answered " + p);
                }
            }
            return new Outcome(false, "5:::{\"name\":\"sendMessage\",\"args\":[]} got no helloBack within " + BOUND.toSeconds() + " s");
        }
    }

    /** The next packet, or null when none came in time or the session ended. */
    private static String next(java.util.function.Supplier<String> read) {
        try {
            return read.get();
        } catch (AssertionError e) {
            return null;
        }
    }

    private static Duration left(long end) {
        return Duration.ofNanos(Math.max(1_000_000, end - System.nanoTime()));
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
