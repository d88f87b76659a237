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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The eio3 cases can fail: run whole against the reference server with each deliberate eio3
 * fault, they catch every one in the case meant for it, and against the clean server every case
 * passes. The servers declare their clean settings, as an operator who does not know of the fault
 * would.
 */
@Execution(ExecutionMode.SAME_THREAD)
@ResourceLock(FaultCatalogueTest.FAULT_RUNS)
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
        clean = runAgainst(Set.of());
        FAULTY.putAll(FaultRuns.runEach(Eio3Fault.class, f -> () -> runAgainst(Set.of(f))));
    }

    @Test
    void cleanServerPassesEveryCase() {
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

    static List<CaseResult> runAgainst(Set<Eio3Fault> faults) throws InterruptedException {
        Eio4Settings settings = EmbeddedReference.eio4Quick();
        try (ReferenceServer server = ReferenceServer.start(LegacySettings.defaults(), settings, faults)) {
            EngineSettings declared = EmbeddedReference.declared(settings);
            String name = faults.isEmpty() ? "clean" : faults.iterator().next().wireName();
            return SuiteRunner.run(Targets.declaring("eio3", server.baseUri(), name, declared), "", new ResultsCollector());
        }
    }
}
