package dev.gureum.server;

import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.instance.Quotas;
import dev.gureum.core.store.Store;
import dev.gureum.core.time.CloudClock;
import dev.gureum.core.time.ManualClock;
import dev.gureum.server.auth.AnyKeyAuthenticator;
import dev.gureum.server.auth.Authenticator;
import dev.gureum.server.auth.CredentialsFile;
import dev.gureum.server.auth.StrictAuthenticator;
import dev.gureum.server.dispatch.ServiceEndpoint;
import dev.gureum.server.ec2.Ec2Api;
import dev.gureum.server.ec2.Ec2Cloud;
import dev.gureum.server.gateway.AdminEndpoints;
import dev.gureum.server.gateway.Gateway;
import dev.gureum.server.http.HttpFront;
import dev.gureum.store.EmbeddedStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Assembles one Gureum node from its options: store, clock, services, gateway, HTTP front. */
public final class GureumServer implements AutoCloseable {
    public static final String DEFAULT_REGION = "us-east-1";

    private final Store store;
    private final Ec2Cloud cloud;
    private final Gateway gateway;
    private final HttpFront front;

    private GureumServer(Store store, Ec2Cloud cloud, Gateway gateway, HttpFront front) {
        this.store = store;
        this.cloud = cloud;
        this.gateway = gateway;
        this.front = front;
    }

    public static GureumServer start(ServeOptions options) throws InterruptedException {
        if (options.runtime() == ServeOptions.RuntimeKind.SANDBOX) {
            throw new IllegalArgumentException("the sandbox runtime is not built yet; use --runtime simulated");
        }
        try {
            Files.createDirectories(options.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + options.dataDirectory(), e);
        }
        CloudClock clock = options.clock() == ServeOptions.ClockMode.MANUAL ? new ManualClock(Instant.now()) : CloudClock.real();
        Store store = EmbeddedStore.open(options.dataDirectory());
        try {
            RegionCatalog regions = RegionCatalog.load();
            Ec2Cloud cloud = Ec2Cloud.start(regions, store, clock, new Quotas(options.maxInstances(),
                    options.zoneCapacityVcpus()), options.simulatedDelay());
            ServiceEndpoint ec2 = Ec2Api.create(cloud);
            Authenticator authenticator = options.auth() == ServeOptions.AuthMode.STRICT
                    ? new StrictAuthenticator(CredentialsFile.open(options.dataDirectory()), Clock.systemUTC())
                    : new AnyKeyAuthenticator(CredentialsFile.DEFAULT_ACCOUNT, DEFAULT_REGION);
            AdminEndpoints admin = new AdminEndpoints(new AdminEndpoints.ServerFacts(Version.current(),
                    cloud.runtimeName(), authenticator.mode(), List.of("ec2")),
                    store, clock);
            Gateway gateway = new Gateway(admin, Map.of(ec2.signingName(), ec2), "ec2", authenticator, regions, clock);
            HttpFront front = HttpFront.start(options.bindAddress(), options.port(), gateway::handle, gateway::refuse);
            return new GureumServer(store, cloud, gateway, front);
        } catch (RuntimeException | InterruptedException e) {
            store.close();
            throw e;
        }
    }

    /** The request pipeline without the HTTP transport, for embedding and for measuring server time. */
    public Gateway gateway() {
        return gateway;
    }

    public int port() {
        return front.port();
    }

    @Override
    public void close() {
        front.close();
        cloud.close();
        store.close();
    }
}
