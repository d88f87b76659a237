package dev.sioconf.suite.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.cli.CliRun;
import dev.sioconf.suite.client.ClientSettings;
import dev.sioconf.suite.client.ClientTarget;
import dev.sioconf.suite.client.ClientTargets;
import dev.sioconf.suite.interop.clients.JavaContractClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Real clients under {@code sioconf client}, as a user runs it: socket.io-client 4.8.1 in node, the
 * Java client io.socket:socket.io-client 2.1.2, python-socketio 5.7.2's AsyncClient from Debian,
 * and socket.io-client 4.8.1's browser bundle in headless Chromium, each running the contract of spec/eio4-client.md section 1,
 * socket.io-client 2.5.0 under spec/eio3-client.md and socket.io-client 0.9.16 under
 * spec/legacy-client.md, side by side in one report and
 * compared with the committed baseline {@code interop/baselines/clients.txt} (every non-PASS
 * explained in interop/baselines/README.md).
 *
 * <p>{@code -Dsioconf.interop.updateBaseline=true} has the CLI write the baseline instead.
 */
@Execution(ExecutionMode.SAME_THREAD)
@ResourceLock(ServerProcess.INTEROP_LOCK)
class ClientsIT {

    static final String NODE_CLIENT = "socket.io-client-4.8.1";
    static final String JAVA_CLIENT = "io.socket-socket.io-client-2.1.2";
    static final String PYTHON_CLIENT = "python-socketio-5.7.2";
    static final String BROWSER_CLIENT = "socket.io-client-4.8.1-chromium";
    static final String EIO3_NODE_CLIENT = "socket.io-client-2.5.0";
    static final String LEGACY_NODE_CLIENT = "socket.io-client-0.9.16";
    /** Debian's chromium, which .ci/run installs. */
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** The clients of interop/ and the test classpath, as a --clients file names them. */
    static List<ClientTarget> clients() {
        Path interop = ServerProcess.interopDir();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<ClientTarget> clients = new ArrayList<>();
        clients.add(new ClientTarget(NODE_CLIENT, List.of("node", interop.resolve("clients/socket.io-client-4.js").toString()), "eio4",
                ClientSettings.DEFAULTS));
        // A JVM per case that lives a few seconds: C1 only and the serial GC. Its 25 cases took 37 s
        // of CPU with the defaults and 24 s so, with the same verdicts; ClientsIT saturates both cores.
        clients.add(new ClientTarget(JAVA_CLIENT, List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), JavaContractClient.class.getName()), "eio4", ClientSettings.DEFAULTS));
        clients.add(new ClientTarget(PYTHON_CLIENT, List.of(ServerProcess.DEBIAN_PYTHON,
                interop.resolve("clients/python-socketio-client.py").toString()), "eio4", ClientSettings.DEFAULTS));
        clients.add(new ClientTarget(BROWSER_CLIENT, List.of("node", interop.resolve("clients/browser-client.js").toString(),
                CHROMIUM.toString()), "eio4", ClientSettings.DEFAULTS));
        clients.add(new ClientTarget(EIO3_NODE_CLIENT, List.of("node", interop.resolve("clients/socket.io-client-2.js").toString()), "eio3",
                ClientSettings.DEFAULTS));
        clients.add(new ClientTarget(LEGACY_NODE_CLIENT, List.of("node", interop.resolve("clients/socket.io-client-0.9.js").toString()),
                "legacy", ClientSettings.LEGACY_DEFAULTS));
        return clients;
    }

    @Test
    void realClientsRunByTheCliHaveTheVerdictsOfTheirBaseline() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium; .ci/run does)").isExecutable();
        Path report = Path.of(System.getProperty("sioconf.interop.report", "target/interop-report")).resolve("clients");
        Files.createDirectories(report.getParent());
        Path file = Files.writeString(report.resolveSibling("clients.json"), ClientTargets.toJson(clients()));
        Path baseline = ServerProcess.interopDir().resolve("baselines/clients.txt");
        boolean update = Boolean.getBoolean(SocketIo0919InteropIT.UPDATE);
        CliRun run = CliRun.sioconf("client", "--clients", file.toString(), "--report", report.toString(), "--quiet",
                update ? "--write-baseline" : "--baseline", baseline.toString());
        String said = "sioconf said on stdout:\n" + run.out() + "\nand on stderr:\n" + run.err() + "\nreport in " + report;
        System.out.println("clients: exit " + run.exit() + "; report " + report);
        if (update) {
            assertThat(run.exit()).as(said).isIn(0, 1);
            return;
        }
        assertThat(run.exit()).as("sioconf client's exit status with --baseline %s (a difference: explain it in "
                + "interop/baselines/README.md and rerun with -D%s=true); %s", baseline, SocketIo0919InteropIT.UPDATE, said).isZero();
        Document index = Jsoup.parse(report.resolve("index.html").toFile(), "UTF-8");
        assertThat(index.text()).contains(NODE_CLIENT, JAVA_CLIENT, PYTHON_CLIENT, BROWSER_CLIENT, EIO3_NODE_CLIENT, LEGACY_NODE_CLIENT,
                "EIO4C-2.1", "EIO4C-9.1", "EIO3C-4.1", "LEGC-8.2");
    }
}
