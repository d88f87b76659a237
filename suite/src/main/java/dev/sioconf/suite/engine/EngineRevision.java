package dev.sioconf.suite.engine;

import dev.sioconf.suite.eio3.Eio3Codec;
import dev.sioconf.suite.eio4.Eio4Codec;
import dev.sioconf.suite.wire.HttpAnswer;
import java.util.List;

/**
 * What the Engine.IO client of the suite does differently per protocol revision: the {@code EIO}
 * query value, how packets share an HTTP body, how a binary message is written, and which side
 * sends pings. Everything else (transports, upgrade, JSONP, error answers) is shared.
 */
public enum EngineRevision {
    /** Engine.IO 3 (profile eio3): framed payloads, {@code b4} base64, type byte in binary frames, client pings. */
    EIO3("3") {
        @Override
        public String payload(List<String> packets) {
            return Eio3Codec.payload(packets);
        }

        @Override
        public List<String> split(String body) {
            return Eio3Codec.split(body);
        }

        @Override
        public String binary(byte[] bytes) {
            return Eio3Codec.binary(bytes);
        }

        @Override
        public byte[] bytesOf(String packet) {
            return Eio3Codec.bytesOf(packet);
        }

        @Override
        public byte[] frameOf(String packet) {
            return Eio3Codec.frameOf(packet);
        }

        @Override
        public String fromFrame(byte[] frame) {
            return Eio3Codec.fromFrame(frame);
        }
    },
    /** Engine.IO 4 (profile eio4): separator U+001E, {@code b} base64, raw binary frames, server pings. */
    EIO4("4") {
        @Override
        public String payload(List<String> packets) {
            return Eio4Codec.payload(packets);
        }

        @Override
        public List<String> split(String body) {
            return Eio4Codec.split(body);
        }

        @Override
        public String binary(byte[] bytes) {
            return Eio4Codec.binary(bytes);
        }

        @Override
        public byte[] bytesOf(String packet) {
            return Eio4Codec.bytesOf(packet);
        }

        @Override
        public byte[] frameOf(String packet) {
            return Eio4Codec.bytesOf(packet);
        }

        @Override
        public String fromFrame(byte[] frame) {
            return Eio4Codec.binary(frame);
        }
    };

    private final String number;

    EngineRevision(String number) {
        this.number = number;
    }

    /** The revision of a profile: {@code eio3} or {@code eio4}. */
    public static EngineRevision of(String profile) {
        return "eio3".equals(profile) ? EIO3 : EIO4;
    }

    /** {@code EIO=3} or {@code EIO=4}, as the first query parameter of every request. */
    public String query() {
        return "EIO=" + number;
    }

    /** Packets (text forms) joined into one text HTTP body. */
    public abstract String payload(List<String> packets);

    /** The packets of a text HTTP body. */
    public abstract List<String> split(String body);

    /** The packets of an answer: a binary payload when it says {@code application/octet-stream}, else text. */
    public List<String> split(HttpAnswer a) {
        return this == EIO3 && a.binary() ? Eio3Codec.splitBinary(a.raw()) : split(a.body());
    }

    /** The text form of a binary message. */
    public abstract String binary(byte[] bytes);

    /** The data of a binary message in its text form. */
    public abstract byte[] bytesOf(String packet);

    /** The binary WebSocket frame that carries a binary message. */
    public abstract byte[] frameOf(String packet);

    /** The text form of the message a binary WebSocket frame carries. */
    public abstract String fromFrame(byte[] frame);

    /** The requirement a message cites: its eio4 id, or its eio3 twin. */
    public String rule(String eio4, String eio3) {
        return this == EIO4 ? eio4 : eio3;
    }

    /** Whether the server sends the pings (eio4) or the client does (eio3). */
    public boolean serverPings() {
        return this == EIO4;
    }

    /** The heartbeat packet the server sends: ping {@code 2} in eio4, pong {@code 3} in eio3. */
    public String serverHeartbeat() {
        return serverPings() ? "2" : "3";
    }
}
