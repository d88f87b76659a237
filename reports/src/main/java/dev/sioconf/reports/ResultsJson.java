package dev.sioconf.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code results.json}: {@code {"target", "profile", "targets":[...], "cases":[{"id", "requirement",
 * "transport", "verdict", "expected", "actual", "durationMillis", ..., "wire"}]}}, cases sorted so two runs diff
 * cleanly; {@code wire} only for the results {@link WireLogs#keptWhole} keeps whole, every log being in
 * {@value WireLogs#FILE_NAME}.
 */
public final class ResultsJson {

    public static final String FILE_NAME = "results.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    /**
     * @param targets each target's name with a short description of its declared settings
     */
    public static Path write(Path dir, String profile, Map<String, String> targets, List<CaseResult> results)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("target", String.join(", ", targets.keySet()));
        root.put("profile", profile);
        ArrayNode targetList = root.putArray("targets");
        targets.forEach((name, declared) -> targetList.addObject().put("name", name).put("declared", declared));
        ArrayNode cases = root.putArray("cases");
        results.stream().sorted(ORDER).forEach(r -> {
            ObjectNode c = JSON.valueToTree(r);
            if (!WireLogs.keptWhole(r.verdict())) {
                c.remove("wire"); // in wire-logs.jsonl.gz
            }
            cases.add(c);
        });
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE_NAME);
        JSON.writeValue(file.toFile(), root);
        return file;
    }

    public static final Comparator<CaseResult> ORDER = Comparator.comparing(CaseResult::target)
            .thenComparing(CaseResult::requirement, ResultsJson::compareIds)
            .thenComparing(CaseResult::id)
            .thenComparing(CaseResult::transport);

    /** LEG-3.10 after LEG-3.9. */
    public static int compareIds(String a, String b) {
        String[] pa = a.split("[-.]");
        String[] pb = b.split("[-.]");
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int c = pa[i].matches("\\d+") && pb[i].matches("\\d+")
                    ? Integer.compare(Integer.parseInt(pa[i]), Integer.parseInt(pb[i]))
                    : pa[i].compareTo(pb[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.length, pb.length);
    }
}
