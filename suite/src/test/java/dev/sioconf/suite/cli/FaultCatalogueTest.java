package dev.sioconf.suite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.ResultsCollector;
import dev.sioconf.reports.Verdict;
import dev.sioconf.server.legacy.Fault;
import dev.sioconf.server.legacy.LegacyServer;
import dev.sioconf.server.legacy.LegacySettings;
import dev.sioconf.server.legacy.LegacyTransport;
import dev.sioconf.server.legacy.codec.HandshakeAnswer;
import dev.sioconf.suite.target.Targets;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The legacy cases can fail: run against the reference server with each deliberate fault, the case
 * meant for a fault catches it, and against the clean server those cases pass. The servers declare
 * their clean settings, as an operator who does not know of the fault would. Only the named cases
 * run, a few seconds per fault; that the clean server passes every case is shown by the failsafe
 * run of the whole catalogue in {@code mvn verify}.
 */
@Execution(ExecutionMode.SAME_THREAD)
class FaultCatalogueTest {

    static final LegacySettings QUICK = LegacySettings.defaults()
            .withPollingDuration(Duration.ofSeconds(3))
            .withHeartbeats(true, Duration.ofSeconds(1), Duration.ofSeconds(3))
            .withCloseTimeout(Duration.ofSeconds(3));

    /** The case meant to catch each fault. */
    static final Map<Fault, String> CAUGHT_BY = new EnumMap<>(Map.ofEntries(
            Map.entry(Fault.TRANSPORTS_REVERSED, "HandshakeCases.handshakeListsTheOfferedTransportsInTheConfiguredOrder"),
            Map.entry(Fault.WEBSOCKET_WHEN_DISABLED, "WebsocketDisabledCases.websocketRequestIsRefused"),
            Map.entry(Fault.POLLING_DURATION_HALVED, "PollingCases.emptyPollIsHeldForThePollingDurationThenAnsweredWithANoop"),
            Map.entry(Fault.POLLING_DURATION_DOUBLED, "PollingCases.emptyPollIsHeldForThePollingDurationThenAnsweredWithANoop"),
            Map.entry(Fault.WRONG_NOOP, "PollingCases.emptyPollIsHeldForThePollingDurationThenAnsweredWithANoop"),
            Map.entry(Fault.LOSE_EVERY_50TH, "OrderingCases.burstOfNumberedEventsArrivesCompleteAndInOrder"),
            Map.entry(Fault.REORDER_QUEUED, "PollingCases.packetsQueuedBetweenPollsComeInOneFramedAnswerInOrder"),
            Map.entry(Fault.NO_HEARTBEATS, "HeartbeatCases.heartbeatArrivesBeforeTheAnnouncedTimeout"),
            Map.entry(Fault.JSONP_INDEX_IGNORED, "JsonpPollingCases.pollIsWrappedInTheCallbackOfTheRequestedIndex"),
            Map.entry(Fault.UNKNOWN_SESSION_ACCEPTED, "SessionCases.unknownSessionIsToldClientNotHandshaken"),
            Map.entry(Fault.FRAME_LENGTH_IN_BYTES, "PayloadFramingCases.frameLengthsCountUtf16CodeUnits"),
            Map.entry(Fault.NO_CONNECT_PACKET, "SessionCases.firstPacketOnANewSessionIsConnect"),
            Map.entry(Fault.NO_AUTO_ACK, "SessionCases.messageWithAnIdIsAcknowledgedAutomatically"),
            Map.entry(Fault.ACK_WITHOUT_ENDPOINT, "ContractCases.customEndpointBehavesTheSame"),
            Map.entry(Fault.CLOSE_TIMEOUT_IGNORED, "SessionCases.sessionIsGoneAfterTheCloseTimeout"),
            Map.entry(Fault.HTMLFILE_UNPADDED, "HtmlfileCases.openingIsPaddedForOldBrowsers"),
            Map.entry(Fault.HTMLFILE_SLASH_UNESCAPED, "HtmlfileCases.eachPacketIsAScriptCallWithSlashesEscaped"),
            Map.entry(Fault.DISABLED_TRANSPORT_ANSWERED, "RoutingCases.transportNotOfferedIsDroppedWithoutAnAnswer"),
            Map.entry(Fault.HELLOBACK_WRONG, "ContractCases.sendMessageIsAnsweredWithHelloBack")));

    static List<CaseResult> clean;
    static final Map<Fault, List<CaseResult>> FAULTY = new EnumMap<>(Fault.class);

    @BeforeAll
    static void runTheSuiteAgainstEveryServer() throws Exception {
        var cleanRun = FaultRuns.inBackground(() -> runAgainst(QUICK, CAUGHT_BY.values()));
        FAULTY.putAll(FaultRuns.runEach(Fault.class, f -> () -> runAgainst(settingsFor(f).withFaults(Set.of(f)), List.of(CAUGHT_BY.get(f)))));
        clean = FaultRuns.await(cleanRun);
    }

    @Test
    void cleanServerPassesTheCasesMeantToCatchFaults() {
        assertThat(clean).isNotEmpty();
        assertThat(FaultRuns.otherThan(clean, Set.of(Verdict.PASS, Verdict.UNIMPLEMENTED)))
                .as("cases that did not pass against the clean server").isEmpty();
    }

    @Test
    void everyFaultHasTheCaseMeantToCatchIt() {
        assertThat(CAUGHT_BY.keySet()).containsExactlyInAnyOrder(Fault.values());
    }

    @ParameterizedTest(name = "{0} is caught")
    @EnumSource(Fault.class)
    void faultIsCaughtByItsCase(Fault fault) {
        Set<String> caught = FaultRuns.caught(FAULTY.get(fault));
        assertThat(caught).as("cases that caught %s", fault.wireName()).contains(CAUGHT_BY.get(fault));
    }

    /** Websocket must be off for the fault that serves it anyway to show. */
    static LegacySettings settingsFor(Fault f) {
        return f == Fault.WEBSOCKET_WHEN_DISABLED ? QUICK.withTransports(List.of(LegacyTransport.XHR_POLLING)) : QUICK;
    }

    static List<CaseResult> runAgainst(LegacySettings settings, Collection<String> cases) throws InterruptedException {
        try (LegacyServer server = LegacyServer.start(settings)) {
            LegacySettings declared = settings.withFaults(Set.of());
            Map<String, String> config = new LinkedHashMap<>();
            config.put(Targets.TARGET, server.baseUri().toString());
            config.put(Targets.NAME, settings.faults().isEmpty() ? "clean" : settings.faults().iterator().next().wireName());
            config.put(Targets.TRANSPORTS, declared.transports().stream().map(LegacyTransport::wireName).collect(Collectors.joining(",")));
            config.put(Targets.POLLING_DURATION, HandshakeAnswer.seconds(declared.pollingDuration()));
            config.put(Targets.HEARTBEAT_TIMEOUT, HandshakeAnswer.seconds(declared.heartbeatTimeout()));
            config.put(Targets.CLOSE_TIMEOUT, HandshakeAnswer.seconds(declared.closeTimeout()));
            config.put(Targets.ORIGINS, String.join(",", declared.origins()));
            return SuiteRunner.runCases(config, SuiteRunner.LEGACY_CASES, cases, new ResultsCollector());
        }
    }
}
