package dev.sioconf.server.legacy.session;

import dev.sioconf.server.legacy.LegacySettings;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/** The live sessions, by id. */
public final class SessionRegistry {

    private static final int ID_DIGITS = 20;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final LegacySettings settings;
    private final ScheduledExecutorService timer;
    private final PacketHandler handler;

    public SessionRegistry(LegacySettings settings, ScheduledExecutorService timer, PacketHandler handler) {
        this.settings = settings;
        this.timer = timer;
        this.handler = handler;
    }

    /** A new session for a handshake; it expires after the close timeout unless a transport connects. */
    public Session create() {
        while (true) {
            Session session = register(newId());
            if (session != null) {
                return session;
            }
        }
    }

    /**
     * The session under {@code id}, created if no handshake gave it out. Only the
     * unknown-session-accepted fault does this; a conforming server refuses unknown ids.
     */
    public Session adopt(String id) {
        while (true) {
            Session session = register(id);
            if (session != null) {
                return session;
            }
            Optional<Session> existing = find(id);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
    }

    /** A new session under {@code id}, or null if that id is taken. */
    private Session register(String id) {
        Session session = new Session(id, settings, timer, handler, this::remove);
        if (sessions.putIfAbsent(id, session) != null) {
            return null;
        }
        session.expireUnlessConnected();
        return session;
    }

    public Optional<Session> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(sessions.get(id));
    }

    public int size() {
        return sessions.size();
    }

    /** Ends every session, for shutdown. */
    public void endAll() {
        sessions.values().forEach(s -> s.end("server shutdown"));
    }

    private void remove(Session session) {
        sessions.remove(session.id(), session);
    }

    private String newId() {
        StringBuilder id = new StringBuilder(ID_DIGITS);
        id.append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < ID_DIGITS; i++) {
            id.append((char) ('0' + random.nextInt(10)));
        }
        return id.toString();
    }
}
