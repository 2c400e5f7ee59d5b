package dev.gureum.server.sns;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gureum.core.RequestContext;
import dev.gureum.core.error.CloudException;
import dev.gureum.core.sns.SubscriptionService;
import dev.gureum.core.sns.delivery.Deliveries;
import dev.gureum.core.sns.delivery.Delivery;
import dev.gureum.core.sns.delivery.SnsUrls;
import dev.gureum.core.sns.delivery.Undeliverable;
import dev.gureum.core.time.CloudClock;
import dev.gureum.protocol.ApiError;
import dev.gureum.protocol.Call;
import dev.gureum.protocol.ProtocolException;
import dev.gureum.protocol.ServiceProtocol;
import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.http.WireResponse;
import dev.gureum.protocol.query.FormParameters;
import dev.gureum.server.gateway.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sns.model.ConfirmSubscriptionRequest;
import software.amazon.awssdk.services.sns.model.ConfirmSubscriptionResponse;
import software.amazon.awssdk.services.sns.model.UnsubscribeRequest;
import software.amazon.awssdk.services.sns.model.UnsubscribeResponse;

/**
 * What SNS serves without a signature, on Gureum's one port:
 * <ul>
 *   <li>the SubscribeURL {@code GET /?Action=ConfirmSubscription&TopicArn=…&Token=…} and the UnsubscribeURL
 *       {@code GET /?Action=Unsubscribe&SubscriptionArn=…}: like SNS's, they work for whoever holds the link
 *       (the token, the subscription's ARN), take the account and region from the ARN, and answer SNS's XML;
 *       a subscription confirmed with AuthenticateOnUnsubscribe refuses the unsigned unsubscribe;</li>
 *   <li>the SigningCertURL, {@code GET /_gureum/sns/SimpleNotificationService.pem};</li>
 *   <li>admin views (JSON): {@code GET /_gureum/sns/undeliverable?account=ID} (messages given up) and
 *       {@code GET /_gureum/sns/deliveries?account=ID} (messages still owed, with their next attempt).</li>
 * </ul>
 */
final class SnsLinks implements Route {
    private static final String DEFAULT_ACCOUNT = "000000000000";
    private static final Set<String> LINK_ACTIONS = Set.of("ConfirmSubscription", "Unsubscribe");

    /** Made on the first admin view, not at start-up: a mapper costs tens of milliseconds to make. */
    private static final class Json {
        private static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final SubscriptionService subscriptions;
    private final Deliveries deliveries;
    private final Supplier<SigningCertificate> certificate;
    private final ServiceProtocol protocol;
    private final CloudClock clock;

    SnsLinks(SubscriptionService subscriptions, Deliveries deliveries, Supplier<SigningCertificate> certificate,
             ServiceProtocol protocol, CloudClock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.certificate = certificate;
        this.protocol = protocol;
        this.clock = clock;
    }

    @Override
    public boolean owns(WireRequest request) {
        String path = request.rawPath();
        if (path.startsWith("/_gureum/sns/")) {
            return true;
        }
        if (!(path.equals("/") || path.isEmpty()) || !request.method().equals("GET")
                || request.header("authorization") != null || request.rawQuery().contains("X-Amz-Signature=")) {
            return false;
        }
        String action = parameters(request).get("Action");
        return action != null && LINK_ACTIONS.contains(action);
    }

