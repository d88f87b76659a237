package dev.sioconf.server;

import dev.sioconf.server.legacy.Fault;
import dev.sioconf.server.legacy.LegacyServer;
import dev.sioconf.server.legacy.LegacySettings;
import dev.sioconf.server.legacy.LegacyTransport;
import dev.sioconf.server.legacy.codec.HandshakeAnswer;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar reference-server.jar [options]}: runs the reference server until it is stopped. */
@Command(name = "reference-server",
        mixinStandardHelpOptions = true,
        version = "sioconf reference server 0.1.0",
        sortOptions = false,
        description = "Runs the sioconf reference server: socket.io protocol revision 1 (socket.io 0.9), "
                + "with the server contract of spec/legacy.md on the default endpoint and /custom.")
public final class ReferenceServerMain implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT", description = "Port to bind, 0 for a free one (default: ${DEFAULT-VALUE}).")
    int port = 3000;

    @Option(names = "--transports", paramLabel = "LIST",
            description = "Transports offered, in handshake order (default: ${DEFAULT-VALUE}). "
                    + "Known: websocket, htmlfile, xhr-polling, jsonp-polling.")
    String transports = "websocket,htmlfile,xhr-polling,jsonp-polling";

    @Option(names = "--polling-duration", paramLabel = "SECONDS", converter = SecondsConverter.class,
            description = "How long an empty poll is held before the noop (default: 20).")
    Duration pollingDuration = Duration.ofSeconds(20);

    @Option(names = "--heartbeat-interval", paramLabel = "SECONDS", converter = SecondsConverter.class,
            description = "Time between server heartbeats on websocket and htmlfile (default: 25).")
    Duration heartbeatInterval = Duration.ofSeconds(25);

    @Option(names = "--heartbeat-timeout", paramLabel = "SECONDS", converter = SecondsConverter.class,
            description = "How long to wait for the client's heartbeat; sent in the handshake (default: 60).")
    Duration heartbeatTimeout = Duration.ofSeconds(60);

    @Option(names = "--no-heartbeats", description = "Send no heartbeats; the handshake's heartbeat field is empty.")
    boolean noHeartbeats;

    @Option(names = "--close-timeout", paramLabel = "SECONDS", converter = SecondsConverter.class,
            description = "How long a session lives with no transport connected (default: 60).")
    Duration closeTimeout = Duration.ofSeconds(60);

    @Option(names = "--origins", paramLabel = "LIST",
            description = "Allowed origins as host:port patterns, * for any part (default: ${DEFAULT-VALUE}).")
    String origins = "*:*";

    @Option(names = "--fault", paramLabel = "NAME", split = ",", converter = FaultConverter.class,
            description = "Deviate from the protocol on purpose, to check that the suite catches it; "
                    + "repeatable or a comma list. The faults are listed below.")
    List<Fault> faults = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command; returns the exit code (0 after a clean stop, 1 if it cannot start, 2 for bad usage). */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new ReferenceServerMain());
        cli.setOut(out);
        cli.setErr(err);
        cli.getCommandSpec().usageMessage().footer(faultList());
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("reference-server: " + e.getMessage() + " (see --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, c, p) -> {
            err.println("reference-server: " + describe(e));
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        LegacySettings settings = settings();
        LegacyServer server = LegacyServer.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "sioconf-shutdown"));
        spec.commandLine().getOut().println(banner(server));
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    LegacySettings settings() {
        List<LegacyTransport> offered = new ArrayList<>();
        for (String name : transports.split(",", -1)) {
            String trimmed = name.trim();
            if (trimmed.equals("flashsocket")) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "--transports: flashsocket is not implemented by the reference server");
            }
            offered.add(LegacyTransport.ofWireName(trimmed).orElseThrow(() -> new CommandLine.ParameterException(
                    new CommandLine(this), "--transports: unknown transport '" + trimmed + "'")));
        }
        List<String> originList = List.of(origins.split(","));
        try {
            return new LegacySettings(host, port, offered, pollingDuration, !noHeartbeats, heartbeatInterval,
                    heartbeatTimeout, closeTimeout, originList.stream().map(String::trim).toList(),
                    faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
    }

    static String banner(LegacyServer server) {
        LegacySettings s = server.settings();
        return "sioconf reference server (legacy, socket.io 0.9) listening on " + server.baseUri() + "/socket.io/1/"
                + " transports=" + s.transports().stream().map(LegacyTransport::wireName).collect(Collectors.joining(","))
                + " polling-duration=" + HandshakeAnswer.seconds(s.pollingDuration())
                + " heartbeat-interval=" + (s.heartbeats() ? HandshakeAnswer.seconds(s.heartbeatInterval()) : "off")
                + " heartbeat-timeout=" + (s.heartbeats() ? HandshakeAnswer.seconds(s.heartbeatTimeout()) : "off")
                + " close-timeout=" + HandshakeAnswer.seconds(s.closeTimeout())
                + (s.faults().isEmpty() ? ""
                        : " faults=" + s.faults().stream().map(Fault::wireName).collect(Collectors.joining(",")));
    }

    /** The help footer: every fault with what it changes. */
    static String[] faultList() {
        List<String> lines = new ArrayList<>();
        lines.add("%nFaults for --fault (a conforming server has none):");
        // Name and description on lines of their own: picocli wraps footer lines without indenting them.
        for (Fault f : Fault.values()) {
            lines.add("  " + f.wireName());
            lines.add("      " + f.description());
        }
        return lines.toArray(String[]::new);
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message;
    }

    static final class FaultConverter implements CommandLine.ITypeConverter<Fault> {
        @Override
        public Fault convert(String value) {
            return Fault.ofWireName(value.trim()).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "unknown fault '" + value + "'"));
        }
    }

    /** Seconds, whole or with a fraction, as socket.io 0.9 settings are given; must be above zero. */
    static final class SecondsConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            BigDecimal seconds;
            try {
                seconds = new BigDecimal(value.trim());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a number of seconds");
            }
            if (seconds.signum() <= 0) {
                throw new CommandLine.TypeConversionException("'" + value + "' must be above zero seconds");
            }
            if (seconds.compareTo(BigDecimal.valueOf(86_400)) > 0) {
                throw new CommandLine.TypeConversionException("'" + value + "' is more than a day");
            }
            return Duration.ofMillis(seconds.movePointRight(3).longValue());
        }
    }
}
