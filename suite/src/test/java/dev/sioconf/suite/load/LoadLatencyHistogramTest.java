package dev.sioconf.suite.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadLatencyHistogramTest {

    @Test
    void emptyHistogramReportsZero() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.count()).isZero();
        assertThat(h.percentile(50)).isZero();
        assertThat(h.percentile(99)).isZero();
        assertThat(h.max()).isZero();
    }

    @Test
    void oneToHundredGivesNearestRankPercentiles() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 100; v >= 1; v--) {
            h.record(v);
        }
        assertThat(h.count()).isEqualTo(100);
        assertThat(h.percentile(50)).isEqualTo(50);
        assertThat(h.percentile(99)).isEqualTo(99);
        assertThat(h.percentile(100)).isEqualTo(100);
        assertThat(h.percentile(1)).isEqualTo(1);
        assertThat(h.max()).isEqualTo(100);
    }

    @Test
    void singleValueIsEveryPercentile() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(734);
        assertThat(h.percentile(50)).isEqualTo(734);
        assertThat(h.percentile(99)).isEqualTo(734);
        assertThat(h.max()).isEqualTo(734);
    }

    @Test
    void p99OfASkewedSampleIsTheOutlierOnlyWhenItIsOverOnePercent() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < 99; i++) {
            h.record(10);
        }
        h.record(5000);
        assertThat(h.percentile(50)).isEqualTo(10);
        assertThat(h.percentile(99)).isEqualTo(10);
        assertThat(h.percentile(99.5)).isEqualTo(5000);
        assertThat(h.max()).isEqualTo(5000);
    }

    @Test
    void largeValuesKeepTheirMagnitudeWithinATenthOfAPercent() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(1_234_567);
        h.record(98_765_432_100L);
        assertThat(h.percentile(50)).isBetween(1_234_567 - 1_235L, 1_234_567L);
        assertThat(h.percentile(100)).isBetween(98_765_432_100L - 98_766_000L, 98_765_432_100L);
        assertThat(h.max()).isEqualTo(98_765_432_100L);
    }

    @Test
    void negativeTimesCountAsZero() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(-5);
        assertThat(h.percentile(50)).isZero();
    }

    @Test
    void bucketsRoundTrip() {
        for (long v : new long[] {0, 1, 1023, 1024, 1025, 2047, 2048, 4097, 1L << 30, (1L << 35) + 12345}) {
            long low = LatencyHistogram.lowest(LatencyHistogram.index(v));
            assertThat(low).as("bucket of %d", v).isLessThanOrEqualTo(v).isGreaterThanOrEqualTo(v - v / 1024);
        }
    }
}
