package dev.sioconf.suite.cli;

import dev.sioconf.reports.WireEntry;
import dev.sioconf.suite.client.ClientEvent;
import dev.sioconf.suite.client.ClientTarget;
import dev.sioconf.suite.client.ClientTester;
import dev.sioconf.suite.client.ClientTransport;
import java.time.Duration;
import java.util.List;

/**
 * Before any case: the client is started once against the tester and must make a request within
 * the start bound. A command that cannot run, or runs and never connects, ends the run with exit
 * 2 and the client's own output, instead of every case failing on the same wait.
 */
final class ClientPreflight {

    private static final Duration STEP = Duration.ofMillis(100);

    private ClientPreflight() {
    }

    private static String printed(ClientTester tester) {
        List<String> said = tester.log().entries().stream().map(WireEntry::text).filter(t -> t.startsWith("client: ")).limit(10).toList();
        return said.isEmpty() ? ", and printed nothing" : "; it printed:\n  " + String.join("\n  ", said);
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void check(ClientTarget client) {
        try (ClientTester tester = new ClientTester(client, ClientTransport.POLLING)) {
            try {
                tester.start();
            } catch (IllegalStateException e) {
                throw new SioconfMain.UsageError(e.getMessage());
            }
            long deadline = System.nanoTime() + ClientTester.START.toNanos();
            boolean requested = false;
            while (!requested && System.nanoTime() < deadline) {
                requested = tester.anyWithin(e -> e.kind() == ClientEvent.Kind.REQUEST, STEP).isPresent();
                if (!requested && !tester.clientAlive()) {
                    sleepBriefly(); // its last lines may still be on their way into the log
                    throw new SioconfMain.UsageError("the client " + client.name() + " " + tester.clientState()
                            + " without a request to SIOCONF_URL" + printed(tester));
                }
            }
            if (!requested) {
                throw new SioconfMain.UsageError("the client " + client.name() + " made no request to SIOCONF_URL within "
                        + ClientTester.START.toSeconds() + " s" + printed(tester));
            }
        }
    }
}
