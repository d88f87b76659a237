package dev.sioconf.suite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.ResultsCollector;
import dev.sioconf.reports.Verdict;
import dev.sioconf.server.ReferenceServer;
import dev.sioconf.server.legacy.LegacySettings;
import dev.sioconf.suite.target.EmbeddedReference;
import dev.sioconf.suite.target.Targets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract-free mode tells apart, without a list kept by hand, the cases that need the
 * contract application: against the reference server running a plain application (no handlers,
 * main namespace only), the contract is detected as absent, every case that runs passes, and the
 * cases that would have needed the contract are SKIPPED with the section they need. A case that
 * reached for the contract unnoticed would fail here.
 */
@Isolated("it runs whole catalogues with one-second pings; beside other suite runs on two cores, sessions would miss their pongs")
@Execution(ExecutionMode.SAME_THREAD)
class ContractFreeModeTest {

    static final Duration POLLING_DURATION = Duration.ofSeconds(3);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"eio4", "eio3", "legacy"})
    void withoutTheContractEveryCaseThatRunsPassesAndTheOthersSaySectionTheyNeed(String profile) throws Exception {
        LegacySettings legacy = LegacySettings.defaults().withPollingDuration(POLLING_DURATION)
                .withHeartbeats(true, Duration.ofSeconds(1), Duration.ofSeconds(3)).withCloseTimeout(Duration.ofSeconds(3));
        try (ReferenceServer plain = ReferenceServer.startWithoutContract(legacy, EmbeddedReference.eio4Quick(), Set.of(),
                ReferenceServer.DEFAULT_STALLED_REQUEST_TIMEOUT)) {
            Map<String, String> declared = profile.equals("legacy")
                    ? Map.of(Targets.POLLING_DURATION, "3")
                    : Map.of(Targets.UPGRADE_TIMEOUT, "5000", Targets.CONNECT_TIMEOUT, "10000");
            // What the server does not announce is declared; the rest is discovered.
            PreparedTarget t = PreparedTarget.prepare(new TargetSpec(plain.baseUri().toString(), "plain-" + profile, profile, declared, null));
            assertThat(t.target().contractFree()).as("contract detected as absent").isTrue();
            assertThat(t.lines()).anyMatch(l -> l.startsWith("CONTRACT NOT FOUND: "));

            List<CaseResult> results = SuiteRunner.run(t.config(), Selection.ALL, false, new ResultsCollector());
            assertThat(results.stream().filter(r -> r.verdict() != Verdict.PASS && r.verdict() != Verdict.SKIPPED
                    && r.verdict() != Verdict.UNIMPLEMENTED).map(r -> r.verdict() + " " + r.requirement() + " " + r.id() + " · "
                    + r.transport() + ": " + r.message())).as("cases that neither passed nor were left for the contract").isEmpty();
            List<CaseResult> skipped = results.stream().filter(r -> r.verdict() == Verdict.SKIPPED).toList();
            assertThat(skipped).isNotEmpty().allSatisfy(r -> assertThat(r.message())
                    .startsWith("needs the contract of spec/" + profile + ".md section " + (profile.equals("legacy") ? 16 : 23)));
            Coverage c = Coverage.of(t.target(), results);
            System.out.println("contract-free " + profile + ": " + c.describe());
            assertThat(c.checked()).as("requirements checked without the contract").isGreaterThan(c.covered() / 3);
        }
    }
}
