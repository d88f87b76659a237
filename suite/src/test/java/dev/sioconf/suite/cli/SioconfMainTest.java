package dev.sioconf.suite.cli;

import static dev.sioconf.suite.cli.CliRun.sioconf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.server.legacy.LegacyServer;
import dev.sioconf.server.legacy.LegacySettings;
import dev.sioconf.server.legacy.LegacyTransport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's promises: exit codes, one-line reasons, and FAIL with Expected/Actual when declared settings lie. */
class SioconfMainTest {

    @TempDir
    Path report;

    @Test
    void anUnreachableTargetExitsTwoWithOneLineWithinSeconds() {
        long start = System.nanoTime();
        CliRun r = sioconf("--target", "http://127.0.0.1:1", "--report", report.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("sioconf: cannot reach http://127.0.0.1:1: connection refused");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SioconfMain.REACH_BOUND.plusSeconds(5));
    }

    @Test
    void badValuesExitTwoWithTheReason() {
        assertThat(sioconf("--target", "ftp://x").err()).contains("must be an http://host:port URL");
        assertThat(sioconf("--target", "http://127.0.0.1:1", "--transports", "carrier-pigeon").exit()).isEqualTo(2);
        assertThat(sioconf("--target", "http://127.0.0.1:1", "--polling-duration", "soon").err())
                .contains("--polling-duration must be a number of seconds, not 'soon'");
        assertThat(sioconf("--profile", "eio9").exit()).isEqualTo(2);
        assertThat(sioconf("--no-such-option").exit()).isEqualTo(2);
    }

    @Test
    void eio4OptionsAreCheckedPerProfile() {
        CliRun foreign = sioconf("--target", "http://127.0.0.1:1", "--profile", "eio4", "--polling-duration", "10");
        assertThat(foreign.exit()).isEqualTo(2);
        assertThat(foreign.err().strip()).isEqualTo("sioconf: --polling-duration is a setting of profile legacy, not of eio4");
        CliRun legacy = sioconf("--target", "http://127.0.0.1:1", "--profile", "legacy", "--ping-interval", "300");
        assertThat(legacy.err().strip()).isEqualTo("sioconf: --ping-interval is a setting of profile eio3 and eio4, not of legacy");
        CliRun bad = sioconf("--target", "http://127.0.0.1:1", "--profile", "eio4", "--ping-timeout", "soon");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("sioconf: --ping-timeout must be a whole number of milliseconds, not 'soon'");
        assertThat(sioconf("--target", "http://127.0.0.1:1", "--profile", "eio4", "--transports", "websocket,htmlfile").err())
                .contains("unknown eio4 transport 'htmlfile'");
        assertThat(sioconf("--profile", "eio4", "--ping-interval", "300").err().strip())
                .isEqualTo("sioconf: declared settings need --target; without it the bundled reference server declares its own");
    }

