package dev.sioconf.suite.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Netty engine's websocket client (RFC 6455) in one handler: it sends the upgrade request,
 * checks the 101 answer and its {@code Sec-WebSocket-Accept}, then reads and writes frames
 * straight on the channel's bytes. Netty's own websocket pipeline costs the load client about as
 * much CPU per echo as the server spends, so it would be the limit again; this one takes a few
 * lines of arithmetic per frame. Text frames only, as the load mode needs: fragments are joined,
 * pings answered, a close or a binary frame reported.
 */
abstract class LeanWebSocketCodec extends ChannelInboundHandlerAdapter {

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_FRAME = 1 << 20;
    private static final int MAX_ANSWER_HEAD = 16 << 10;

    private final URI uri;
    private final String key;
    private ByteBuf pending;
    private boolean upgraded;
    private StringBuilder fragments;

    LeanWebSocketCodec(URI uri) {
        this.uri = uri;
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        this.key = Base64.getEncoder().encodeToString(nonce);
    }

    /** The upgrade was accepted: frames may go out. */
    abstract void opened(ChannelHandlerContext ctx);

    abstract void onText(String text);

    /** Anything that ends the session: a refused upgrade, a close frame, a broken frame. */
    abstract void broken(String reason);

    /** A frame that the load mode does not expect (binary); the session goes on. */
    abstract void unexpected(String what);

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        String request = "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        ctx.writeAndFlush(ctx.alloc().buffer(request.length()).writeBytes(request.getBytes(StandardCharsets.US_ASCII)));
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        if (pending == null) {
            pending = in;
        } else {
            pending.writeBytes(in);
            in.release();
        }
        if (!upgraded && !readUpgrade(ctx)) {
            return;
        }
        while (upgraded && readFrame(ctx)) {
            // one frame per turn
        }
        if (pending != null && !pending.isReadable()) {
            pending.release();
            pending = null;
        } else if (pending != null) {
            // keep what is left of a frame in a buffer that can grow
            ByteBuf rest = ctx.alloc().buffer(Math.max(256, pending.readableBytes() * 2));
            rest.writeBytes(pending);
            pending.release();
            pending = rest;
        }
    }

    /** True once the 101 answer was read and checked. */
    private boolean readUpgrade(ChannelHandlerContext ctx) {
        int end = indexOf(pending, "\r\n\r\n");
        if (end < 0) {
            if (pending.readableBytes() > MAX_ANSWER_HEAD) {
                broken("websocket: no end to the upgrade answer's head within " + MAX_ANSWER_HEAD + " bytes");
            }
            return false;
        }
        String head = pending.toString(pending.readerIndex(), end - pending.readerIndex(), StandardCharsets.ISO_8859_1);
        pending.readerIndex(end + 4);
        String status = head.lines().findFirst().orElse("");
        if (!status.matches("HTTP/1\\.[01] 101( .*)?")) {
            broken("websocket: the upgrade was answered " + LoadSession.shorten(status));
            return false;
        }
        String accept = head.lines().skip(1).filter(l -> l.regionMatches(true, 0, "Sec-WebSocket-Accept:", 0, 21))
                .map(l -> l.substring(21).strip()).findFirst().orElse("");
        if (!accept.equals(expectedAccept())) {
            broken("websocket: Sec-WebSocket-Accept is '" + accept + "', not the one the key asks for");
            return false;
        }
        upgraded = true;
        opened(ctx);
        return true;
    }

    private String expectedAccept() {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads one whole frame from {@code pending} if it is there; false when more bytes are needed. */
    private boolean readFrame(ChannelHandlerContext ctx) {
        ByteBuf b = pending;
        if (b == null || b.readableBytes() < 2) {
            return false;
        }
        int at = b.readerIndex();
        int b0 = b.getUnsignedByte(at);
        int b1 = b.getUnsignedByte(at + 1);
        boolean fin = (b0 & 0x80) != 0;
        int opcode = b0 & 0x0f;
        if ((b1 & 0x80) != 0) {
            broken("websocket: the server masked a frame (RFC 6455 section 5.1)");
            return false;
        }
        long length = b1 & 0x7f;
        int header = 2;
        if (length == 126) {
            if (b.readableBytes() < 4) {
                return false;
            }
            length = b.getUnsignedShort(at + 2);
            header = 4;
        } else if (length == 127) {
            if (b.readableBytes() < 10) {
                return false;
            }
            length = b.getLong(at + 2);
            header = 10;
        }
        if (length < 0 || length > MAX_FRAME) {
            broken("websocket: a frame of " + length + " bytes, over the load client's " + MAX_FRAME);
            return false;
        }
        if (b.readableBytes() < header + length) {
            return false;
        }
        int from = at + header;
        int len = (int) length;
        b.readerIndex(from + len);
        switch (opcode) {
            case 0x1 -> {
                String text = b.toString(from, len, StandardCharsets.UTF_8);
                if (fin) {
                    onText(text);
                } else {
                    fragments = new StringBuilder(text);
                }
            }
            case 0x0 -> {
                if (fragments == null) {
                    broken("websocket: a continuation frame with no frame to continue");
                    return false;
                }
                fragments.append(b.toString(from, len, StandardCharsets.UTF_8));
                if (fin) {
                    String text = fragments.toString();
                    fragments = null;
                    onText(text);
                }
            }
            case 0x2 -> unexpected("binary frame");
            case 0x8 -> {
                int code = len >= 2 ? b.getUnsignedShort(from) : 1005;
                String reason = len > 2 ? b.toString(from + 2, len - 2, StandardCharsets.UTF_8) : "";
                broken("server closed the websocket (" + code + (reason.isEmpty() ? "" : " " + reason) + ")");
                return false;
            }
            case 0x9 -> {
                byte[] payload = new byte[len];
                b.getBytes(from, payload);
                ctx.write(frame(ctx, 0xA, payload));
            }
            case 0xA -> {
                // a pong: nothing asked for it
            }
            default -> {
                broken("websocket: a frame with the unknown opcode " + opcode);
                return false;
            }
        }
        return true;
    }

    /** A text frame, masked as a client's must be. */
    static ByteBuf text(ChannelHandlerContext ctx, String text) {
        return frame(ctx, 0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A close frame with the normal-closure code. */
    static ByteBuf close(ChannelHandlerContext ctx) {
        return frame(ctx, 0x8, new byte[] {0x03, (byte) 0xe8});
    }

    private static ByteBuf frame(ChannelHandlerContext ctx, int opcode, byte[] payload) {
        int len = payload.length;
        int header = len < 126 ? 2 : len < 65536 ? 4 : 10;
        ByteBuf out = ctx.alloc().buffer(header + 4 + len);
        out.writeByte(0x80 | opcode);
        if (len < 126) {
            out.writeByte(0x80 | len);
        } else if (len < 65536) {
            out.writeByte(0x80 | 126).writeShort(len);
        } else {
            out.writeByte(0x80 | 127).writeLong(len);
        }
        int mask = ThreadLocalRandom.current().nextInt();
        out.writeInt(mask);
        byte[] m = {(byte) (mask >>> 24), (byte) (mask >>> 16), (byte) (mask >>> 8), (byte) mask};
        for (int i = 0; i < len; i++) {
            payload[i] ^= m[i & 3];
        }
        return out.writeBytes(payload);
    }

    private static int indexOf(ByteBuf b, String ascii) {
        outer:
        for (int i = b.readerIndex(); i <= b.writerIndex() - ascii.length(); i++) {
            for (int k = 0; k < ascii.length(); k++) {
                if (b.getByte(i + k) != ascii.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }
}