    @Override
    public WireResponse handle(WireRequest request, String requestId) {
        String path = request.rawPath();
        if (path.startsWith("/_gureum/sns/")) {
            if (!request.method().equals("GET")) {
                return json(405, Map.of("error", "MethodNotAllowed", "message", "Use GET."));
            }
            return switch (path) {
                case SnsUrls.CERTIFICATE_PATH -> new WireResponse(200, "application/x-pem-file",
                        certificate.get().pem().getBytes(StandardCharsets.US_ASCII));
                case "/_gureum/sns/undeliverable" -> json(200, Map.of("undeliverable",
                        deliveries.undeliverable(account(request)).stream().map(SnsLinks::view).toList()));
                case "/_gureum/sns/deliveries" -> json(200, Map.of("deliveries",
                        deliveries.pending(account(request)).stream().map(SnsLinks::view).toList()));
                default -> json(404, Map.of("error", "NotFound", "message", "No admin endpoint at " + path));
            };
        }
        Map<String, String> parameters = parameters(request);
        try {
            return switch (parameters.get("Action")) {
                case "ConfirmSubscription" -> confirm(parameters, requestId);
                default -> unsubscribe(parameters, requestId);
            };
        } catch (CloudException e) {
            return protocol.encodeError(new ApiError(e.code().code(), e.code().httpStatus(), e.getMessage(),
                    e.code().httpStatus() < 500), requestId);
        } catch (ProtocolException e) {
            return protocol.encodeError(e.error(), requestId);
        }
    }

    private WireResponse confirm(Map<String, String> parameters, String requestId) {
        String topicArn = parameters.get("TopicArn");
        String token = parameters.get("Token");
        String arn = subscriptions.confirm(contextOf(topicArn, "TopicArn", requestId), topicArn,
                token == null ? "" : token, false, false);
        return protocol.encode(new Call("ConfirmSubscription", ConfirmSubscriptionRequest.builder().topicArn(topicArn)
                .token(token).build()), ConfirmSubscriptionResponse.builder().subscriptionArn(arn).build(), requestId);
    }

    private WireResponse unsubscribe(Map<String, String> parameters, String requestId) {
        String arn = parameters.get("SubscriptionArn");
        subscriptions.unsubscribe(contextOf(arn, "SubscriptionArn", requestId), arn, false);
        return protocol.encode(new Call("Unsubscribe", UnsubscribeRequest.builder().subscriptionArn(arn).build()),
                UnsubscribeResponse.builder().build(), requestId);
    }

    /** The account and region an unsigned link acts in: those of the ARN it names. */
    private RequestContext contextOf(String arn, String parameter, String requestId) {
        String[] parts = arn == null ? new String[0] : arn.split(":", -1);
        if (parts.length < 6 || !arn.startsWith("arn:aws:sns:")) {
            throw dev.gureum.core.error.SnsError.INVALID_PARAMETER.exception("Invalid parameter: " + parameter);
        }
        return new RequestContext(parts[4], parts[3], requestId, clock.now(), false);
    }

    private static Map<String, String> parameters(WireRequest request) {
        try {
            return FormParameters.parse(request.rawQuery().getBytes(StandardCharsets.UTF_8));
        } catch (ProtocolException malformed) {
            return Map.of();
        }
    }

    private static String account(WireRequest request) {
        String account = parameters(request).get("account");
        return account == null ? DEFAULT_ACCOUNT : account;
    }

    private static Map<String, Object> view(Undeliverable message) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("messageId", message.messageId());
        view.put("type", message.type());
        view.put("topicArn", message.topicArn());
        view.put("subscriptionArn", message.subscriptionArn());
        view.put("protocol", message.protocol());
        view.put("endpoint", message.endpoint());
        view.put("attempts", message.attempts());
        view.put("givenUpAt", message.givenUpAt().toString());
        view.put("reason", message.reason());
        view.put("body", message.body());
        return view;
    }

    private static Map<String, Object> view(Delivery delivery) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("messageId", delivery.messageId());
        view.put("type", delivery.type());
        view.put("topicArn", delivery.topicArn());
        view.put("subscriptionArn", delivery.subscriptionArn());
        view.put("protocol", delivery.protocol());
        view.put("endpoint", delivery.endpoint());
        view.put("attempts", delivery.attempts());
        view.put("nextAttemptAt", delivery.nextAttemptAt() == null ? null : delivery.nextAttemptAt().toString());
        view.put("lastError", delivery.lastError());
        return view;
    }

    private static WireResponse json(int status, Object body) {
        try {
            return new WireResponse(status, "application/json", Json.MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
