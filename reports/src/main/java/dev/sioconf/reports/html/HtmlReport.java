package dev.sioconf.reports.html;

import dev.sioconf.reports.CaseResult;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the HTML report of a run into a directory: {@code index.html}, {@code compare.html} when
 * there are two or more targets, and one page per result under {@code cases/}. The pages are
 * static and self-contained: no script, nothing from outside the report directory, one shared stylesheet.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /**
     * @param siblings other files of the report directory that index.html should link to, e.g. results.json
     * @return the path of index.html
     */
    public static Path write(Path dir, ReportRun run, List<String> siblings) throws IOException {
        Files.createDirectories(dir);
        removeStalePages(dir);
        Page.writeStylesheet(dir);
        Requirements requirements = new Requirements();
        PageNames pages = new PageNames(run.results());
        boolean compare = new Columns(run).byTarget().size() >= 2;

        CasePage casePage = new CasePage(run, requirements, pages);
        for (CaseResult r : run.results()) {
            casePage.write(dir, r, compare);
        }
        List<String> links = new ArrayList<>();
        if (compare) {
            new ComparePage(run, requirements, pages).write(dir);
            links.add(ComparePage.FILE_NAME);
        }
        links.addAll(siblings);
        return new IndexPage(run, requirements, pages).write(dir, links);
    }

    /** A directory written before keeps no page of an earlier run that this one would not overwrite. */
    private static void removeStalePages(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(ComparePage.FILE_NAME));
        Path cases = dir.resolve(PageNames.DIR);
        if (!Files.isDirectory(cases)) {
            return;
        }
        try (DirectoryStream<Path> old = Files.newDirectoryStream(cases, "*.html")) {
            for (Path page : old) {
                Files.deleteIfExists(page);
            }
        }
    }
}
