package dev.sioconf.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

class ReportOnFinishListenerTest {

    @Test
    void isRegisteredAsAServiceSoEveryJunitRunGetsIt() {
        assertThat(ServiceLoader.load(TestExecutionListener.class).stream().map(ServiceLoader.Provider::type))
                .contains(ReportOnFinishListener.class);
    }

    @Test
    void aRunWithSioconfCasesWritesTheWholeReport(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("report");
        long ran = launch(ListenerFixtures.SioconfCases.class, Map.of(ReportOnFinishListener.DIR, dir.toString()));

        assertThat(ran).isEqualTo(2);
        assertThat(dir.resolve("index.html")).isRegularFile();
        assertThat(dir.resolve("junit.xml")).isRegularFile();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertThat(json.get("profile").asText()).isEqualTo("legacy");
        assertThat(json.get("targets").get(0).get("name").asText()).isEqualTo("fixture-target");
        assertThat(json.get("cases")).hasSize(2);
        assertThat(json.get("cases").findValuesAsText("verdict")).containsExactlyInAnyOrder("PASS", "FAIL");
        assertThat(Files.readString(dir.resolve("index.html"))).contains("fixture-target", "v-fail");
        try (Stream<Path> pages = Files.list(dir.resolve("cases"))) {
            assertThat(pages).hasSize(2);
        }
    }

    @Test
    void aRunWithoutSioconfCasesWritesNothing(@TempDir Path tmp) {
        Path dir = tmp.resolve("report");
        long ran = launch(ListenerFixtures.PlainTests.class, Map.of(ReportOnFinishListener.DIR, dir.toString()));

        assertThat(ran).isEqualTo(1);
        assertThat(dir).doesNotExist();
    }

    @Test
    void aCallerThatWritesItsOwnReportCanTurnItOff(@TempDir Path tmp) {
        Path dir = tmp.resolve("report");
        launch(ListenerFixtures.SioconfCases.class,
                Map.of(ReportOnFinishListener.DIR, dir.toString(), ReportOnFinishListener.ENABLED, "false"));

        assertThat(dir).doesNotExist();
    }

    /** Runs one fixture class in a launcher of its own, with the listeners it finds itself; returns how many tests ran. */
    private static long launch(Class<?> fixture, Map<String, String> config) {
        Map<String, String> all = new HashMap<>(config);
        all.put(ListenerFixtures.KEY, "true");
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(fixture)).configurationParameters(all).build(), summary);
        return summary.getSummary().getTestsStartedCount();
    }
}
