package dev.sioconf.suite.load;

import dev.sioconf.suite.eio3.Eio3Codec;
import dev.sioconf.suite.eio4.Eio4Codec;
import dev.sioconf.suite.legacy.WirePackets;
import java.util.Arrays;
import java.util.List;

/**
 * The little of each profile the load mode speaks: its transports, the echo event with a
 * sequence number and a send time, and how packets share a polling body. The payload codecs are
 * the suite's own (they fail loudly on a broken body, which a session counts as an error).
 */
public enum LoadProfile {
    /** socket.io 0.9: {@code 5:::{"name":"echo","args":[seq,micros]}}, bodies framed with U+FFFD. */
    LEGACY("legacy", List.of("websocket", "xhr-polling")) {
        @Override
        String echo(long seq, long micros) {
            return "5:::{\"name\":\"echo\",\"args\":[" + seq + "," + micros + "]}";
        }

        @Override
        boolean isEcho(String packet) {
            return packet.startsWith("5:::{") && packet.contains("\"name\":\"echo\"");
        }

        @Override
        String join(List<String> packets) {
            return WirePackets.frame(packets);
        }

        @Override
        List<String> split(String body) {
            return WirePackets.split(body);
        }
    },
    /** Engine.IO 3 + Socket.IO 4: {@code 42["echo",seq,micros]}, bodies framed {@code <len>:<packet>}; the client pings. */
    EIO3("eio3", List.of("websocket", "polling")) {
        @Override
        List<String> split(String body) {
            return Eio3Codec.split(body);
        }

        @Override
        String join(List<String> packets) {
            return Eio3Codec.payload(packets);
        }
    },
    /** Engine.IO 4 + Socket.IO 5: {@code 42["echo",seq,micros]}, bodies joined with U+001E; the server pings. */
    EIO4("eio4", List.of("websocket", "polling")) {
        @Override
        List<String> split(String body) {
            return Eio4Codec.split(body);
        }

        @Override
        String join(List<String> packets) {
            return Eio4Codec.payload(packets);
        }
    };

    private final String wireName;
    private final List<String> transports;

    LoadProfile(String wireName, List<String> transports) {
        this.wireName = wireName;
        this.transports = transports;
    }

    public static LoadProfile of(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--profile is one of legacy, eio3, eio4, not '" + name + "'"));
    }

    public String wireName() {
        return wireName;
    }

    public List<String> transports() {
        return transports;
    }

    /** The echo event numbered {@code seq}, sent {@code micros} after the run started. */
    String echo(long seq, long micros) {
        return "42[\"echo\"," + seq + "," + micros + "]";
    }

    boolean isEcho(String packet) {
        return packet.startsWith("42[\"echo\",");
    }

    abstract String join(List<String> packets);

    abstract List<String> split(String body);

    /**
     * The sequence number and send time of an echo packet (the first two integers after the event
     * name), or null when they are not there.
     */
    static long[] numbers(String packet) {
        int at = packet.indexOf("\"echo\"");
        if (at < 0) {
            return null;
        }
        long[] out = new long[2];
        int i = at + 6;
        for (int k = 0; k < 2; k++) {
            while (i < packet.length() && !Character.isDigit(packet.charAt(i))) {
                char c = packet.charAt(i);
                if (c != ',' && c != ':' && c != '[' && c != ' ' && c != '"' && !Character.isLetter(c)) {
                    return null;
                }
                i++;
            }
            int from = i;
            long v = 0;
            while (i < packet.length() && Character.isDigit(packet.charAt(i)) && i - from < 18) {
                v = v * 10 + (packet.charAt(i) - '0');
                i++;
            }
            if (i == from) {
                return null;
            }
            out[k] = v;
        }
        return out;
    }
}
