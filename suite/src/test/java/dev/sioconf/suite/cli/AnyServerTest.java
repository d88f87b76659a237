package dev.sioconf.suite.cli;

import static dev.sioconf.suite.cli.CliRun.sioconf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sioconf.server.ReferenceServer;
import dev.sioconf.server.eio4.Eio4Fault;
import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.legacy.LegacySettings;
import dev.sioconf.suite.target.EmbeddedReference;



import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * {@code sioconf --target URL} with nothing else: the profile and settings are read off the server,
 * a server without the contract application is checked on what needs none, several servers share
 * one report, and a baseline turns the run into a regression check.
 */
@Isolated("it checks the heartbeat of servers that ping every second; in the opening of the test run, with both cores "
        + "saturated by the other classes, a silent client's session ended 42 ms past its 7.5 s bound in one CI run")
class AnyServerTest {

    @TempDir
    Path dir;

    static ReferenceServer server(Eio4Settings eio4) throws InterruptedException {
        return ReferenceServer.start(LegacySettings.defaults(), eio4);
    }

    static ReferenceServer plainServer(Eio4Settings eio4) throws InterruptedException {
        return ReferenceServer.startWithoutContract(LegacySettings.defaults(), eio4, Set.of(), ReferenceServer.DEFAULT_STALLED_REQUEST_TIMEOUT);
    }

    @Test
    void aTargetAloneIsCheckedWithTheProfileAndSettingsItAnnounces() throws Exception {
        try (ReferenceServer s = server(EmbeddedReference.eio4Quick())) {
            CliRun r = sioconf("--target", s.baseUri().toString(), "--select", "EIO4-3", "--select", "EIO4-11", "--report", dir.toString());
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("profile eio4 (discovered: 0{\"sid\":",
                    "discovered, not declared: path=/socket.io/ transports=polling,websocket allow-upgrades=on ping-interval=1000 "
                            + "ping-timeout=5000 max-payload=1000000 jsonp=on cors=none",
                    "also answers eio3", "contract: found", "requirements checked");
            assertThat(Files.readString(dir.resolve("index.html"))).contains("discovered, not declared");
        }
    }

    @Test
    void anAnnouncedPingIntervalTheServerDoesNotKeepFails() throws Exception {
        try (ReferenceServer s = server(EmbeddedReference.eio4Quick().withFaults(Set.of(Eio4Fault.WRONG_PING_INTERVAL)))) {
            CliRun r = sioconf("--target", s.baseUri().toString(), "--select", "EIO4-7.1", "--report", dir.toString());
            assertThat(r.out()).contains("ping-interval=2000", "FAIL", "EIO4-7.1");
            assertThat(r.exit()).isEqualTo(1);
        }
    }

    @Test
    void aDeclaredSettingThatDiffersFromTheAnnouncedOneIsSaidFirstInOneLine() throws Exception {
        try (ReferenceServer s = server(EmbeddedReference.eio4Quick())) {
            CliRun r = sioconf("--target", s.baseUri().toString(), "--ping-interval", "25000", "--select", "EIO4-3.3", "--report", dir.toString());
            assertThat(r.out()).contains("MISMATCH: declared --ping-interval 25000, but the server announces 1000: the cases that "
                    + "depend on it will fail (leave the option out to use the announced value)");
            assertThat(r.out().indexOf("MISMATCH")).isLessThan(r.out().indexOf("[   1]"));
            // and the failing case says what it may have tripped over
            assertThat(r.out()).contains("(this may follow from a setting the server contradicts: declared --ping-interval 25000, "
                    + "but the server announces 1000)");
            assertThat(r.exit()).isEqualTo(1);
        }
    }

    @Test
    void aServerWithoutTheContractIsCheckedOnWhatNeedsNoneAndTheRestIsSkippedWithTheSection() throws Exception {
        try (ReferenceServer s = plainServer(EmbeddedReference.eio4Quick())) {
            CliRun r = sioconf("--target", s.baseUri().toString(), "--select", "SIO5-18", "--select", "SIO5-23", "--exclude", "SIO5-18.8",
                    "--report", dir.toString());
            assertThat(r.out()).contains("CONTRACT NOT FOUND: 42[\"sendMessage\"] got no helloBack within 5 s.",
                    "SKIPPED", "needs the contract of spec/eio4.md section 23", "need the contract (SKIPPED)");
            assertThat(r.out()).doesNotContain("FAIL ", "NON_STRICT");
            assertThat(r.exit()).as(r.out()).isZero();
        }
    }

    @Test
    void severalTargetsFromAFileShareOneReport() throws Exception {
        try (ReferenceServer a = server(EmbeddedReference.eio4Quick());
                ReferenceServer b = plainServer(EmbeddedReference.eio4Quick());
                ReferenceServer c = server(EmbeddedReference.eio4Quick())) {
            Path file = dir.resolve("targets.json");
            Files.writeString(file, "{\"targets\": [\n"
                    + "  {\"name\": \"with contract\", \"url\": \"" + a.baseUri() + "\"},\n"
                    + "  {\"name\": \"plain\", \"url\": \"" + b.baseUri() + "\", \"contract\": \"none\"},\n"
                    + "  {\"name\": \"as eio3\", \"url\": \"" + c.baseUri() + "\", \"profile\": \"eio3\", \"settings\": {\"ping-timeout\": 5000}}\n"
                    + "]}\n");
            Path report = dir.resolve("report");
            CliRun r = sioconf("--targets", file.toString(), "--select", "EIO4-3.1", "--select", "EIO3-3.1", "--report", report.toString());
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            JsonNode json = new ObjectMapper().readTree(report.resolve("results.json").toFile());
            List<String> targets = new ArrayList<>();
            json.path("cases").forEach(n -> targets.add(n.path("target").asText()));
            assertThat(targets.stream().distinct()).containsExactlyInAnyOrder("with contract", "plain", "as eio3");
            assertThat(Files.readString(report.resolve("index.html"))).contains("with contract", "plain", "as eio3");
        }
    }

