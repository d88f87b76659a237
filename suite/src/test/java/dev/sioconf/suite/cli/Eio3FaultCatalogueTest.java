package dev.sioconf.suite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.ResultsCollector;
import dev.sioconf.reports.Verdict;
import dev.sioconf.server.ReferenceServer;
import dev.sioconf.server.eio3.Eio3Fault;
import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.legacy.LegacySettings;
import dev.sioconf.suite.target.EmbeddedReference;
import dev.sioconf.suite.target.EngineSettings;
import dev.sioconf.suite.target.Targets;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The eio3 cases can fail: run against the reference server with each deliberate fault, the case
 * meant for a fault catches it, and against the clean server those cases pass. The servers declare
 * their clean settings, as an operator who does not know of the fault would. Only the named cases
 * run, a few seconds per fault; that the clean server passes every case is shown by the failsafe
 * run of the whole catalogue in {@code mvn verify}.
 */
@Execution(ExecutionMode.SAME_THREAD)
class Eio3FaultCatalogueTest {

    /** The case meant to catch each fault. */
    static final Map<Eio3Fault, String> CAUGHT_BY = new EnumMap<>(Map.ofEntries(
            Map.entry(Eio3Fault.LENGTH_IN_BYTES, "PayloadCases.lengthCountsUtf16CodeUnits"),
            Map.entry(Eio3Fault.NO_PONG, "HeartbeatCases.sessionThatPingsStaysAlive"),
            Map.entry(Eio3Fault.SERVER_PINGS, "PacketCases.serverSendsTypeDigitAndDataAndNeverPings"),
            Map.entry(Eio3Fault.NO_IMPLICIT_CONNECT, "NamespaceCases.pollingHandshakeBodyCarriesTheMainNamespaceConnect"),
            Map.entry(Eio3Fault.CONNECT_WITH_SID, "SocketIoEncodingCases.connectAnswerCarriesNoData"),
            Map.entry(Eio3Fault.WS_BINARY_WITHOUT_TYPE, "WebSocketCases.binaryMessagesAreBinaryFramesLedByTheTypeByte"),
            Map.entry(Eio3Fault.BASE64_WITHOUT_TYPE, "PayloadCases.binaryMessageInATextPayloadIsB4AndPaddedBase64"),
            Map.entry(Eio3Fault.NO_INVALID_NAMESPACE, "NamespaceCases.unknownNamespaceIsRefusedAndTheSessionStaysOpen"),
            Map.entry(Eio3Fault.NO_BINARY_PAYLOAD, "BinaryPayloadCases.binaryMessageMakesTheAnswerABinaryPayload")));

    static List<CaseResult> clean;
    static final Map<Eio3Fault, List<CaseResult>> FAULTY = new EnumMap<>(Eio3Fault.class);

    @BeforeAll
    static void runTheCasesAgainstEveryServer() throws Exception {
        var cleanRun = FaultRuns.inBackground(() -> runAgainst(Set.of(), CAUGHT_BY.values()));
        FAULTY.putAll(FaultRuns.runEach(Eio3Fault.class, f -> () -> runAgainst(Set.of(f), List.of(CAUGHT_BY.get(f)))));
        clean = FaultRuns.await(cleanRun);
    }

    @Test
    void cleanServerPassesTheCasesMeantToCatchFaults() {
        assertThat(clean).isNotEmpty();
        assertThat(FaultRuns.otherThan(clean, Set.of(Verdict.PASS)))
                .as("cases that did not pass against the clean server").isEmpty();
    }

    @Test
    void everyFaultHasTheCaseMeantToCatchIt() {
        assertThat(CAUGHT_BY.keySet()).containsExactlyInAnyOrder(Eio3Fault.values());
    }

    @ParameterizedTest(name = "{0} is caught")
    @EnumSource(Eio3Fault.class)
    void faultIsCaughtByItsCase(Eio3Fault fault) {
        Set<String> caught = FaultRuns.caught(FAULTY.get(fault));
        assertThat(caught).as("cases that caught %s", fault.wireName()).contains(CAUGHT_BY.get(fault));
    }

    static List<CaseResult> runAgainst(Set<Eio3Fault> faults, Collection<String> cases) throws InterruptedException {
        Eio4Settings settings = EmbeddedReference.eio4Quick();
        try (ReferenceServer server = ReferenceServer.start(LegacySettings.defaults(), settings, faults)) {
            EngineSettings declared = EmbeddedReference.declared(settings);
            String name = faults.isEmpty() ? "clean" : faults.iterator().next().wireName();
            return SuiteRunner.runCases(Targets.declaring("eio3", server.baseUri(), name, declared), SuiteRunner.EIO3_CASES, cases, new ResultsCollector());
        }
    }
}
