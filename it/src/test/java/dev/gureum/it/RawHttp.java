package dev.gureum.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a bare socket, for requests no HTTP client library would send: the exact bytes go out
 * from a second thread while this one already reads (so a server that refuses early and closes is still
 * heard), and one response comes back, or the news that the server closed, reset or kept silent past
 * the timeout.
 */
final class RawHttp {
    /** How the exchange ended. */
    enum Ending { REPLIED, CLOSED_WITHOUT_REPLY, TIMED_OUT, RESET }

    /** One response, with header names lower-cased; {@code status} is 0 unless it {@link Ending#REPLIED}. */
    record Exchange(Ending ending, int status, Map<String, String> headers, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final int BLANK_LINE = 0x0D0A0D0A;

    private final int port;
    private final Duration timeout;

    RawHttp(int port, Duration timeout) {
        this.port = port;
        this.timeout = timeout;
    }

    Exchange send(byte[] request) {
        return send(request, false);
    }

    /** Sends {@code request}; with {@code halfClose} the client then shuts its sending side (a FIN). */
    Exchange send(byte[] request, boolean halfClose) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            Thread writer = Thread.ofVirtual().start(() -> write(socket, request, halfClose));
            Exchange exchange = read(socket.getInputStream(), request);
            socket.close();
            writer.join();
            return exchange;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            return new Exchange(Ending.RESET, 0, Map.of(), new byte[0]);
        }
    }

    /** Sends {@code request} one byte at a time, pausing between bytes. */
    Exchange sendSlowly(byte[] request, Duration pause) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            for (byte b : request) {
                out.write(b);
                out.flush();
                Thread.sleep(pause);
            }
            return read(socket.getInputStream(), request);
        } catch (IOException e) {
            return new Exchange(Ending.RESET, 0, Map.of(), new byte[0]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(Socket socket, byte[] request, boolean halfClose) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
        } catch (IOException e) {
            // the server may refuse and close before the whole request is sent; the reader reports what it said
        }
    }

    private static Exchange read(InputStream socketInput, byte[] request) {
        InputStream in = new BufferedInputStream(socketInput);
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            int last4 = 0;
            while (last4 != BLANK_LINE) {
                int b = in.read();
                if (b < 0) {
                    return ended(head.size() == 0 ? Ending.CLOSED_WITHOUT_REPLY : Ending.RESET, head);
                }
                head.write(b);
                last4 = last4 << 8 | b;
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            boolean headRequest = new String(request, 0, Math.min(5, request.length), StandardCharsets.ISO_8859_1).equals("HEAD ");
            int length = headRequest ? 0 : Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);
            return new Exchange(body.length == length ? Ending.REPLIED : Ending.RESET, status, headers, body);
        } catch (SocketTimeoutException e) {
            return ended(Ending.TIMED_OUT, head);
        } catch (IOException e) {
            return ended(Ending.RESET, head);
        }
    }

    private static Exchange ended(Ending ending, ByteArrayOutputStream partial) {
        return new Exchange(ending, 0, Map.of(), partial.toByteArray());
    }
}