    @Test
    void targetsCheckedAtOnceGiveTheSameResultsAsOneAfterTheOther() throws Exception {
        try (ReferenceServer a = server(EmbeddedReference.eio4Quick());
                ReferenceServer b = server(EmbeddedReference.eio4Quick());
                ReferenceServer c = plainServer(EmbeddedReference.eio4Quick())) {
            Path file = dir.resolve("targets.json");
            Files.writeString(file, "{\"targets\": [\n"
                    + "  {\"name\": \"a\", \"url\": \"" + a.baseUri() + "\"},\n"
                    + "  {\"name\": \"a as eio3\", \"url\": \"" + a.baseUri() + "\", \"profile\": \"eio3\"},\n"
                    + "  {\"name\": \"b\", \"url\": \"" + b.baseUri() + "\"},\n"
                    + "  {\"name\": \"c\", \"url\": \"" + c.baseUri() + "\", \"contract\": \"none\"}\n"
                    + "]}\n");
            Map<String, List<String>> verdicts = new LinkedHashMap<>();
            for (String parallel : List.of("1", "3")) {
                Path report = dir.resolve("report-" + parallel);
                CliRun r = sioconf("--targets", file.toString(), "--parallel-targets", parallel, "--select", "EIO4-3", "--select", "EIO3-3",
                        "--quiet", "--report", report.toString());
                assertThat(r.exit()).as(r.out() + r.err()).isZero();
                List<String> lines = new ArrayList<>();
                new ObjectMapper().readTree(report.resolve("results.json").toFile()).path("cases").forEach(n -> lines.add(
                        n.path("target").asText() + " " + n.path("id").asText() + " " + n.path("transport").asText() + " "
                                + n.path("verdict").asText()));
                verdicts.put(parallel, lines.stream().sorted().toList());
            }
            assertThat(verdicts.get("3")).as("four targets, at most three at once").isNotEmpty().isEqualTo(verdicts.get("1"));
            assertThat(verdicts.get("3").stream().map(l -> l.substring(0, l.indexOf(' '))).distinct()).containsExactlyInAnyOrder("a", "b", "c");
            assertThat(verdicts.get("3")).anyMatch(l -> l.startsWith("a as eio3 "));
        }
        CliRun zero = sioconf("--parallel-targets", "0");
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).contains("--parallel-targets must be 1 to 32, not 0");
    }

    @Test
    void aBaselinePassesAnUnchangedServerAndFailsWithTheDiffAfterAChange() throws Exception {
        Path baseline = dir.resolve("baseline.txt");
        try (ReferenceServer s = server(EmbeddedReference.eio4Quick())) {
            CliRun write = sioconf("--target", s.baseUri().toString(), "--name", "mine", "--select", "EIO4-7.1", "--select", "EIO4-3.3",
                    "--report", dir.resolve("r1").toString(), "--write-baseline", baseline.toString());
            assertThat(write.exit()).as(write.out()).isZero();
            assertThat(Files.readString(baseline)).contains("EIO4-7.1 PollingCases.emptyPollIsHeldAndAnsweredAsPlainText - PASS");
            CliRun same = sioconf("--target", s.baseUri().toString(), "--name", "mine", "--select", "EIO4-7.1", "--select", "EIO4-3.3",
                    "--report", dir.resolve("r2").toString(), "--baseline", baseline.toString());
            assertThat(same.exit()).as(same.out()).isZero();
            assertThat(same.out()).contains("verdicts equal the baseline");
        }
        try (ReferenceServer changed = server(EmbeddedReference.eio4Quick().withFaults(Set.of(Eio4Fault.POLL_NOT_HELD)))) {
            CliRun r = sioconf("--target", changed.baseUri().toString(), "--name", "mine", "--select", "EIO4-7.1", "--select", "EIO4-3.3",
                    "--ping-interval", "1000", "--report", dir.resolve("r3").toString(), "--baseline", baseline.toString());
            assertThat(r.exit()).as(r.out()).isEqualTo(1);
            assertThat(r.out()).contains("verdicts differ from the baseline",
                    "- EIO4-7.1 PollingCases.emptyPollIsHeldAndAnsweredAsPlainText - PASS",
                    "+ EIO4-7.1 PollingCases.emptyPollIsHeldAndAnsweredAsPlainText - FAIL");
        }
    }

    @Test
    void aSelectionThatMatchesNothingIsRefusedBeforeAnyServerStarts() {
        long start = System.nanoTime();
        Path report = dir.resolve("untouched");
        CliRun r = sioconf("--select", "NOPE", "--report", report.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("sioconf: no case of profile legacy, eio3, eio4 matches cases NOPE*");
        assertThat(report).doesNotExist();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
