package dev.gureum.server.gateway;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.CloudException;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.store.StoreUnavailableException;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.time.CloudClock;
import dev.gureum.protocol.ApiError;
import dev.gureum.protocol.Call;
import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.ProtocolException;
import dev.gureum.protocol.ServiceProtocol;
import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.http.WireResponse;
import dev.gureum.protocol.sigv4.CredentialScope;
import dev.gureum.server.auth.Authenticator;
import dev.gureum.server.auth.Identity;
import dev.gureum.server.dispatch.Handler;
import dev.gureum.server.dispatch.ServiceEndpoint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;

/**
 * Every API request passes the same steps, in this order: unsigned service routes ({@link Route}); admin routes; pick the service from the SigV4
 * scope and its protocol from the request's wire format (so that even an authentication failure is
 * answered in an envelope the client reads); authenticate; check the region; decode; check required members;
 * find the handler; run it; encode. Whatever goes wrong becomes an AWS error in the service's own
 * envelope; only a bug in Gureum yields {@code InternalError}, and never a stack trace on the wire.
 */
public final class Gateway {
    private static final Logger LOG = Logger.getLogger(Gateway.class.getName());

    private final AdminEndpoints admin;
    private final List<Route> routes;
    private final Map<String, ServiceEndpoint> services;
    private final ServiceEndpoint defaultService;
    /**
     * The largest request body accepted, as it arrives and inflated ({@link ContentCoding}); EC2's own limit for
     * query requests is far below it.
     */
    public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final Authenticator authenticator;
    private final RegionCatalog regions;
    private final CloudClock clock;

    public Gateway(AdminEndpoints admin, Map<String, ServiceEndpoint> services, String defaultService,
                   Authenticator authenticator, RegionCatalog regions, CloudClock clock) {
        this(admin, List.of(), services, defaultService, authenticator, regions, clock);
    }

    /** @param routes answered before the admin endpoints and the signed API (see {@link Route}) */
    public Gateway(AdminEndpoints admin, List<Route> routes, Map<String, ServiceEndpoint> services,
                   String defaultService, Authenticator authenticator, RegionCatalog regions, CloudClock clock) {
        this.admin = admin;
        this.routes = List.copyOf(routes);
        this.services = Map.copyOf(services);
        this.defaultService = services.get(defaultService);
        this.authenticator = authenticator;
        this.regions = regions;
        this.clock = clock;
    }

