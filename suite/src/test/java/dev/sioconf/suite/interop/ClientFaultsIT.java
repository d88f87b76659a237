package dev.sioconf.suite.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.ResultsCollector;
import dev.sioconf.reports.Verdict;
import dev.sioconf.suite.cli.Selection;
import dev.sioconf.suite.cli.SuiteRunner;
import dev.sioconf.suite.client.ClientSettings;
import dev.sioconf.suite.client.ClientTarget;
import dev.sioconf.suite.client.ClientTargets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Every client case can fail: socket.io-client 4.8.1 with one deliberate fault patched in
 * ({@code interop/clients/socket.io-client-4.js --fault NAME}) fails the case meant to catch it,
 * on every transport the case runs over, while the clean client passes it ({@link ClientsIT});
 * socket.io-client 2.5.0 ({@code socket.io-client-2.js --fault NAME}) does the same for the eio3
 * cases whose checks are the revision's own, and socket.io-client 0.9.16
 * ({@code socket.io-client-0.9.js --fault NAME}) for every legacy client case.
 */
@Execution(ExecutionMode.SAME_THREAD)
@ResourceLock(ServerProcess.INTEROP_LOCK)
class ClientFaultsIT {

    /** Each fault of the node client, and the requirement whose case must catch it. */
    static final Map<String, String> CATALOGUE = Map.ofEntries(
            Map.entry("eio3-handshake", "EIO4C-2.1"),
            Map.entry("event-before-connect", "EIO4C-2.2"),
            Map.entry("event-id-zero", "EIO4C-2.3"),
            Map.entry("probe-without-data", "EIO4C-3.1"),
            Map.entry("websocket-when-not-offered", "EIO4C-3.2"),
            Map.entry("closes-on-refused-upgrade", "EIO4C-3.3"),
            Map.entry("no-pong", "EIO4C-4.1"),
            Map.entry("ignores-ping-timeout", "EIO4C-4.2"),
            Map.entry("no-reconnect", "EIO4C-5.1"),
            Map.entry("reconnects-at-once", "EIO4C-5.1"),
            Map.entry("reconnects-after-server-disconnect", "EIO4C-5.2"),
            Map.entry("drops-buffered-packets", "EIO4C-5.3"),
            Map.entry("acks-with-wrong-id", "EIO4C-6.1"),
            Map.entry("drops-server-acks", "EIO4C-6.2"),
            Map.entry("binary-as-json", "EIO4C-7.1"),
            Map.entry("connects-namespace-without-name", "EIO4C-8.1"),
            Map.entry("ignores-connect-error", "EIO4C-8.2"),
            Map.entry("ignores-max-payload", "EIO4C-9.1"));

    /**
     * The faults of socket.io-client 2.5.0, for the eio3 cases whose checks differ from eio4's (the
     * revision's own rules and the tester's revision 3 framing); the other cases are the same code.
     */
    static final Map<String, String> EIO3_CATALOGUE = Map.of(
            "event-before-connect", "EIO3C-2.2",
            "no-ping", "EIO3C-4.1",
            "ignores-ping-timeout", "EIO3C-4.2",
            "binary-as-json", "EIO3C-7.1");

    /** The faults of socket.io-client 0.9.16, for the legacy client cases, and the case meant to catch each. */
    static final Map<String, String> LEGACY_CATALOGUE = Map.ofEntries(
            Map.entry("revision-2", "LEGC-2.1"),
            Map.entry("websocket-when-not-offered", "LEGC-2.2"),
            Map.entry("event-asks-ack", "LEGC-2.3"),
            Map.entry("no-heartbeat-answer", "LEGC-4.1"),
            Map.entry("ignores-heartbeat-timeout", "LEGC-4.2"),
            Map.entry("no-reconnect", "LEGC-5.1"),
            Map.entry("reconnects-after-disconnect", "LEGC-5.2"),
            Map.entry("drops-buffered-packets", "LEGC-5.3"),
            Map.entry("acks-with-wrong-id", "LEGC-6.1"),
            Map.entry("drops-server-acks", "LEGC-6.2"),
            Map.entry("connects-endpoint-without-name", "LEGC-8.1"),
            Map.entry("ignores-connect-failed", "LEGC-8.2"));
    /** A second case a fault must fail: websocket-when-not-offered is caught by the websocket-disabled case too. */
    static final Map<String, String> LEGACY_ALSO = Map.of("websocket-when-not-offered", "LEGC-3.1");

