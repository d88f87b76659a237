package dev.sioconf.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Renders the report in a real browser: what a reader sees must hold the matrix and the red cell. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ChromiumScreenshotTest {

    private static final int FAIL_RED = 0xcf222e;
    private static final int PASS_GREEN = 0x1f883d;

    @Test
    void theIndexRendersWithTheMatrixAndTheFailingCell(@TempDir Path report, @TempDir Path work) throws Exception {
        Chromium chromium = Chromium.required();
        Path index = SampleRun.write(report);

        Path png = work.resolve("index.png");
        chromium.screenshot(index, png, work);
        assertThat(png).isRegularFile();
        assertThat(Files.size(png)).isGreaterThan(10_000);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1400);
        assertThat(image.getHeight()).isEqualTo(1000);
        assertThat(distinctColours(image)).as("a page with text and colours, not a blank one").isGreaterThan(50);
        assertThat(contains(image, FAIL_RED)).as("the red FAIL cell is on screen").isTrue();
        assertThat(contains(image, PASS_GREEN)).as("green PASS cells are on screen").isTrue();

        Document dom = Jsoup.parse(chromium.dumpDom(index, work));
        Element matrix = dom.selectFirst("table.matrix");
        assertThat(matrix).isNotNull();
        assertThat(matrix.select("td.v-fail a")).hasSize(1);
        assertThat(matrix.selectFirst("td.v-fail a").text()).isEqualTo("FAIL");
        // what the browser built holds no element the hostile target sent
        assertThat(dom.select("script, img")).isEmpty();
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return colours.size();
    }

    /** Whether some pixel is within a small distance of the colour (rendering may round). */
    private static boolean contains(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (close(p >> 16, rgb >> 16) && close(p >> 8, rgb >> 8) && close(p, rgb)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean close(int a, int b) {
        return Math.abs((a & 0xff) - (b & 0xff)) <= 6;
    }
}
