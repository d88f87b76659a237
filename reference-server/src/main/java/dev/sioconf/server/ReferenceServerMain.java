package dev.sioconf.server;

import dev.sioconf.server.eio3.Eio3Fault;
import dev.sioconf.server.eio4.Eio4Fault;
import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.eio4.Eio4Transport;
import dev.sioconf.server.legacy.Fault;
import dev.sioconf.server.legacy.LegacySettings;
import dev.sioconf.server.legacy.LegacyTransport;
import dev.sioconf.server.legacy.codec.HandshakeAnswer;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
        description = "Runs the sioconf reference server on one port: socket.io protocol revision 1 "
                + "(socket.io 0.9) under /socket.io/1/, Engine.IO 3 + Socket.IO 4 (socket.io 2.x) on "
                + "/socket.io/?EIO=3, Engine.IO 4 + Socket.IO 5 (socket.io 3.x/4.x) on /socket.io/?EIO=4, "
                + "each with the server contract of its spec on / and /custom, and a bare Engine.IO echo of "
                + "either revision on /engine.io/. The options marked eio4 apply to eio3 alike, except "
                + "--connect-timeout (eio3 has none); eio3 enforces --max-payload without announcing it.")
public final class ReferenceServerMain implements Callable<Integer> {

    private static final String EIO4_POLLING = "polling";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT", description = "Port to bind, 0 for a free one (default: ${DEFAULT-VALUE}).")
    int port = 3000;

    @Option(names = "--transports", paramLabel = "LIST",
            description = "Transports offered, in handshake order (default: ${DEFAULT-VALUE}). "
                    + "Known: websocket (both profiles), polling (eio4 polling; for legacy xhr-polling,jsonp-polling "
                    + "at its place), htmlfile, xhr-polling, jsonp-polling (legacy; each implies eio4 polling). "
                    + "--transports polling disables websocket for both profiles.")
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

    @Option(names = "--ping-interval", paramLabel = "MS", converter = MillisConverter.class,
            description = "eio4: time from the handshake or a pong to the next ping (default: 25000).")
    Duration pingInterval = Eio4Settings.defaults().pingInterval();

    @Option(names = "--ping-timeout", paramLabel = "MS", converter = MillisConverter.class,
            description = "eio4: how long a ping waits for its pong (default: 20000).")
    Duration pingTimeout = Eio4Settings.defaults().pingTimeout();

    @Option(names = "--max-payload", paramLabel = "BYTES", converter = BytesConverter.class,
            description = "eio4: the most bytes of one POST body or WebSocket message (default: 1000000).")
    int maxPayload = Eio4Settings.defaults().maxPayload();

    @Option(names = "--upgrade-timeout", paramLabel = "MS", converter = MillisConverter.class,
            description = "eio4: how long an unfinished upgrade to websocket may last (default: 10000).")
    Duration upgradeTimeout = Eio4Settings.defaults().upgradeTimeout();

    @Option(names = "--connect-timeout", paramLabel = "MS", converter = MillisConverter.class,
            description = "eio4: how long a session may stay without joining a namespace (default: 45000).")
    Duration connectTimeout = Eio4Settings.defaults().connectTimeout();

    @Option(names = "--stalled-request-timeout", paramLabel = "MS", converter = MillisConverter.class,
            description = "every profile: a client that sends nothing for this long while a request of its is unfinished"
                    + " (or before its first one), or whose request takes 4 times this, gets 408 and is disconnected;"
                    + " an idle kept-alive connection is closed after this long (default: 30000).")
    Duration stalledRequestTimeout = ReferenceServer.DEFAULT_STALLED_REQUEST_TIMEOUT;

    @Option(names = "--no-upgrades", description = "eio4: polling sessions may not upgrade to websocket.")
    boolean noUpgrades;

    @Option(names = "--cors", paramLabel = "LIST",
            description = "eio4 CORS: none, * for any origin, or a comma list of origins such as "
                    + "http://example.com (default: ${DEFAULT-VALUE}). Legacy keeps --origins.")
    String cors = "none";

    @Option(names = "--cors-credentials", description = "eio4 CORS answers also allow credentials.")
    boolean corsCredentials;

    @Option(names = "--no-contract",
            description = "Run a plain application instead of the server contract of spec/: the main namespace only, no event "
                    + "answered, nothing sent on connect; what a server nobody prepared for the suite looks like.")
    boolean noContract;