    /** A deliberate fault of one node client, and the requirement whose case must catch it. */
    record Fault(String profile, String name, String requirement) {

        String script() {
            return switch (profile) {
                case "eio3" -> "clients/socket.io-client-2.js";
                case "legacy" -> "clients/socket.io-client-0.9.js";
                default -> "clients/socket.io-client-4.js";
            };
        }

        @Override
        public String toString() {
            return profile + " " + name + " (" + requirement + ")";
        }
    }

    /**
     * How many fault runs go at once: each is one or two cases that mostly wait for what the
     * faulty client never sends, so four share the cores (36 runs one after the other took 102 s).
     */
    static final int AT_ONCE = 4;

    static List<Fault> faults() {
        return Stream.of(
                CATALOGUE.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(e -> new Fault("eio4", e.getKey(), e.getValue())),
                EIO3_CATALOGUE.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(e -> new Fault("eio3", e.getKey(), e.getValue())),
                LEGACY_CATALOGUE.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(e -> new Fault("legacy", e.getKey(), e.getValue())),
                LEGACY_ALSO.entrySet().stream().map(e -> new Fault("legacy", e.getKey(), e.getValue())))
                .flatMap(s -> s).toList();
    }

    @Test
    void everyEio4AndLegacyClientRequirementHasAFault() {
        assertThat(CATALOGUE.values()).containsAll(SuiteRunner.clientRequirementsMatching(Selection.of("EIO4C")));
        assertThat(Stream.concat(LEGACY_CATALOGUE.values().stream(), LEGACY_ALSO.values().stream()).toList())
                .containsAll(SuiteRunner.clientRequirementsMatching(Selection.of("LEGC")));
    }

    /** Each fault is caught on at least one transport (a fault may touch one transport only), with no harness error anywhere. */
    @Test
    void everyFaultIsCaughtByItsCase() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            Map<Fault, Future<List<CaseResult>>> runs = new LinkedHashMap<>();
            faults().forEach(f -> runs.put(f, pool.submit(() -> run(f))));
            List<String> missed = new ArrayList<>();
            for (Map.Entry<Fault, Future<List<CaseResult>>> run : runs.entrySet()) {
                List<CaseResult> results = run.getValue().get();
                boolean caught = results.stream().anyMatch(r -> r.verdict() == Verdict.FAIL)
                        && results.stream().noneMatch(r -> r.verdict() == Verdict.ERROR);
                System.out.println("client fault " + run.getKey() + ": " + (caught ? "caught" : "MISSED") + " "
                        + results.stream().map(r -> r.transport() + " " + r.verdict()).toList());
                if (!caught) {
                    missed.add(run.getKey() + ": " + results.stream().map(r -> r.transport() + " " + r.verdict()
                            + (r.message() == null ? "" : " " + r.message())).toList());
                }
            }
            assertThat(missed).as("faults their case did not catch (or caught with a harness error)").isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<CaseResult> run(Fault fault) {
        ClientTarget client = new ClientTarget(fault.name(), List.of("node", ServerProcess.interopDir().resolve(fault.script()).toString(),
                "--fault", fault.name()), fault.profile(), ClientSettings.defaultsOf(fault.profile()));
        return SuiteRunner.runClients(Map.of(ClientTargets.CLIENTS, ClientTargets.toJson(List.of(client))),
                Selection.of(fault.requirement()), new ResultsCollector());
    }
}
