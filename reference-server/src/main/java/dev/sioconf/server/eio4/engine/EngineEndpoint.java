package dev.sioconf.server.eio4.engine;

import dev.sioconf.server.eio4.Eio4Fault;
import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.eio4.Eio4Transport;
import dev.sioconf.server.eio4.codec.EnginePacket;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One path serving Engine.IO 4 ({@code /socket.io/} with Socket.IO on top, {@code /engine.io/}
 * with the echo): its settings, its application and its live sessions.
 */
public final class EngineEndpoint {

    private final Eio4Settings settings;
    private final ScheduledExecutorService timer;
    private final EngineApplication application;
    private final CorsPolicy cors;
    private final Map<String, EngineSession> sessions = new ConcurrentHashMap<>();
    private final Set<String> postsReceiving = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();

    private final EngineRevision revision;

    /** An Engine.IO 4 endpoint. */
    public EngineEndpoint(Eio4Settings settings, ScheduledExecutorService timer, EngineApplication application) {
        this(settings, new Eio4Revision(settings), timer, application);
    }

    public EngineEndpoint(Eio4Settings settings, EngineRevision revision, ScheduledExecutorService timer,
            EngineApplication application) {
        this.settings = settings;
        this.revision = revision;
        this.timer = timer;
        this.application = application;
        this.cors = new CorsPolicy(settings);
    }

    public Eio4Settings settings() {
        return settings;
    }

    public EngineRevision revision() {
        return revision;
    }

    CorsPolicy cors() {
        return cors;
    }

    /** A new session; it is live as soon as this returns, so its open packet must go out next. */
    EngineSession create(Eio4Transport transport, String jsonpIndex) {
        return create(transport, jsonpIndex, false);
    }

    /** @param binaryPayloads whether polls may be answered with binary bodies (Engine.IO 3 without b64=1) */
    EngineSession create(Eio4Transport transport, String jsonpIndex, boolean binaryPayloads) {
        while (true) {
            String id = newId();
            EngineSession session = new EngineSession(id, settings, revision, timer, application, this::remove,
                    transport, jsonpIndex, binaryPayloads);
            if (sessions.putIfAbsent(id, session) == null) {
                return session;
            }
        }
    }

    /** The open packet of {@code session} (EIO4-3.2 to EIO4-3.5). */
    EnginePacket openPacket(EngineSession session, Eio4Transport transport) {
        boolean upgrades = transport == Eio4Transport.POLLING
                && (settings.upgradesToWebSocket() || settings.has(Eio4Fault.UPGRADES_WHEN_DISABLED));
        long pingInterval = settings.pingInterval().toMillis();
        if (settings.has(Eio4Fault.WRONG_PING_INTERVAL)) {
            pingInterval *= 2;
        }
        return revision.openPacket(session.id(), upgrades ? List.of("websocket") : List.of(), pingInterval,
                settings.pingTimeout().toMillis(), settings.maxPayload());
    }

    public Optional<EngineSession> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(sessions.get(id));
    }

    /** Notes that a POST body for {@code sid} is arriving; false when one already is (EIO4-7.8). */
    boolean beginPost(String sid) {
        return postsReceiving.add(sid);
    }

    /** Whether a POST body for {@code sid} is arriving right now, for tests that must act only then. */
    public boolean receivingPost(String sid) {
        return postsReceiving.contains(sid);
    }

    void endPost(String sid) {
        postsReceiving.remove(sid);
    }

    public int size() {
        return sessions.size();
    }

    /** Ends every session, for shutdown. */
    public void endAll() {
        sessions.values().forEach(s -> s.close("server shutdown"));
    }

    private void remove(EngineSession session) {
        sessions.remove(session.id(), session);
    }

    /** 20 characters of URL-safe base64 over 15 random bytes, like 4.8.x (EIO4-3.7, EIO4-3.8). */
    private String newId() {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
