package dev.sioconf.suite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.ResultsCollector;
import dev.sioconf.reports.Verdict;
import dev.sioconf.server.ReferenceServer;
import dev.sioconf.server.eio4.Eio4Fault;
import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.eio4.Eio4Transport;
import dev.sioconf.server.legacy.LegacySettings;
import dev.sioconf.suite.target.EmbeddedReference;
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
 * The eio4 cases can fail: run against the reference server with each deliberate fault, the case
 * meant for a fault catches it, and against the clean server those cases pass. The servers declare
 * their clean settings, as an operator who does not know of the fault would. Only the named cases
 * run, a few seconds per fault; that the clean server passes every case is shown by the failsafe
 * run of the whole catalogue in {@code mvn verify}.
 */
@Execution(ExecutionMode.SAME_THREAD)
class Eio4FaultCatalogueTest {

    /** The case meant to catch each fault. */
    static final Map<Eio4Fault, String> CAUGHT_BY = new EnumMap<>(Map.ofEntries(
            Map.entry(Eio4Fault.UPGRADE_LOSES_MESSAGE, "UpgradeCases.eventsAroundTheUpgradeAreNeitherLostDuplicatedNorReordered"),
            Map.entry(Eio4Fault.WRONG_SEPARATOR, "EchoCases.pollingEchoesTheOfficialPayloadsExactly"),
            Map.entry(Eio4Fault.NO_PINGS, "HeartbeatCases.pingComesPingIntervalAfterTheHandshakeAndAfterEachPong"),
            Map.entry(Eio4Fault.WEBSOCKET_WHEN_DISABLED, "ErrorCases.websocketHandshakeToAServerWithoutWebsocketIsCode0AndNotUpgraded"),
            Map.entry(Eio4Fault.WRONG_ERROR_CODE, "ErrorCases.unknownSidIsCode1"),
            Map.entry(Eio4Fault.WRONG_PING_INTERVAL, "HandshakeCases.openPacketAnnouncesTheDeclaredTimingsAndLimit"),
            Map.entry(Eio4Fault.UPGRADES_WHEN_DISABLED, "HandshakeCases.pollingOpenPacketListsWebsocketUpgradeExactlyWhenOffered"),
            Map.entry(Eio4Fault.POLL_NOT_HELD, "PollingCases.emptyPollIsHeldAndAnsweredAsPlainText"),
            Map.entry(Eio4Fault.NO_UPGRADE_NOOP, "UpgradeCases.heldPollIsAnsweredWithNoopAfterTheProbe"),
            Map.entry(Eio4Fault.ACK_ID_DROPPED, "EventAckCases.ackCarriesTheSameIdAndTheAckArguments"),
            Map.entry(Eio4Fault.NO_AUTH_EVENT, "ServerContractCases.authEventFollowsEachConnectAnswerWithTheAuthObject"),
            Map.entry(Eio4Fault.MESSAGE_BACK_WRONG, "ServerContractCases.messageIsSentBackAsMessageBack"),
            Map.entry(Eio4Fault.ATTACHMENTS_SWAPPED, "BinaryAttachmentCases.placeholdersAreNumberedInOrderOfAppearance"),
            Map.entry(Eio4Fault.REORDER_QUEUED, "EchoCases.pollingEchoesTheOfficialPayloadsExactly"),
            Map.entry(Eio4Fault.UNBOUNDED_ATTACHMENTS, "SocketIoRobustnessCases.millionAttachmentsCloseTheSessionAtOnce"),
            Map.entry(Eio4Fault.BROADCAST_LOCAL_ONLY, "DeploymentCases.aBroadcastReachesTheRoomOnEveryNode")));

    static List<CaseResult> clean;
    static final Map<Eio4Fault, List<CaseResult>> FAULTY = new EnumMap<>(Eio4Fault.class);

    @BeforeAll
    static void runTheCasesAgainstEveryServer() throws Exception {
        var cleanRun = FaultRuns.inBackground(() -> runAgainst(EmbeddedReference.eio4Quick(), CAUGHT_BY.values()));
        FAULTY.putAll(FaultRuns.runEach(Eio4Fault.class, f -> () -> runAgainst(settingsFor(f).withFaults(Set.of(f)), List.of(CAUGHT_BY.get(f)))));
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
        assertThat(CAUGHT_BY.keySet()).containsExactlyInAnyOrder(Eio4Fault.values());
    }

    @ParameterizedTest(name = "{0} is caught")
    @EnumSource(Eio4Fault.class)
    void faultIsCaughtByItsCase(Eio4Fault fault) {
        Set<String> caught = FaultRuns.caught(FAULTY.get(fault));
        assertThat(caught).as("cases that caught %s", fault.wireName()).contains(CAUGHT_BY.get(fault));
    }

    /** The faults about a websocket-disabled server only show on one. */
    static Eio4Settings settingsFor(Eio4Fault f) {
        boolean pollingOnly = f == Eio4Fault.WEBSOCKET_WHEN_DISABLED || f == Eio4Fault.UPGRADES_WHEN_DISABLED;
        return pollingOnly ? EmbeddedReference.eio4Quick().withTransports(List.of(Eio4Transport.POLLING))
                : EmbeddedReference.eio4Quick();
    }

    static List<CaseResult> runAgainst(Eio4Settings settings, Collection<String> cases) throws InterruptedException {
        try (ReferenceServer server = ReferenceServer.start(LegacySettings.defaults(), settings)) {
            dev.sioconf.suite.target.EngineSettings declared = EmbeddedReference.declared(settings.withFaults(Set.of()));
            String name = settings.faults().isEmpty() ? "clean" : settings.faults().iterator().next().wireName();
            return SuiteRunner.runCases(Targets.declaring("eio4", server.baseUri(), name, declared), SuiteRunner.EIO4_CASES, cases, new ResultsCollector());
        }
    }
}
