package dev.sioconf.interop.netty;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.MultiTypeArgs;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.AuthorizationResult;
import com.corundumstudio.socketio.listener.MultiTypeEventListener;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.protocol.EngineIOVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * sioconf interop server: the real netty-socketio 2.0.13 (Maven Central) set up with the server
 * contract of the profile the client speaks (spec/eio3.md and spec/eio4.md section 23; eio4's adds
 * the auth event) on "/" and "/custom", so that
 * the suite can run against it like against any third-party server. netty-socketio serves
 * Engine.IO 3 and 4 on the same path ({@code EIO=3} or {@code EIO=4}; see interop/README.md).
 *
 * <pre>
 * usage:  [PORT=0] [TRANSPORTS=polling,websocket] ... java -jar netty-socketio-server.jar [NAME=value ...]
 * </pre>
 *
 * Settings come from the environment; a {@code NAME=value} argument overrides the variable of the
 * same name. Each is optional; unset means the netty-socketio 2.0.13 default:
 * <pre>
 *   PORT              port on 127.0.0.1; 0 (the default) picks a free one (netty-socketio needs a
 *                     concrete port, so we find one and retry if another process takes it first)
 *   TRANSPORTS        comma list of polling, websocket                -> transports (both)
 *   PING_INTERVAL     milliseconds                                    -> pingInterval (25000)
 *   PING_TIMEOUT      milliseconds                                    -> pingTimeout (60000)
 *   MAX_PAYLOAD       bytes, for a POST body and a WebSocket frame    -> maxHttpContentLength and
 *                                                                        maxFramePayloadLength (65536)
 *   UPGRADE_TIMEOUT   milliseconds                                    -> upgradeTimeout (10000)
 *   CORS_ORIGINS      "*" (the default: the request's Origin is echoed) or a comma list of
 *                     origins: a single one becomes netty-socketio's fixed origin header; with
 *                     any list a handshake whose Origin header is not listed is refused by an
 *                     AuthorizationListener (netty-socketio answers 401); no Origin passes
 *   LOG_LEVEL         slf4j-simple level, default warn (the log goes to stderr)
 *   EXIT_WITH_STDIN   "1": exit when stdin ends, so a parent that dies takes the server along
 * </pre>
 *
 * The contract, on both namespaces: "sendMessage" -> "helloBack" {"message":"Hello back!"};
 * "echo" args -> "echo" with the same args, and the ack with them when one was asked for;
 * "message" args -> "message-back" args; "message-with-ack" args -> the ack with args.
 * Nothing is emitted on connect. Acks are manual (netty-socketio's default would send an
 * empty ack for every event that asked for one).
 *
 * stdout: exactly one line "listening &lt;port&gt;" once the server accepts connections.
 * SIGTERM / SIGINT: stops the server and exits 0. Exit 2 on a bad setting.
 */
public final class NettySocketIoServer {

  private static final String HOST = "127.0.0.1";
  private static final List<String> NAMESPACES = List.of("/", "/custom");
  /** netty-socketio hands a listener as many arguments as it declares classes; more are dropped. */
  private static final int MAX_ARGS = 64;
  private static final int BIND_ATTEMPTS = 10;

  private final Map<String, String> settings;

  private NettySocketIoServer(Map<String, String> settings) {
    this.settings = settings;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> settings = new HashMap<>(System.getenv());
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        fail("arguments are NAME=value, not \"" + arg + "\"");
      }
      settings.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    // before the first logger exists
    String level = value(settings, "LOG_LEVEL");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level == null ? "warn" : level);
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    new NettySocketIoServer(settings).run();
  }

  private void run() throws Exception {
    // Nothing but the "listening" line may reach stdout.
    PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);

    Integer port = number("PORT", true);
    boolean pickPort = port == null || port == 0;
    SocketIOServer server = null;
    for (int attempt = 1; server == null; attempt++) {
      int candidate = pickPort ? freePort() : port;
      SocketIOServer s = new SocketIOServer(configuration(candidate));
      contract(s);
      try {
        s.start();
        server = s;
        port = candidate;
      } catch (Exception e) {
        s.stop();
        if (!pickPort || attempt >= BIND_ATTEMPTS) {
          throw e;
        }
      }
    }

    SocketIOServer running = server;
    Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "netty-socketio-stop"));
    if ("1".equals(value(settings, "EXIT_WITH_STDIN"))) {
      Thread watcher = new Thread(() -> {
        drain(System.in);
        System.exit(0);
      }, "stdin-watch");
      watcher.setDaemon(true);
      watcher.start();
    }
    stdout.println("listening " + port);
    Thread.currentThread().join();
  }

  private Configuration configuration(int port) {
    Configuration config = new Configuration();
    config.setHostname(HOST);
    config.setPort(port);
    config.setBossThreads(1);
    config.setWorkerThreads(2);
    config.setAckMode(AckMode.MANUAL);
    config.getSocketConfig().setReuseAddress(true);

    List<String> transports = list("TRANSPORTS");
    if (transports != null) {
      List<Transport> chosen = new ArrayList<>();
      for (String t : transports) {
        switch (t) {
          case "polling" -> chosen.add(Transport.POLLING);
          case "websocket" -> chosen.add(Transport.WEBSOCKET);
          default -> fail("TRANSPORTS: unknown transport \"" + t + "\"");
        }
      }
      config.setTransports(chosen.toArray(new Transport[0]));
    }
    Integer v;
    if ((v = number("PING_INTERVAL", false)) != null) config.setPingInterval(v);
    if ((v = number("PING_TIMEOUT", false)) != null) config.setPingTimeout(v);
    if ((v = number("UPGRADE_TIMEOUT", false)) != null) config.setUpgradeTimeout(v);
    if ((v = number("MAX_PAYLOAD", false)) != null) {
      config.setMaxHttpContentLength(v);
      config.setMaxFramePayloadLength(v);
    }

    List<String> origins = list("CORS_ORIGINS");
    if (origins != null && !(origins.size() == 1 && origins.get(0).equals("*"))) {
      if (origins.contains("*")) fail("CORS_ORIGINS: \"*\" cannot be mixed with origins");
      if (origins.size() == 1) config.setOrigin(origins.get(0));
      Set<String> allowed = new LinkedHashSet<>(origins);
      config.setAuthorizationListener(data -> allowedOrigin(data, allowed)
          ? AuthorizationResult.SUCCESSFUL_AUTHORIZATION
          : AuthorizationResult.FAILED_AUTHORIZATION);
    }
    return config;
  }

  private static boolean allowedOrigin(HandshakeData data, Set<String> allowed) {
    String origin = data.getHttpHeaders().get("Origin");
    return origin == null || allowed.contains(origin);
  }

  private static void contract(SocketIOServer server) {
    for (String name : NAMESPACES) {
      SocketIONamespace ns = name.equals("/") ? server.getNamespace(Namespace.DEFAULT_NAME)
          : server.addNamespace(name);
      // Under eio4 the contract (spec/eio4.md section 23) starts with the auth event; eio3's has none.
      ns.addConnectListener(client -> {
        if (client.getEngineIOVersion() == EngineIOVersion.V4) {
          Object auth = client.getHandshakeData().getAuthToken();
          client.sendEvent("auth", auth == null ? new LinkedHashMap<String, Object>() : auth);
        }
      });
      on(ns, "sendMessage", (client, args, ack) -> client.sendEvent("helloBack", helloBack()));
      on(ns, "echo", (client, args, ack) -> {
        client.sendEvent("echo", args.toArray());
        if (ack.isAckRequested()) ack.sendAckData(args);
      });
      on(ns, "message", (client, args, ack) -> client.sendEvent("message-back", args.toArray()));
      on(ns, "message-with-ack", (client, args, ack) -> {
        if (ack.isAckRequested()) ack.sendAckData(args);
      });
    }
  }

  private interface Handler {
    void handle(SocketIOClient client, List<Object> args, AckRequest ack);
  }

  private static void on(SocketIONamespace ns, String event, Handler handler) {
    Class<?>[] types = new Class<?>[MAX_ARGS];
    Arrays.fill(types, Object.class);
    MultiTypeEventListener listener = (client, data, ack) -> handler.handle(client, argsOf(data), ack);
    ns.addMultiTypeEventListener(event, listener, types);
  }

  private static List<Object> argsOf(MultiTypeArgs data) {
    return data == null ? List.of() : new ArrayList<>(data.getArgs());
  }

  private static Map<String, Object> helloBack() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("message", "Hello back!");
    return m;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return s.getLocalPort();
    }
  }

  private static void drain(InputStream in) {
    byte[] buf = new byte[512];
    try {
      while (in.read(buf) >= 0) {
        // discard
      }
    } catch (IOException e) {
      // stdin gone: same as its end
    }
  }

  private static String value(Map<String, String> settings, String name) {
    String v = settings.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private Integer number(String name, boolean zeroAllowed) {
    String v = value(settings, name);
    if (v == null) return null;
    try {
      int n = Integer.parseInt(v);
      if (n > 0 || (zeroAllowed && n == 0)) return n;
    } catch (NumberFormatException e) {
      // falls through
    }
    fail(name + " must be a " + (zeroAllowed ? "" : "positive ") + "whole number, not \"" + v + "\"");
    return null;
  }

  private List<String> list(String name) {
    String v = value(settings, name);
    if (v == null) return null;
    List<String> items = new ArrayList<>();
    for (String s : v.split(",")) {
      if (!s.isBlank()) items.add(s.trim());
    }
    if (items.isEmpty()) fail(name + " is empty");
    return items;
  }

  private static void fail(String message) {
    System.err.println("NettySocketIoServer: " + message);
    System.exit(2);
  }
}
