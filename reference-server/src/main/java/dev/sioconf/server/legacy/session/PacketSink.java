package dev.sioconf.server.legacy.session;

import java.util.List;

/** The connection a session currently writes to: a held poll, a websocket or an htmlfile stream. */
public interface PacketSink {

    /** True for a poll, which is answered once with everything queued and then is gone. */
    boolean oneShot();

    /** Streaming connections get heartbeats; polls do not. */
    boolean wantsHeartbeats();

    /** Writes encoded packets; a one-shot sink writes them as one payload and completes. */
    void deliver(List<String> packets);

    /** Ends the connection because the session is over or another connection replaced it. */
    void close();
}
