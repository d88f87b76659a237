package dev.sioconf.suite.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.sioconf.server.ReferenceServer;
import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.legacy.LegacySettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * EIO4-24.1's finding in a real browser: the official socket.io-client 4.8.1 browser bundle in
 * Debian's headless Chromium, driven through chromedriver, connects through nginx set up right and
 * through nginx that drops the upgrade headers ({@code interop/deploy/time-to-hello.html}), with
 * the transports an application might choose, five page loads each. It prints the time from
 * {@code io()} to the first {@code helloBack}; it asserts which set-ups connect, the times are figures.
 */
@Execution(ExecutionMode.SAME_THREAD)
@ResourceLock(ServerProcess.INTEROP_LOCK)
class DeploymentBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final int RUNS = DeploymentClientIT.RUNS;
    static final Duration RUN_BOUND = DeploymentClientIT.RUN_BOUND;
    /** Beyond a run's own bound: the page load and chromedriver's round trips. */
    static final Duration MARGIN = Duration.ofSeconds(5);

    @TempDir
    Path scratch;

    @Test
    void inABrowserOnlyAClientThatStartsOnPollingOrFallsBackConnectsThroughAFrontEndThatDropsWebSocket() throws Exception {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: apt-get install chromium chromium-driver (.ci/run does)");
            }
        }
        List<AutoCloseable> running = new ArrayList<>();
        Map<String, Map<String, Result>> byFrontEnd = new LinkedHashMap<>();
        ChromeDriver browser = null;
        try {
            // the page's origin differs from the front end's, so the server allows any origin
            ReferenceServer server = ReferenceServer.start(LegacySettings.defaults(), Eio4Settings.defaults().withCors(List.of("*"), false));
            running.add(server);
            HttpServer pages = pageServer();
            running.add(() -> pages.stop(0));
            browser = browser(scratch.resolve("chromedriver.log"));
            for (String config : List.of("websocket-proxy", "no-upgrade-headers")) {
                FrontEnd nginx = FrontEnd.start(FrontEnd.Proxy.NGINX, config, List.of(server.baseUri()), scratch.resolve(config));
                running.add(nginx);
                Map<String, Result> results = new LinkedHashMap<>();
                for (DeploymentClientIT.Client c : DeploymentClientIT.CLIENTS) {
                    results.put(c.name(), timeToHello(browser, pages, nginx.base(), c));
                }
                byFrontEnd.put(config, results);
            }
        } finally {
            if (browser != null) {
                browser.quit();
            }
            for (int i = running.size() - 1; i >= 0; i--) {
                running.get(i).close();
            }
        }
        StringBuilder table = new StringBuilder("deployment browser | front end | client | connected | median ms | transport\n");
        byFrontEnd.forEach((config, results) -> results.forEach((client, r) -> table.append("deployment browser | ").append(config)
                .append(" | ").append(client).append(" | ").append(r.connected()).append(" of ").append(RUNS).append(" | ")
                .append(r.medianMs() < 0 ? "-" : String.valueOf(r.medianMs())).append(" | ").append(r.first()).append('\n')));
        System.out.print(table);

        for (DeploymentClientIT.Client c : DeploymentClientIT.CLIENTS) {
            assertThat(byFrontEnd.get("websocket-proxy").get(c.name()).connected())
                    .as("%s through websocket-proxy\n%s", c.name(), table).isEqualTo(RUNS);
            int expected = c.transports().startsWith("websocket") && !c.tryAll() ? 0 : RUNS;
            assertThat(byFrontEnd.get("no-upgrade-headers").get(c.name()).connected())
                    .as("%s through no-upgrade-headers\n%s", c.name(), table).isEqualTo(expected);
        }
    }

    /** The runs of one set-up: how many connected, their median, and the first run's transport or error. */
    record Result(int connected, long medianMs, String first) {
    }

    private static Result timeToHello(ChromeDriver browser, HttpServer pages, URI frontEnd, DeploymentClientIT.Client c)
            throws IOException, InterruptedException {
        String page = "http://127.0.0.1:" + pages.getAddress().getPort() + "/time-to-hello.html?url="
                + URLEncoder.encode(frontEnd.toString(), StandardCharsets.UTF_8) + "&transports=" + c.transports()
                + "&tryAll=" + (c.tryAll() ? 1 : 0) + "&timeoutMs=" + RUN_BOUND.toMillis();
        List<Long> times = new ArrayList<>();
        String first = null;
        for (int run = 0; run < RUNS; run++) {
            browser.get(page);
            JsonNode r = awaitResult(browser, c);
            browser.get("about:blank"); // the page goes, and its connections with it
            if (first == null) {
                first = r.has("transport") ? r.get("transport").asText() : r.path("error").asText();
            }
            if (r.has("ms")) {
                times.add(r.get("ms").asLong());
            }
        }
        times.sort(null);
        long median = times.size() == RUNS ? times.get(RUNS / 2) : -1;
        return new Result(times.size(), median, first);
    }

    private static JsonNode awaitResult(ChromeDriver browser, DeploymentClientIT.Client c) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + RUN_BOUND.plus(MARGIN).toNanos();
        while (System.nanoTime() < deadline) {
            Object json = ((JavascriptExecutor) browser).executeScript(
                    "return window.sioconfResult ? JSON.stringify(window.sioconfResult) : null");
            if (json != null) {
                return new ObjectMapper().readTree(json.toString());
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the page set no result within " + RUN_BOUND.plus(MARGIN).toMillis() + " ms (" + c.name() + ")");
    }

    /** Serves the probe page and the client's browser bundle from {@code interop/}, on a free loopback port. */
    private static HttpServer pageServer() throws IOException {
        Path interop = ServerProcess.interopDir();
        Map<String, Path> files = Map.of(
                "/time-to-hello.html", interop.resolve("deploy/time-to-hello.html"),
                "/socket.io.min.js", interop.resolve("node_modules/socket.io-client-4/dist/socket.io.min.js"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        files.forEach((path, file) -> server.createContext(path, exchange -> {
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", path.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }));
        server.start();
        return server;
    }

    private ChromeDriver browser(Path log) {
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(log.toFile()).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=" + scratch.resolve("chromium-profile"));
        options.setPageLoadTimeout(Duration.ofSeconds(10));
        options.setScriptTimeout(Duration.ofSeconds(5));
        return new ChromeDriver(service, options);
    }
}
