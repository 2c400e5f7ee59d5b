package dev.gureum.server.sns;

import dev.gureum.core.sns.delivery.Delivery;
import dev.gureum.core.sns.delivery.NotificationTransport.Outcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Sends email through an SMTP server ({@code --smtp HOST:PORT}), plainly: EHLO, MAIL FROM, RCPT TO, DATA with
 * dot-stuffing, QUIT; no STARTTLS and no AUTH, so point it at a relay on a trusted network (a local Postfix, a
 * test server such as MailHog). A 4xx reply or a broken connection is retried; a 5xx reply is a refusal.
 */
final class SmtpMailer {
    private final String host;
    private final int port;

    SmtpMailer(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** {@code HOST:PORT}, as the serve option gives it. */
    static SmtpMailer parse(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--smtp must be HOST:PORT, such as 127.0.0.1:25");
        }
        return new SmtpMailer(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    }

    Outcome send(Delivery delivery, Instant now) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            expect(in, 220);
            command(out, "EHLO gureum");
            expect(in, 250);
            command(out, "MAIL FROM:<" + EmailMessage.SENDER + ">");
            expect(in, 250);
            command(out, "RCPT TO:<" + delivery.endpoint() + ">");
            expect(in, 250);
            command(out, "DATA");
            expect(in, 354);
            String message = EmailMessage.render(delivery, now).replace("\r\n.", "\r\n..");
            out.write((message.startsWith(".") ? "." + message : message).getBytes(StandardCharsets.UTF_8));
            command(out, ".");
            expect(in, 250);
            command(out, "QUIT");
            return Outcome.delivered();
        } catch (SmtpReply reply) {
            return reply.code >= 500 ? Outcome.refused("SMTP " + reply.getMessage()) : Outcome.retry("SMTP " + reply.getMessage());
        } catch (IOException e) {
            return Outcome.retry("SMTP server " + host + ":" + port + ": " + e.getMessage());
        }
    }

    private static void command(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads a (possibly multi-line) reply and requires its code. */
    private static void expect(BufferedReader in, int code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null || line.length() < 3) {
                throw new IOException("the connection closed mid-conversation");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        int answered;
        try {
            answered = Integer.parseInt(line.substring(0, 3));
        } catch (NumberFormatException e) {
            throw new IOException("not an SMTP reply: " + line);
        }
        if (answered != code) {
            throw new SmtpReply(answered, line);
        }
    }

    private static final class SmtpReply extends IOException {
        private final int code;

        SmtpReply(int code, String line) {
            super(line);
            this.code = code;
        }
    }
}
