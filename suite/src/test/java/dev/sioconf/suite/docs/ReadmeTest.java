package dev.sioconf.suite.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.cli.SioconfMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What the README tells a new user to type still fits the scripts and the CLI (the recipes of the
 * form {@code (cd interop && VAR=... node x.js)}, then {@code java -jar ...}), and the scenario line
 * it quotes has the shape a run prints, with counts that add up to the CLI's count it states.
 */
class ReadmeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** {@code `(cd interop && A=1 B=2 node x.js)`, then `java -jar suite/target/sioconf.jar ...`}, lines joined. */
    private static final Pattern RECIPE = Pattern.compile(
            "`\\(cd interop && ((?:[A-Z_]+=\\S+ )*)node (\\S+\\.js)\\)`,? then `java -jar suite/target/sioconf\\.jar ([^`]+)`");

    private static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md")).replaceAll("\\s+", " ");
    }

    @Test
    void everyHandRunRecipeNamesVariablesItsScriptReadsAndOptionsTheCliTakes() throws IOException {
        Matcher m = RECIPE.matcher(readme());
        List<String> scripts = new ArrayList<>();
        while (m.find()) {
            String script = m.group(2);
            scripts.add(script);
            String source = Files.readString(ROOT.resolve("interop").resolve(script));
            for (String assignment : m.group(1).trim().split(" ")) {
                String variable = assignment.substring(0, assignment.indexOf('='));
                assertThat(source).as("%s reads %s", script, variable).contains(variable);
            }
            String[] args = m.group(3).trim().split(" ");
            // parsing alone: an unknown option or a missing value throws
            new CommandLine(new SioconfMain()).parseArgs(args);
        }
        assertThat(scripts).contains("legacy-server.js", "eio3-server.js", "modern-server.js");
    }

    @Test
    void theScenarioLineQuotedIsTheOneARunPrintsAndItsCountsAddUp() throws IOException {
        Matcher m = Pattern.compile("`sioconf scenario reference/eio4-all: (\\d+) results \\((\\d+) of them opt-in cases\\) in "
                + "\\d+\\.\\d s wall`").matcher(readme());
        assertThat(m.find()).as("the README quotes the line as ResultsCollector.TargetSpan.describe() writes it").isTrue();
        int all = Integer.parseInt(m.group(1));
        int optIn = Integer.parseInt(m.group(2));
        assertThat(readme()).contains("the CLI without `--robustness` and `--deployment` gives " + (all - optIn)
                + " results for the same scenario");
    }
}
