package dev.sioconf.reports.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The frame every report page shares: an HTML document whose only outside resource is the
 * report's own stylesheet, {@value #CSS_FILE} at the top of the report directory, written once
 * beside index.html rather than inline in each of two thousand case pages.
 */
final class Page {

    /**
     * Defence in depth behind the escaping: even markup that slipped through could run no script
     * and load nothing from the network.
     */
    private static final String POLICY = "default-src 'none'; style-src 'self'; img-src data:";

    static final String CSS_FILE = "report.css";

    private static final String CSS = loadCss();

    private final StringBuilder html = new StringBuilder(16 * 1024);

    /** @param top the way from the page to the report directory: {@code ""} or {@code "../"} */
    Page(String title, String top) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(POLICY).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.text(title)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(top).append(CSS_FILE).append("\">\n</head>\n<body>\n");
    }

    /** Writes the stylesheet the pages link to. */
    static void writeStylesheet(Path dir) throws IOException {
        Files.writeString(dir.resolve(CSS_FILE), CSS, StandardCharsets.UTF_8);
    }

    /** Appends markup as is: every value from a run must already have gone through {@link Html}. */
    Page raw(String markup) {
        html.append(markup);
        return this;
    }

    /** Appends text, escaped. */
    Page text(String text) {
        html.append(Html.text(text));
        return this;
    }

    void writeTo(Path file, String version) throws IOException {
        html.append("<footer>Written by sioconf ").append(Html.text(version)).append(".</footer>\n</body>\n</html>\n");
        Files.createDirectories(file.getParent());
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    private static String loadCss() {
        try (InputStream in = Page.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the reports jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
