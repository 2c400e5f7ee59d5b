package dev.gureum.server.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.sns.delivery.Delivery;
import dev.gureum.core.sns.delivery.NotificationTransport.Outcome;
import dev.gureum.core.sns.delivery.RetryPolicy;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Email as RFC 5322 text: into the mailbox directory, or through an SMTP server (a scripted one here). */
class EmailTransportTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private static Delivery mail(String body) {
        return new Delivery("d-1", "arn:aws:sns:us-east-1:000000000000:ops:s", "arn:aws:sns:us-east-1:000000000000:ops",
                "email", "ops@example.com", "Notification", "m-1", "Disk space ½ used", body,
                Map.of("From", "Ops <no-reply@sns.amazonaws.com>"), RetryPolicy.EMAIL, 0, NOW, null);
    }

    @Test
    void theMailboxHoldsOneRfc5322FilePerDelivery(@TempDir Path data) throws Exception {
        Mailbox mailbox = new Mailbox(data);
        assertEquals(Outcome.delivered(), mailbox.send(mail("line one\nline two"), NOW));
        assertEquals(Outcome.delivered(), mailbox.send(mail("line one\nline two"), NOW), "a retry rewrites the same file");
        Path folder = data.resolve("sns/mailbox/ops@example.com");
        try (var files = Files.list(folder)) {
            assertEquals(List.of(folder.resolve("d-1.eml")), files.toList());
        }
        String text = Files.readString(folder.resolve("d-1.eml"));
        assertTrue(text.startsWith("From: Ops <no-reply@sns.amazonaws.com>\r\nTo: ops@example.com\r\n"
                + "Subject: =?UTF-8?B?"), text);
        assertTrue(text.contains("Date: Sun, 29 Nov 2026 12:00:00 +0000\r\n"), text);
        assertTrue(text.endsWith("\r\n\r\nline one\r\nline two\r\n"), text);
    }

    @Test
    void smtpSpeaksTheConversationAndStuffsDots() throws Exception {
        try (ServerSocket listener = new ServerSocket(0)) {
            CompletableFuture<List<String>> heard = CompletableFuture.supplyAsync(() -> serve(listener, "250 ok"));
            Outcome outcome = new SmtpMailer("127.0.0.1", listener.getLocalPort()).send(mail("a\n.hidden\nb"), NOW);
            assertEquals(Outcome.delivered(), outcome);
            List<String> lines = heard.get();
            assertEquals(List.of("EHLO gureum", "MAIL FROM:<no-reply@sns.amazonaws.com>", "RCPT TO:<ops@example.com>",
                    "DATA"), lines.subList(0, 4));
            assertTrue(lines.contains("..hidden"), lines.toString());
            assertEquals(List.of(".", "QUIT"), lines.subList(lines.size() - 2, lines.size()));
        }
    }

    @Test
    void aPermanentSmtpRefusalIsNotRetriedButATemporaryOneIs() throws Exception {
        try (ServerSocket listener = new ServerSocket(0)) {
            CompletableFuture.runAsync(() -> serve(listener, "550 no such user"));
            assertEquals(Outcome.Result.REFUSED, new SmtpMailer("127.0.0.1", listener.getLocalPort())
                    .send(mail("x"), NOW).result());
        }
        try (ServerSocket listener = new ServerSocket(0)) {
            CompletableFuture.runAsync(() -> serve(listener, "451 try later"));
            assertEquals(Outcome.Result.RETRY, new SmtpMailer("127.0.0.1", listener.getLocalPort())
                    .send(mail("x"), NOW).result());
        }
    }

    /** A scripted SMTP server for one conversation; {@code rcptReply} answers RCPT TO. Answers the lines it read. */
    private static List<String> serve(ServerSocket listener, String rcptReply) {
        List<String> lines = new ArrayList<>();
        try (Socket socket = listener.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            reply(out, "220 test ESMTP");
            boolean data = false;
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                if (data) {
                    if (line.equals(".")) {
                        data = false;
                        reply(out, "250 queued");
                    }
                } else if (line.startsWith("EHLO")) {
                    reply(out, "250-test\r\n250 8BITMIME");
                } else if (line.startsWith("RCPT")) {
                    reply(out, rcptReply);
                } else if (line.equals("DATA")) {
                    data = true;
                    reply(out, "354 go ahead");
                } else if (line.equals("QUIT")) {
                    reply(out, "221 bye");
                    break;
                } else {
                    reply(out, "250 ok");
                }
            }
        } catch (java.io.IOException e) {
            // the client hung up: what was heard is the answer
        }
        return lines;
    }

    private static void reply(OutputStream out, String text) throws java.io.IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
