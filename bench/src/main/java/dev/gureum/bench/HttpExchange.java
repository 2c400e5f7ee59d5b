package dev.gureum.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 exchange over a raw loopback socket: the request bytes go out exactly as given, and the
 * response comes back whole (status line, headers in wire order, the Content-Length body) and byte for byte.
 */
final class HttpExchange {
    private HttpExchange() {
    }

    /** A response as received. */
    record Response(int status, List<Header> headers, byte[] body, byte[] raw) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A response header with its name spelled as on the wire. */
    record Header(String name, String value) {
    }

    /** @throws java.net.ConnectException when nothing listens on {@code port} yet */
    static Response send(int port, byte[] request, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    private static Response read(InputStream input) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        int headEnd = -1;
        byte[] buffer = new byte[8192];
        while (headEnd < 0) {
            int count = input.read(buffer);
            if (count < 0) {
                throw new IOException("the connection closed before a complete response head");
            }
            raw.write(buffer, 0, count);
            headEnd = indexOfBlankLine(raw.toByteArray());
        }
        String head = new String(raw.toByteArray(), 0, headEnd, StandardCharsets.US_ASCII);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<Header> headers = new ArrayList<>();
        int contentLength = 0;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            Header header = new Header(lines[i].substring(0, colon), lines[i].substring(colon + 1).trim());
            headers.add(header);
            if (header.name().toLowerCase(Locale.ROOT).equals("content-length")) {
                contentLength = Integer.parseInt(header.value());
            }
        }
        int total = headEnd + 4 + contentLength;
        while (raw.size() < total) {
            int count = input.read(buffer, 0, Math.min(buffer.length, total - raw.size()));
            if (count < 0) {
                throw new IOException("the connection closed after " + raw.size() + " of " + total + " bytes");
            }
            raw.write(buffer, 0, count);
        }
        byte[] bytes = raw.toByteArray();
        byte[] body = Arrays.copyOfRange(bytes, headEnd + 4, total);
        return new Response(status, List.copyOf(headers), body, Arrays.copyOf(bytes, total));
    }

    private static int indexOfBlankLine(byte[] bytes) {
        for (int i = 0; i + 3 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
