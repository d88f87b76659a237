package dev.sioconf.suite.cli;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.Verdict;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the fault catalogues of the profiles share: one run of a fault's case per fault, many at
 * once (the cases mostly wait on the server), and the clean run beside them, each bounded.
 */
final class FaultRuns {

    static final int RUNS_AT_ONCE = 20;
    static final Duration RUN_LIMIT = Duration.ofMinutes(4);

    private FaultRuns() {
    }

    /** The clean run, started at once on its own thread so that it overlaps the fault runs. */
    static Future<List<CaseResult>> inBackground(Callable<List<CaseResult>> clean) {
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            return one.submit(clean);
        } finally {
            one.shutdown();
        }
    }

    static List<CaseResult> await(Future<List<CaseResult>> run) throws Exception {
        return run.get(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The results of {@code run} for every fault of {@code type}. */
    static <F extends Enum<F>> Map<F, List<CaseResult>> runEach(Class<F> type, Function<F, Callable<List<CaseResult>>> run)
            throws Exception {
        Map<F, List<CaseResult>> results = new EnumMap<>(type);
        ExecutorService pool = Executors.newFixedThreadPool(RUNS_AT_ONCE);
        try {
            Map<F, Future<List<CaseResult>>> runs = new LinkedHashMap<>();
            for (F f : type.getEnumConstants()) {
                runs.put(f, pool.submit(run.apply(f)));
            }
            for (Map.Entry<F, Future<List<CaseResult>>> r : runs.entrySet()) {
                results.put(r.getKey(), r.getValue().get(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    /** The cases that found something wrong: neither PASS nor UNIMPLEMENTED. */
    static Set<String> caught(List<CaseResult> results) {
        return results.stream().filter(r -> r.verdict() != Verdict.PASS && r.verdict() != Verdict.UNIMPLEMENTED)
                .map(CaseResult::id).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Each result that is not {@code allowed}, in one line, for a failure message. */
    static List<String> otherThan(List<CaseResult> results, Set<Verdict> allowed) {
        return results.stream().filter(r -> !allowed.contains(r.verdict()))
                .map(r -> r.verdict() + " " + r.id() + " · " + r.transport() + ": " + r.message()).toList();
    }
}
