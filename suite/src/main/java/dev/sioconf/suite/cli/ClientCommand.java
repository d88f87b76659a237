package dev.sioconf.suite.cli;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.suite.client.ClientSettings;
import dev.sioconf.suite.client.ClientTarget;
import dev.sioconf.suite.client.ClientTargets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sioconf client --profile eio4 -- node my-client.js}: checks a client against
 * spec/eio4-client.md. Each case starts the tester server and the command (with
 * {@code SIOCONF_URL} set) once, plays the server's part and records what the client does.
 */
@Command(name = "client", mixinStandardHelpOptions = true, version = "sioconf 0.1.0", sortOptions = false,
        description = "Checks a socket.io client against spec/eio4-client.md. The client command runs once per case with "
                + "SIOCONF_URL set to the tester server, and must run the contract of the spec's section 1.",
        footer = {"", "Exit status: 0 no MUST failed (with --baseline: every verdict as in the baseline); 1 a MUST failed "
                + "(with --baseline: a verdict changed); 2 bad usage, or a client that cannot be started or makes no request."})
public final class ClientCommand implements Callable<Integer> {

    @Option(names = "--profile", paramLabel = "PROFILE", description = "The client's protocol profile: eio4, eio3 or legacy (default: eio4).")
    String profile = "eio4";

    @Option(names = "--name", paramLabel = "NAME", description = "Name of the client in the report (default: the command's script or program).")
    String name;

    @Option(names = "--reconnection-delay", paramLabel = "MS", description = "Declared reconnectionDelay (default: 1000).")
    Long reconnectionDelay;

    @Option(names = "--reconnection-delay-max", paramLabel = "MS", description = "Declared reconnectionDelayMax (default: 5000).")
    Long reconnectionDelayMax;

    @Option(names = "--randomization-factor", paramLabel = "F", description = "Declared randomizationFactor, 0 to 1 (default: 0.5).")
    Double randomizationFactor;

    @Option(names = "--clients", paramLabel = "FILE",
            description = "Several clients in one run, from a JSON file: {\"clients\": [{\"name\": ..., \"command\": [\"node\", \"c.js\"], "
                    + "\"profile\": \"eio4\", \"reconnectionDelay\": 1000, ...}]}; one report with every client side by side.")
    Path clientsFile;

    @Mixin
    RunOutput output = new RunOutput();

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The client to run, after --, e.g. -- node my-client.js.")
    List<String> command = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Selection selection = output.selection();
        List<ClientTarget> clients = clients();
        if (!selection.isAll() && SuiteRunner.clientRequirementsMatching(selection).isEmpty()) {
            throw new SioconfMain.UsageError("no client case matches " + selection.describe());
        }
        String profiles = String.join(",", clients.stream().map(ClientTarget::profile).distinct().toList());
        out.println("sioconf 0.1.0 · client profile " + profiles + (selection.isAll() ? "" : " · " + selection.describe()));
        Map<String, String> declared = new LinkedHashMap<>();
        for (ClientTarget c : clients) {
            declared.put(c.name(), c.describe());
            out.println("  client " + c.name() + ": " + c.describe());
            ClientPreflight.check(c);
        }
        ProgressPrinter progress = output.progress(out);
        List<CaseResult> results = SuiteRunner.runClients(Map.of(ClientTargets.CLIENTS, ClientTargets.toJson(clients)), selection, progress);
        String catalogues = String.join(",", clients.stream().map(ClientTarget::requirementProfile).distinct().toList());
        return output.finish(out, err, new RunOutput.Run(catalogues, declared, clients.stream().map(ClientTarget::name).toList(), List.of(),
                selection), results, progress);
    }

    private List<ClientTarget> clients() throws IOException {
        if (clientsFile != null) {
            if (!command.isEmpty() || name != null || reconnectionDelay != null || reconnectionDelayMax != null || randomizationFactor != null) {
                throw new SioconfMain.UsageError("--clients FILE names every client and its settings; give no command, --name or settings with it");
            }
            if (!Files.isRegularFile(clientsFile)) {
                throw new SioconfMain.UsageError("no clients file " + clientsFile);
            }
            return ClientTargets.parse(Files.readString(clientsFile));
        }
        if (command.isEmpty()) {
            throw new SioconfMain.UsageError("name the client to run after --, e.g. sioconf client --profile eio4 -- node my-client.js");
        }
        if (!ClientTargets.PROFILES.contains(profile)) {
            throw new SioconfMain.UsageError("unknown client profile '" + profile + "'; known: " + String.join(", ", ClientTargets.PROFILES));
        }
        ClientSettings d = ClientSettings.defaultsOf(profile);
        ClientSettings settings = new ClientSettings(
                reconnectionDelay == null ? d.reconnectionDelay() : Duration.ofMillis(reconnectionDelay),
                reconnectionDelayMax == null ? d.reconnectionDelayMax() : Duration.ofMillis(reconnectionDelayMax),
                randomizationFactor == null ? d.randomizationFactor() : randomizationFactor);
        return List.of(new ClientTarget(name != null ? name : defaultName(command), command, profile, settings));
    }

    /** The script a command runs (its last word that is not an option), else the program. */
    static String defaultName(List<String> command) {
        for (int i = command.size() - 1; i > 0; i--) {
            if (!command.get(i).startsWith("-")) {
                return Path.of(command.get(i)).getFileName().toString();
            }
        }
        return Path.of(command.get(0)).getFileName().toString();
    }
}
