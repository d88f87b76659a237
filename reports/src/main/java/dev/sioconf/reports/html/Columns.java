package dev.sioconf.reports.html;

import dev.sioconf.reports.CaseResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The matrix columns: one per target and transport, grouped by target in the run's order. */
final class Columns {

    /** A case that is not per transport runs under this name. */
    static final String NO_TRANSPORT = "-";

    /** The legacy transports in the order 0.9 clients try them; others follow by name. */
    private static final List<String> KNOWN = List.of(
            NO_TRANSPORT, "websocket", "flashsocket", "htmlfile", "xhr-polling", "jsonp-polling");

    static final Comparator<String> TRANSPORT_ORDER = Comparator
            .comparingInt((String t) -> KNOWN.contains(t) ? KNOWN.indexOf(t) : KNOWN.size())
            .thenComparing(Comparator.naturalOrder());

    record Column(String target, String transport) {
    }

    private final Map<String, List<String>> transportsByTarget = new LinkedHashMap<>();

    Columns(ReportRun run) {
        for (String target : run.targets().keySet()) {
            TreeSet<String> transports = new TreeSet<>(TRANSPORT_ORDER);
            run.results().stream().filter(r -> r.target().equals(target)).map(CaseResult::transport)
                    .forEach(transports::add);
            transportsByTarget.put(target, new ArrayList<>(transports));
        }
    }

    /** Targets with at least one result, in order, each with its transports. */
    Map<String, List<String>> byTarget() {
        Map<String, List<String>> shown = new LinkedHashMap<>();
        transportsByTarget.forEach((t, list) -> {
            if (!list.isEmpty()) {
                shown.put(t, list);
            }
        });
        return shown;
    }

    List<Column> all() {
        List<Column> columns = new ArrayList<>();
        byTarget().forEach((t, list) -> list.forEach(tr -> columns.add(new Column(t, tr))));
        return columns;
    }

    static String transportLabel(String transport) {
        return NO_TRANSPORT.equals(transport) ? "\u2014" : transport;
    }
}
