package dev.sioconf.reports.html;

import dev.sioconf.reports.WireEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small SVG of a case's wire log on a time axis: one lane for what the tester sent, one for
 * what the server sent, one for notes. An HTTP answer that says how long it was held
 * ({@code (after N ms)}, as the suite's wire log writes it) is drawn as a bar over that time, so
 * a held poll or a close timeout shows as a length, not only as a gap between dots.
 */
final class WireTimeline {

    private static final Pattern HELD = Pattern.compile("\\(after (\\d+) ms\\)\\s*$");

    private static final int WIDTH = 1000;
    private static final int LEFT = 92;
    private static final int RIGHT = 24;
    private static final int LANE = 20;
    private static final int TOP = 10;
    private static final int[] TRACK_OFFSETS = {0, -6, 6};
    private static final String[] LANE_NAMES = {"tester  >", "server  <", "note  !"};
    private static final String[] LANE_COLOURS = {"#0969da", "#1f883d", "#bf8700"};

    private WireTimeline() {
    }

    /** The SVG markup, or an empty string for an empty wire log. */
    static String svg(List<WireEntry> wire) {
        if (wire.isEmpty()) {
            return "";
        }
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (WireEntry e : wire) {
            from = Math.min(from, start(e));
            to = Math.max(to, e.atMillis());
        }
        long span = Math.max(to - from, 1);
        int axisY = TOP + 3 * LANE + 6;
        int height = axisY + 22;
        Scale x = new Scale(from, span);

        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\"><title>").append(Html.text("wire timeline over " + span + " ms"))
                .append("</title>");
        for (int lane = 0; lane < 3; lane++) {
            int y = laneY(lane);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y).append("\" stroke=\"#eaeef2\"/>")
                    .append("<text x=\"6\" y=\"").append(y + 3).append("\">").append(Html.text(LANE_NAMES[lane]))
                    .append("</text>");
        }
        axis(svg, x, from, to, axisY);
        int[] tracks = tracks(wire);
        for (int i = 0; i < wire.size(); i++) {
            WireEntry e = wire.get(i);
            int lane = lane(e.direction());
            double y = laneY(lane) + TRACK_OFFSETS[tracks[i]];
            String tip = Html.text(e.atMillis() + " ms " + e.direction() + " " + e.kind() + " "
                    + Html.firstLine(e.text(), 100));
            long start = start(e);
            if (start < e.atMillis()) {
                double x0 = x.at(start);
                double w = Math.max(x.at(e.atMillis()) - x0, 2);
                svg.append("<rect x=\"").append(fmt(x0)).append("\" y=\"").append(fmt(y - 2.5)).append("\" width=\"")
                        .append(fmt(w)).append("\" height=\"5\" rx=\"2\" fill=\"").append(LANE_COLOURS[lane])
                        .append("\" fill-opacity=\"0.3\"><title>").append(Html.text("held " + (e.atMillis() - start)
                                + " ms, answered at " + e.atMillis() + " ms")).append("</title></rect>");
            }
            svg.append("<circle cx=\"").append(fmt(x.at(e.atMillis()))).append("\" cy=\"").append(fmt(y))
                    .append("\" r=\"3.5\" fill=\"").append(LANE_COLOURS[lane]).append("\" fill-opacity=\"0.85\"><title>")
                    .append(tip).append("</title></circle>");
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Which of three rows inside its lane each entry is drawn on, so that held answers that
     * overlap in time (a held poll and the POST beside it) show as separate bars.
     */
    static int[] tracks(List<WireEntry> wire) {
        int[] track = new int[wire.size()];
        long[] busyUntil = new long[TRACK_OFFSETS.length];
        Arrays.fill(busyUntil, Long.MIN_VALUE);
        List<Integer> held = new ArrayList<>();
        for (int i = 0; i < wire.size(); i++) {
            if (start(wire.get(i)) < wire.get(i).atMillis()) {
                held.add(i);
            }
        }
        held.sort(Comparator.comparingLong(i -> start(wire.get(i))));
        for (int i : held) {
            long from = start(wire.get(i));
            int free = 0;
            while (free < busyUntil.length && busyUntil[free] > from) {
                free++;
            }
            // more than three at once: the least busy row takes it and bars overlap
            int t = free < busyUntil.length ? free : leastBusy(busyUntil);
            track[i] = t;
            busyUntil[t] = wire.get(i).atMillis();
        }
        return track;
    }

    private static int leastBusy(long[] busyUntil) {
        int best = 0;
        for (int t = 1; t < busyUntil.length; t++) {
            if (busyUntil[t] < busyUntil[best]) {
                best = t;
            }
        }
        return best;
    }

    /** When the entry began: an HTTP answer's request went out {@code N} ms before it came back. */
    static long start(WireEntry e) {
        if (!"<".equals(e.direction()) || e.text() == null) {
            return e.atMillis();
        }
        Matcher m = HELD.matcher(e.text());
        if (!m.find()) {
            return e.atMillis();
        }
        try {
            return e.atMillis() - Long.parseLong(m.group(1));
        } catch (NumberFormatException tooLong) {
            return e.atMillis();
        }
    }

    private static void axis(StringBuilder svg, Scale x, long from, long to, int y) {
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(y)
                .append("\" y2=\"").append(y).append("\" stroke=\"#8c959f\"/>");
        long step = niceStep(Math.max(to - from, 1) / 8.0);
        for (long t = ceilTo(from, step); t <= to; t += step) {
            double px = x.at(t);
            svg.append("<line x1=\"").append(fmt(px)).append("\" x2=\"").append(fmt(px)).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y + 4).append("\" stroke=\"#8c959f\"/>")
                    .append("<text x=\"").append(fmt(px)).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"middle\">").append(Html.text(tickLabel(t, to - from))).append("</text>");
        }
    }

    static long niceStep(double raw) {
        long magnitude = 1;
        while (magnitude * 10 <= raw) {
            magnitude *= 10;
        }
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static long ceilTo(long t, long step) {
        return Math.floorDiv(t + step - 1, step) * step;
    }

    /** Seconds on an axis of a second or more (held polls, timeouts), milliseconds below. */
    static String tickLabel(long t, long span) {
        if (span < 1000) {
            return t + " ms";
        }
        if (t % 1000 == 0) {
            return (t / 1000) + " s";
        }
        return String.format(Locale.ROOT, t % 100 == 0 ? "%.1f s" : "%.2f s", t / 1000.0);
    }

    private static int lane(String direction) {
        return switch (direction == null ? "" : direction) {
            case ">" -> 0;
            case "<" -> 1;
            default -> 2;
        };
    }

    private static int laneY(int lane) {
        return TOP + lane * LANE + LANE / 2;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private record Scale(long from, long span) {
        double at(long t) {
            return LEFT + (t - from) * (double) (WIDTH - LEFT - RIGHT) / span;
        }
    }
}