    public WireResponse handle(WireRequest request) {
        WireResponse routed = routed(request);
        if (routed != null) {
            return routed;
        }
        if (admin.owns(request.rawPath())) {
            return admin.handle(request);
        }
        String requestId = RequestIds.next();
        ServiceEndpoint service = defaultService;
        ServiceProtocol protocol = service.protocolFor(request);
        try {
            Optional<CredentialScope> scope = CredentialScope.peek(request);
            if (scope.isEmpty()) {
                // no signature names the service: the request's own shape does, so a refusal reads as the service's
                Optional<ServiceEndpoint> addressed = services.values().stream()
                        .filter(candidate -> candidate != defaultService && candidate.recognizes(request)).findFirst();
                if (addressed.isPresent()) {
                    service = addressed.get();
                    protocol = service.protocolFor(request);
                }
            }
            if (scope.isPresent()) {
                ServiceEndpoint scoped = services.get(scope.get().service());
                if (scoped == null) {
                    throw new ProtocolException(CommonError.UNSUPPORTED_OPERATION,
                            "Gureum does not serve the '" + scope.get().service() + "' service.");
                }
                service = scoped;
                protocol = service.protocolFor(request);
            }
            WireRequest decoded = ContentCoding.decoded(request, MAX_BODY_BYTES);
            protocol = service.protocolFor(decoded);
            Identity identity = authenticator.authenticate(request, scope);
            if (!regions.contains(identity.region())) {
                throw new ProtocolException(CommonError.SIGNATURE_DOES_NOT_MATCH,
                        "Credential should be scoped to a valid region, not '" + identity.region() + "'.");
            }
            return call(service, protocol, decoded, identity, requestId);
        } catch (ProtocolException e) {
            return protocol.encodeError(service == defaultService ? e.error()
                    : inOtherServicesTerms(e.error(), request, protocol), requestId);
        } catch (CloudException e) {
            return protocol.encodeError(
                    new ApiError(e.code().code(), e.code().httpStatus(), e.getMessage(), e.code().httpStatus() < 500),
                    requestId);
        } catch (VersionConflictException e) {
            LOG.log(Level.INFO, "request " + requestId + " lost a race with another change and was not retried: "
                    + e.getMessage());
            return protocol.encodeError(CommonError.SERVICE_UNAVAILABLE.withMessage(
                    "Another request changed the same resources at the same time; nothing was changed. Retry the"
                            + " request."), requestId);
        } catch (StoreUnavailableException e) {
            LOG.log(Level.SEVERE, "request " + requestId + ": the store cannot write", e);
            return protocol.encodeError(CommonError.SERVICE_UNAVAILABLE.withMessage(
                    "The service cannot store changes right now; nothing was changed. Retry later."), requestId);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "request " + requestId + " failed", e);
            return protocol.encodeError(CommonError.INTERNAL_ERROR.withMessage(
                    "An internal error has occurred. Request id " + requestId + " is in the server log."), requestId);
        }
    }

    /**
     * An authentication failure as the services other than EC2 word it: EC2 (the default service) answers
     * {@code AuthFailure} whether credentials are missing or unknown, the others as their protocol does
     * ({@link ServiceProtocol#authenticationFailure}).
     */
    private static ApiError inOtherServicesTerms(ApiError error, WireRequest request, ServiceProtocol protocol) {
        if (!error.code().equals(CommonError.AUTH_FAILURE.code())) {
            return error;
        }
        return protocol.authenticationFailure(CredentialScope.peek(request).isPresent());
    }

    /** The answer of the route that owns the request, or null; a route that breaks is a bug, answered InternalError. */
    private WireResponse routed(WireRequest request) {
        for (Route route : routes) {
            String requestId = RequestIds.next();
            try {
                if (route.owns(request)) {
                    return route.handle(request, requestId);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "request " + requestId + " failed in " + route.getClass().getSimpleName(), e);
                return defaultService.protocol().encodeError(CommonError.INTERNAL_ERROR.withMessage(
                        "An internal error has occurred. Request id " + requestId + " is in the server log."), requestId);
            }
        }
        return null;
    }

    /** A refusal by the transport (body too large, broken HTTP), in the default service's envelope. */
    public WireResponse refuse(int status, String code, String message) {
        return defaultService.protocol().encodeError(ApiError.sender(code, status, message), RequestIds.next());
    }

    private WireResponse call(ServiceEndpoint service, ServiceProtocol protocol, WireRequest request, Identity identity,
                              String requestId) {
        Call call = protocol.decode(request);
        service.requiredMembers().check(call.input());
        Handler<SdkPojo, SdkPojo> handler = service.operations().find(call.input().getClass())
                .orElseThrow(() -> new ProtocolException(service.notImplemented(),
                        "The action " + call.operation() + " is not supported by Gureum yet."));
        boolean dryRun = isDryRun(call.input());
        RequestContext context = new RequestContext(identity.account(), identity.region(), requestId, clock.now(), dryRun);
        SdkPojo output = handler.handle(call.input(), context);
        if (dryRun) {
            throw new ProtocolException(CommonError.DRY_RUN_OPERATION,
                    "Request would have succeeded, but DryRun flag is set.");
        }
        return protocol.encode(call, output, requestId);
    }

    private static boolean isDryRun(SdkPojo input) {
        return input instanceof SdkRequest request
                && request.getValueForField("DryRun", Boolean.class).orElse(Boolean.FALSE);
    }
}
