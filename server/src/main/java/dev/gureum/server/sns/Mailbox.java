package dev.gureum.server.sns;

import dev.gureum.core.sns.delivery.Delivery;
import dev.gureum.core.sns.delivery.NotificationTransport.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Locale;

/**
 * Where email goes when no SMTP server is configured: {@code <data>/sns/mailbox/<address>/<delivery id>.eml},
 * one RFC 5322 message per file, written under a temporary name and moved into place, so a reader never sees
 * half a message and a retried delivery rewrites the same file instead of adding a second.
 */
final class Mailbox {
    private final Path root;

    Mailbox(Path dataDirectory) {
        this.root = dataDirectory.resolve("sns").resolve("mailbox");
    }

    Path root() {
        return root;
    }

    Outcome send(Delivery delivery, Instant now) {
        String folder = delivery.endpoint().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9@._+-]", "_");
        try {
            Path directory = Files.createDirectories(root.resolve(folder));
            Path partial = directory.resolve(delivery.id() + ".partial");
            Files.writeString(partial, EmailMessage.render(delivery, now), StandardCharsets.UTF_8);
            Files.move(partial, directory.resolve(delivery.id() + ".eml"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            return Outcome.delivered();
        } catch (IOException e) {
            return Outcome.retry("cannot write to the mailbox " + root + ": " + e.getMessage());
        }
    }
}
