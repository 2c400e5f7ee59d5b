package dev.gureum.runtime.sandbox;

import dev.gureum.core.runtime.MetadataAnswer;
import dev.gureum.core.runtime.MetadataRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * HTTP/1.1 for one metadata connection, no more than the metadata service needs: requests without bodies
 * (a Content-Length body is read and ignored; chunked ones are refused), keep-alive, HEAD. A token answer is
 * sent with the connection's DSCP set to its hop limit (see {@link MetadataScript}) and then the connection is
 * closed, so nothing else is sent marked.
 */
final class MetadataHttp {
    private static final int MAX_HEAD_BYTES = 16 * 1024;
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int IDLE_MILLIS = 10_000;
    private static final Map<Integer, String> REASONS = Map.of(200, "OK", 400, "Bad Request", 401, "Unauthorized",
            403, "Forbidden", 404, "Not Found", 405, "Method Not Allowed", 500, "Internal Server Error");

    private MetadataHttp() {
    }

    /** Serves requests on the connection until the client or an answer ends it. */
    static void serve(SocketChannel connection, Function<MetadataRequest, MetadataAnswer> answers) throws IOException {
        connection.socket().setSoTimeout(IDLE_MILLIS);
        connection.setOption(StandardSocketOptions.TCP_NODELAY, true);
        InputStream in = connection.socket().getInputStream();
        OutputStream out = connection.socket().getOutputStream();
        while (true) {
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            Map<String, String> headers = new HashMap<>();
            for (int index = 1; index < lines.length; index++) {
                int colon = lines[index].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[index].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            lines[index].substring(colon + 1).strip());
                }
            }
            if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.") || !requestLine[1].startsWith("/")
                    || headers.containsKey("transfer-encoding") || !skipBody(in, headers.get("content-length"))) {
                write(out, requestLine[0], badRequest(), false);
                connection.socket().shutdownOutput();
                return;
            }
            String target = requestLine[1];
            int query = target.indexOf('?');
            String path = decode(query < 0 ? target : target.substring(0, query));
            MetadataAnswer answer = answers.apply(new MetadataRequest(requestLine[0], path, headers));
            boolean keepAlive = answer.hopLimit() == 0 && !"close".equalsIgnoreCase(headers.get("connection"))
                    && !requestLine[2].equals("HTTP/1.0");
            if (answer.hopLimit() > 0 && answer.hopLimit() <= MetadataScript.MARKED_HOPS) {
                connection.setOption(StandardSocketOptions.IP_TOS, answer.hopLimit() << 2);
            }
            write(out, requestLine[0], answer, keepAlive);
            if (!keepAlive) {
                connection.socket().shutdownOutput();
                return;
            }
        }
    }

    private static MetadataAnswer badRequest() {
        return new MetadataAnswer(400, "text/plain", Map.of(), new byte[0], 0);
    }

    private static void write(OutputStream out, String method, MetadataAnswer answer, boolean keepAlive)
            throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(answer.status()).append(' ')
                .append(REASONS.getOrDefault(answer.status(), "Error")).append("\r\n");
        head.append("Content-Type: ").append(answer.contentType()).append("\r\n");
        head.append("Accept-Ranges: none\r\n");
        head.append("Content-Length: ").append(answer.body().length).append("\r\n");
        head.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .append("\r\n");
        head.append("Server: EC2ws\r\n");
        head.append("Connection: ").append(keepAlive ? "keep-alive" : "close").append("\r\n");
        answer.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        // One write per answer: a head and a body written apart would wait out Nagle and the peer's delayed ACK.
        ByteArrayOutputStream whole = new ByteArrayOutputStream(head.length() + answer.body().length);
        whole.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!"HEAD".equals(method)) {
            whole.writeBytes(answer.body());
        }
        out.write(whole.toByteArray());
        out.flush();
    }

    /** The request line and headers up to the blank line, or null when the client closed first. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last = 0;
        while (last != 0x0d0a0d0a) {
            int next = in.read();
            if (next < 0) {
                return null;
            }
            if (head.size() >= MAX_HEAD_BYTES) {
                throw new IOException("request head too long");
            }
            head.write(next);
            last = (last << 8) | next;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
    }

    private static boolean skipBody(InputStream in, String contentLength) throws IOException {
        if (contentLength == null) {
            return true;
        }
        if (!contentLength.matches("\\d{1,6}") || Integer.parseInt(contentLength) > MAX_BODY_BYTES) {
            return false;
        }
        int left = Integer.parseInt(contentLength);
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    return false;
                }
                skipped = 1;
            }
            left -= (int) skipped;
        }
        return true;
    }

    /** Percent-decoding of a path ({@code +} stays a plus, as in a path). */
    static String decode(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int index = 0; index < path.length(); index++) {
            char c = path.charAt(index);
            if (c == '%' && index + 2 < path.length() && path.substring(index + 1, index + 3).matches("[0-9A-Fa-f]{2}")) {
                bytes.write(Integer.parseInt(path.substring(index + 1, index + 3), 16));
                index += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
