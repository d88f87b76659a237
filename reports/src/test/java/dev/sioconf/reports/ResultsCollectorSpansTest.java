package dev.sioconf.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class ResultsCollectorSpansTest {

    @Test
    void eachTargetGetsItsResultCountAndTheWallFromFirstStartToLastEnd() {
        ResultsCollector collector = new ResultsCollector();
        long before = System.nanoTime();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(ListenerFixtures.SioconfCases.class))
                .configurationParameter(ListenerFixtures.KEY, "true")
                .configurationParameter(ReportOnFinishListener.ENABLED, "false")
                .build(), collector);
        long after = System.nanoTime();

        List<ResultsCollector.TargetSpan> spans = collector.spans();
        assertThat(spans).singleElement().satisfies(span -> {
            assertThat(span.target()).isEqualTo("fixture-target");
            assertThat(span.results()).isEqualTo(2);
            assertThat(span.firstStartNanos()).isBetween(before, span.lastEndNanos());
            assertThat(span.lastEndNanos()).isLessThanOrEqualTo(after);
            assertThat(span.describe()).matches("fixture-target: 2 results in \\d+\\.\\d s wall");
        });
    }

    @Test
    void aSpanSaysHowManyOfItsResultsAreOptInCases() {
        ResultsCollector.TargetSpan span = new ResultsCollector.TargetSpan("reference/eio4-all", 397, 21, 0, 34_400_000_000L);
        assertThat(span.describe()).isEqualTo("reference/eio4-all: 397 results (21 of them opt-in cases) in 34.4 s wall");
        assertThat(new ResultsCollector.TargetSpan("t", 376, 0, 0, 1_000_000_000L).describe()).isEqualTo("t: 376 results in 1.0 s wall");
    }
}
