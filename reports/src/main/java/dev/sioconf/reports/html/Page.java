package dev.sioconf.reports.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The frame every report page shares: a self-contained HTML document with the stylesheet inline. */
final class Page {

    /**
     * Defence in depth behind the escaping: even markup that slipped through could run no script
     * and load nothing from the network.
     */
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private static final String CSS = loadCss();

    private final StringBuilder html = new StringBuilder(16 * 1024);

    Page(String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(POLICY).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.text(title)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
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
