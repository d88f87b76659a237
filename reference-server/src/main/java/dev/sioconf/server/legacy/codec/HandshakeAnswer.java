package dev.sioconf.server.legacy.codec;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** The handshake body {@code sid:heartbeatTimeout:closeTimeout:transports}. */
public final class HandshakeAnswer {

    private HandshakeAnswer() {
    }

    /** @param heartbeatTimeout {@code null} when heartbeats are off, leaving the field empty */
    public static String format(String sid, Duration heartbeatTimeout, Duration closeTimeout, List<String> transports) {
        return sid + ':' + seconds(heartbeatTimeout) + ':' + seconds(closeTimeout) + ':' + String.join(",", transports);
    }

    /** Seconds as the protocol writes them: {@code 60}, or {@code 0.5} for a fraction. */
    public static String seconds(Duration d) {
        if (d == null) {
            return "";
        }
        return BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }
}