    @Test
    void settingsThatDifferFromTheDeclaredOnesFailWithExpectedAndActual() throws Exception {
        LegacySettings real = LegacySettings.defaults().withTransports(List.of(LegacyTransport.XHR_POLLING))
                .withPollingDuration(Duration.ofSeconds(1));
        try (LegacyServer server = LegacyServer.start(real)) {
            // The reference server speaks every profile; discovery would pick eio4, so legacy is named.
            CliRun r = sioconf("--target", server.baseUri().toString(), "--profile", "legacy", "--transports", "websocket,xhr-polling",
                    "--polling-duration", "4", "--select", "LEG-3.5", "--report", report.toString());
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).contains("FAIL", "LEG-3.5", "Expected: \"websocket,xhr-polling\"", "Actual:   \"xhr-polling\"");
            assertThat(Files.readString(report.resolve("results.json"))).contains("\"verdict\" : \"FAIL\"");
        }
    }

    @Test
    void aCleanTargetDeclaredTrulyExitsZero() throws Exception {
        LegacySettings real = LegacySettings.defaults().withPollingDuration(Duration.ofSeconds(1));
        try (LegacyServer server = LegacyServer.start(real)) {
            CliRun r = sioconf("--target", server.baseUri().toString(), "--profile", "legacy", "--polling-duration", "1", "--select", "LEG-3",
                    "--report", report.toString());
            assertThat(r.exit()).as(r.out()).isEqualTo(0);
            assertThat(r.out()).contains("PASS", "results:");
            // where the run's time went: the ten slowest cases, longest first
            String slowest = r.out().substring(r.out().indexOf("The 10 slowest cases:\n"));
            List<String> lines = slowest.lines().skip(1).limit(10).toList();
            assertThat(lines).allMatch(l -> l.matches("  +\\d+\\.\\d s  LEG-3\\.\\d+ \\S+Cases\\.\\S+  \\S+ · \\S+"), "time, requirement, case, target · transport");
            List<Double> seconds = lines.stream().map(l -> Double.parseDouble(l.strip().split(" ")[0])).toList();
            assertThat(seconds).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        }
    }

    @Test
    void helpMarksTheOptionsOfEachProfileAndListsTheExitStatus() {
        CliRun r = sioconf("--help");
        assertThat(r.exit()).isZero();
        String help = r.out().replaceAll("\\s+", " ");
        for (String legacyOnly : List.of("--polling-duration", "--heartbeat", "--close-timeout", "--origins")) {
            assertThat(help).as(legacyOnly).containsPattern(java.util.regex.Pattern.quote(legacyOnly) + "=\\S+ legacy: ");
        }
        for (String engineOnly : List.of("--ping-interval", "--ping-timeout", "--max-payload", "--path")) {
            assertThat(help).as(engineOnly).containsPattern(java.util.regex.Pattern.quote(engineOnly) + "=\\S+ eio3/eio4: ");
        }
        assertThat(help).contains("Exit status: 0 no MUST failed", "1 a MUST failed", "2 bad usage, a target that cannot be reached");
    }

    @Test
    void quietPrintsNoLinePerCaseAndTheRunEndsInOneSentenceAndThePathsOfItsFiles() throws Exception {
        LegacySettings real = LegacySettings.defaults().withPollingDuration(Duration.ofSeconds(1));
        try (LegacyServer server = LegacyServer.start(real)) {
            CliRun r = sioconf("--quiet", "--target", server.baseUri().toString(), "--profile", "legacy", "--polling-duration", "1",
                    "--select", "LEG-3", "--report", report.toString());
            assertThat(r.exit()).as(r.out()).isZero();
            assertThat(r.out()).doesNotContain("PASS          LEG-3").doesNotContain("[   1]");
            assertThat(r.out()).contains("report:  " + report.resolve("index.html").toAbsolutePath(),
                    "junit:   " + report.resolve("junit.xml").toAbsolutePath());
            assertThat(r.out().strip()).endsWith("No MUST failed.");
            assertThat(r.out()).doesNotContain("slowest cases");
        }
    }

    @Test
    void theClosingSentenceCountsMustsAndShouldsByRequirement() {
        List<dev.sioconf.reports.CaseResult> results = List.of(
                result("LEG-3.5", "websocket", dev.sioconf.reports.Verdict.FAIL),
                result("LEG-3.5", "xhr-polling", dev.sioconf.reports.Verdict.FAIL),
                result("LEG-4.1", "-", dev.sioconf.reports.Verdict.FAIL),
                result("LEG-3.8", "-", dev.sioconf.reports.Verdict.NON_STRICT),
                result("LEG-9.1", "-", dev.sioconf.reports.Verdict.PASS));
        assertThat(RunOutput.verdict(results)).isEqualTo("2 MUSTs failed; 1 SHOULD was missed.");
        assertThat(RunOutput.verdict(results.subList(4, 5))).isEqualTo("No MUST failed.");
    }

    @Test
    void whatDidNotPassIsListedAgainInCaseOrderAtTheEnd() {
        StringWriter out = new StringWriter();
        ProgressPrinter.misses(new PrintWriter(out, true), List.of(
                result("LEG-10.2", "-", dev.sioconf.reports.Verdict.FAIL),
                result("LEG-9.1", "-", dev.sioconf.reports.Verdict.PASS),
                result("LEG-3.8", "-", dev.sioconf.reports.Verdict.NON_STRICT)));
        List<String> lines = out.toString().strip().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Not passed, in case order (2):");
        assertThat(lines.get(1)).startsWith("NON_STRICT    LEG-3.8");
        assertThat(lines.stream().filter(l -> l.startsWith("FAIL")).findFirst().orElseThrow()).startsWith("FAIL          LEG-10.2");
        assertThat(String.join("\n", lines)).doesNotContain("LEG-9.1");
    }

    private static dev.sioconf.reports.CaseResult result(String requirement, String transport, dev.sioconf.reports.Verdict v) {
        return new dev.sioconf.reports.CaseResult("Cases.c" + requirement.replaceAll("\\W", ""), "legacy", requirement, "", "t",
                transport, v, "", "", v == dev.sioconf.reports.Verdict.PASS ? "" : "why", 1, List.of());
    }
}
