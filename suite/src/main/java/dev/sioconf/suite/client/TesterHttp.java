package dev.sioconf.suite.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The tester server's HTTP/1.1: a request read off a socket within fixed limits, and an answer
 * written with a Content-Length. The tester speaks plain sockets so that it can refuse, hold or
 * cut anything a case wants, and shares no code with the reference server.
 */
final class TesterHttp {

    static final int MAX_LINE = 16 * 1024;
    static final int MAX_HEADERS = 100;
    static final int MAX_BODY = 16 * 1024 * 1024;

    record Request(String method, String target, String path, Map<String, String> query, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        boolean wantsWebSocket() {
            return header("upgrade").equalsIgnoreCase("websocket");
        }

        String line() {
            return method + " " + target;
        }
    }

    private TesterHttp() {
    }

    /** The next request on the connection, or null when the client closed it. */
    static Request read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null) {
            return null;
        }
        if (requestLine.isEmpty()) { // a stray CRLF between requests
            requestLine = line(in);
            if (requestLine == null) {
                return null;
            }
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new IOException("not an HTTP request line: " + requestLine);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; ; i++) {
            String h = line(in);
            if (h == null) {
                throw new IOException("connection closed in the headers");
            }
            if (h.isEmpty()) {
                break;
            }
            if (i >= MAX_HEADERS) {
                throw new IOException("more than " + MAX_HEADERS + " headers");
            }
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
        }
        byte[] body = body(in, headers);
        String target = parts[1];
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        return new Request(parts[0], target, path, query(q < 0 ? "" : target.substring(q + 1)), headers, body);
    }

    static void answer(OutputStream out, int status, String reason, String contentType, byte[] body, Map<String, String> extra)
            throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n");
        extra.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            q.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return q;
    }

    private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            while (true) {
                String size = line(in);
                if (size == null) {
                    throw new IOException("connection closed in a chunked body");
                }
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) {
                    while (true) { // trailers
                        String t = line(in);
                        if (t == null || t.isEmpty()) {
                            return all.toByteArray();
                        }
                    }
                }
                if (all.size() + n > MAX_BODY) {
                    throw new IOException("a body over " + MAX_BODY + " bytes");
                }
                all.write(in.readNBytes(n));
                line(in);
            }
        }
        String length = headers.get("content-length");
        if (length == null) {
            return new byte[0];
        }
        int n = Integer.parseInt(length.trim());
        if (n < 0 || n > MAX_BODY) {
            throw new IOException("Content-Length " + n + " out of bounds");
        }
        byte[] body = in.readNBytes(n);
        if (body.length < n) {
            throw new IOException("connection closed in the body");
        }
        return body;
    }

    /** A line without its CRLF, null at end of stream before any byte. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            if (b.size() >= MAX_LINE) {
                throw new IOException("a line over " + MAX_LINE + " bytes");
            }
            b.write(c);
        }
        if (b.size() == 0) {
            return null;
        }
        throw new IOException("connection closed in a line");
    }
}