    @Option(names = "--fault", paramLabel = "NAME", split = ",", converter = FaultNameConverter.class,
            description = "Deviate from the protocol on purpose, to check that the suite catches it; "
                    + "repeatable or a comma list, legacy, eio3 and eio4 names alike. The faults are listed below.")
    List<String> faults = new ArrayList<>();

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
        Eio4Settings eio4 = eio4Settings();
        ReferenceServer server = noContract
                ? ReferenceServer.startWithoutContract(settings, eio4, eio3Faults(), stalledRequestTimeout)
                : ReferenceServer.start(settings, eio4, eio3Faults(), stalledRequestTimeout);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "sioconf-shutdown"));
        spec.commandLine().getOut().println(banner(server)
                + (noContract ? System.lineSeparator() + "application: plain, without the server contract (--no-contract)" : ""));
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    /** The transport names, trimmed; flashsocket and unknown names are usage errors. */
    private List<String> transportNames() {
        List<String> names = new ArrayList<>();
        for (String name : transports.split(",", -1)) {
            String trimmed = name.trim();
            if (trimmed.equals("flashsocket")) {
                throw usage("--transports: flashsocket is not implemented by the reference server");
            }
            if (!trimmed.equals(EIO4_POLLING) && LegacyTransport.ofWireName(trimmed).isEmpty()) {
                throw usage("--transports: unknown transport '" + trimmed + "'");
            }
            names.add(trimmed);
        }
        return names;
    }

    LegacySettings settings() {
        List<LegacyTransport> offered = new ArrayList<>();
        for (String name : transportNames()) {
            if (name.equals(EIO4_POLLING)) {
                // eio4's polling stands for both legacy polling transports, at its place in the list
                addOnce(offered, LegacyTransport.XHR_POLLING);
                addOnce(offered, LegacyTransport.JSONP_POLLING);
            } else {
                offered.add(LegacyTransport.ofWireName(name).orElseThrow());
            }
        }
        List<String> originList = List.of(origins.split(","));
        EnumSet<Fault> legacyFaults = EnumSet.noneOf(Fault.class);
        faults.forEach(name -> Fault.ofWireName(name).ifPresent(legacyFaults::add));
        try {
            return new LegacySettings(host, port, offered, pollingDuration, !noHeartbeats, heartbeatInterval,
                    heartbeatTimeout, closeTimeout, originList.stream().map(String::trim).toList(), legacyFaults);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    Eio4Settings eio4Settings() {
        List<Eio4Transport> offered = new ArrayList<>();
        for (String name : transportNames()) {
            // every legacy polling-like transport (htmlfile included) means eio4 polling
            addOnce(offered, name.equals("websocket") ? Eio4Transport.WEBSOCKET : Eio4Transport.POLLING);
        }
        EnumSet<Eio4Fault> eio4Faults = EnumSet.noneOf(Eio4Fault.class);
        faults.forEach(name -> Eio4Fault.ofWireName(name).ifPresent(eio4Faults::add));
        try {
            return new Eio4Settings(offered, !noUpgrades, pingInterval, pingTimeout, maxPayload, upgradeTimeout,
                    connectTimeout, corsOrigins(), corsCredentials, eio4Faults);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    Set<Eio3Fault> eio3Faults() {
        EnumSet<Eio3Fault> eio3 = EnumSet.noneOf(Eio3Fault.class);
        faults.forEach(name -> Eio3Fault.ofWireName(name).ifPresent(eio3::add));
        return eio3;
    }

    private List<String> corsOrigins() {
        String trimmed = cors.trim();
        if (trimmed.equals("none")) {
            return List.of();
        }
        List<String> list = new ArrayList<>();
        for (String origin : trimmed.split(",", -1)) {
            String o = origin.trim();
            if (o.isEmpty() || o.equals("none") || (o.equals(Eio4Settings.ANY_ORIGIN) && trimmed.contains(","))) {
                throw usage("--cors: expected none, * or a comma list of origins, got '" + cors + "'");
            }
            list.add(o);
        }
        return list;
    }

    private static <T> void addOnce(List<T> list, T item) {
        if (!list.contains(item)) {
            list.add(item);
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(new CommandLine(this), message);
    }

    /** Three lines: the legacy profile as before, the eio4 profile, then eio3. */
    static String banner(ReferenceServer server) {
        return legacyBanner(server.baseUri(), server.legacySettings()) + System.lineSeparator()
                + eio4Banner(server.baseUri(), server.eio4Settings()) + System.lineSeparator()
                + eio3Banner(server.baseUri(), server.eio3Faults());
    }

    static String eio3Banner(java.net.URI base, Set<Eio3Fault> faults) {
        return "sioconf reference server (eio3, socket.io 2.5) listening on " + base + "/socket.io/?EIO=3"
                + " (echo " + base + "/engine.io/?EIO=3) with the eio4 settings, no connect timeout"
                + (faults.isEmpty() ? ""
                        : " faults=" + faults.stream().map(Eio3Fault::wireName).collect(Collectors.joining(",")));
    }

    static String eio4Banner(java.net.URI base, Eio4Settings e) {
        return "sioconf reference server (eio4, socket.io 4.8) listening on " + base + "/socket.io/?EIO=4"
                + " (echo " + base + "/engine.io/)"
                + " transports=" + e.transports().stream().map(Eio4Transport::wireName).collect(Collectors.joining(","))
                // as the handshake says it: a polling-only server lists no upgrade whatever --no-upgrades says
                + " upgrades=" + (e.upgradesToWebSocket() ? "on" : "off")
                + " ping-interval=" + e.pingInterval().toMillis()
                + " ping-timeout=" + e.pingTimeout().toMillis()
                + " max-payload=" + e.maxPayload()
                + " upgrade-timeout=" + e.upgradeTimeout().toMillis()
                + " connect-timeout=" + e.connectTimeout().toMillis()
                + " cors=" + (e.corsOrigins().isEmpty() ? "none" : String.join(",", e.corsOrigins()))
                + (e.corsCredentials() ? " cors-credentials" : "")
                + (e.faults().isEmpty() ? ""
                        : " faults=" + e.faults().stream().map(Eio4Fault::wireName).collect(Collectors.joining(",")));
    }

    static String legacyBanner(java.net.URI base, LegacySettings s) {
        return "sioconf reference server (legacy, socket.io 0.9) listening on " + base + "/socket.io/1/"
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
        for (Fault f : Fault.values()) {
            addFault(lines, f.wireName(), f.description());
        }
        for (Eio4Fault f : Eio4Fault.values()) {
            addFault(lines, f.wireName(), f.description());
        }
        for (Eio3Fault f : Eio3Fault.values()) {
            addFault(lines, f.wireName(), f.description());
        }
        return lines.toArray(String[]::new);
    }

    /** The help is 80 columns wide. */
    static final int HELP_WIDTH = 80;

    /**
     * The name on a line of its own, the description below it, wrapped here and indented: picocli
     * wraps a footer line that is too long without indenting what it moves to the next line.
     */
    private static void addFault(List<String> lines, String name, String description) {
        lines.add("  " + name);
        String indent = "      ";
        StringBuilder line = new StringBuilder(indent);
        for (String word : description.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > HELP_WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
            }
            line.append(line.length() > indent.length() ? " " : "").append(word);
        }
        lines.add(line.toString());
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message;
    }

    /** A legacy, eio3 or eio4 fault name; the sets of names never overlap. */
    static final class FaultNameConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String name = value.trim();
            if (Fault.ofWireName(name).isEmpty() && Eio4Fault.ofWireName(name).isEmpty()
                    && Eio3Fault.ofWireName(name).isEmpty()) {
                throw new CommandLine.TypeConversionException("unknown fault '" + value + "'");
            }
            return name;
        }
    }

    /** Whole milliseconds, above zero and at most a day. */
    static final class MillisConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            long ms = wholeNumber(value, "milliseconds");
            if (ms > 86_400_000L) {
                throw new CommandLine.TypeConversionException("'" + value + "' is more than a day");
            }
            return Duration.ofMillis(ms);
        }
    }

    /** Whole bytes, above zero and at most 1 GiB. */
    static final class BytesConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long bytes = wholeNumber(value, "bytes");
            if (bytes > (1L << 30)) {
                throw new CommandLine.TypeConversionException("'" + value + "' is more than 1 GiB");
            }
            return (int) bytes;
        }
    }

    private static long wholeNumber(String value, String unit) {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number of " + unit);
        }
        if (n <= 0) {
            throw new CommandLine.TypeConversionException("'" + value + "' must be above zero " + unit);
        }
        return n;
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
