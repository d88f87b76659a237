package dev.sioconf.reports;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of sioconf that writes a report, from the build (Maven filters version.properties). */
public final class SioconfVersion {

    private static final String VERSION = read();

    private SioconfVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = SioconfVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            // an unfiltered copy (e.g. run from an IDE without Maven's resource step)
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
