package dev.gureum.server.sns;

import dev.gureum.core.sns.delivery.Delivery;
import dev.gureum.core.sns.delivery.NotificationTransport;
import dev.gureum.core.time.CloudClock;

/** The real transport: HTTP/S endpoints by POST; email to the SMTP server when one is configured, else the mailbox. */
final class EndpointTransport implements NotificationTransport {
    private final HttpEndpointTransport http = new HttpEndpointTransport();
    private final Mailbox mailbox;
    private final SmtpMailer smtp;
    private final CloudClock clock;

    /** @param smtp null: email goes to the mailbox directory */
    EndpointTransport(Mailbox mailbox, SmtpMailer smtp, CloudClock clock) {
        this.mailbox = mailbox;
        this.smtp = smtp;
        this.clock = clock;
    }

    @Override
    public Outcome send(Delivery delivery) {
        return switch (delivery.protocol()) {
            case "http", "https" -> http.send(delivery);
            case "email", "email-json" -> smtp != null ? smtp.send(delivery, clock.now()) : mailbox.send(delivery, clock.now());
            default -> Outcome.refused("Gureum does not deliver to " + delivery.protocol() + " endpoints");
        };
    }
}
