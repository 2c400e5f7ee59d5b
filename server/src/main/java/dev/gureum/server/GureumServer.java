package dev.gureum.server;

import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.instance.Quotas;
import dev.gureum.core.instancetype.InstanceTypeCatalog;
import dev.gureum.protocol.ec2.Ec2Protocol;
import dev.gureum.core.store.Store;
import dev.gureum.core.time.CloudClock;
import dev.gureum.core.time.KeptClock;
import dev.gureum.server.auth.AnyKeyAuthenticator;
import dev.gureum.server.auth.Authenticator;
import dev.gureum.server.auth.CredentialsFile;
import dev.gureum.server.auth.StrictAuthenticator;
import dev.gureum.server.dispatch.ServiceEndpoint;
import dev.gureum.server.ce.CostExplorerApi;
import dev.gureum.server.savingsplans.SavingsPlansApi;
import dev.gureum.core.cost.CostExplorer;
import dev.gureum.core.cost.ReservationCoverages;
import dev.gureum.core.alarm.StoredAlarmMetrics;
import dev.gureum.core.sns.SnsPublisher;
import dev.gureum.server.cloudwatch.AlarmCloud;
import dev.gureum.server.cloudwatch.CloudWatchApi;
import dev.gureum.server.ec2.Ec2Api;
import dev.gureum.server.sns.SnsCloud;
import dev.gureum.runtime.storage.SparseFileBlockStore;
import dev.gureum.server.ec2.Ec2Cloud;
import dev.gureum.server.gateway.AdminEndpoints;
import dev.gureum.server.gateway.Gateway;
import dev.gureum.server.http.HttpFront;
import dev.gureum.store.EmbeddedStore;
import dev.gureum.store.MetricJournalFile;
import dev.gureum.core.metrics.MetricDataService;
import dev.gureum.core.metrics.MetricQueries;
import dev.gureum.core.metrics.MetricService;
import dev.gureum.core.metrics.MetricStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** Assembles one Gureum node from its options: store, clock, services, gateway, HTTP front. */
public final class GureumServer implements AutoCloseable {
    public static final String DEFAULT_REGION = "us-east-1";
    private static final Duration BACKGROUND_WARMUP_DELAY = Duration.ofSeconds(3);
    private static final Executor STARTER = runnable -> Thread.ofPlatform().daemon().name("gureum-start").start(runnable);

    private final Store store;
    private final MetricStorage metrics;
    private final Ec2Cloud cloud;
    private final SnsCloud notifications;
    private final Gateway gateway;
    private final HttpFront front;

    private GureumServer(Store store, MetricStorage metrics, Ec2Cloud cloud, SnsCloud notifications, Gateway gateway,
                         HttpFront front) {
        this.store = store;
        this.metrics = metrics;
        this.cloud = cloud;
        this.notifications = notifications;
        this.gateway = gateway;
        this.front = front;
    }

    public static GureumServer start(ServeOptions options) {
        RuntimeChoice.Factory runtime = RuntimeChoice.of(options);
        try {
            Files.createDirectories(options.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + options.dataDirectory(), e);
        }
        // Start-up work runs on both cores: the HTTP front binds, the store opens, the credentials are
        // read and the first request's classes are warmed while this thread assembles the services.
        // Requests that arrive first wait for them. A few seconds into serving (so the first requests have
        // both cores), the instance-type catalog is read and the whole EC2 operation catalog is scanned
        // in the background, so no later request pays for either.
        CompletableFuture<Gateway> ready = new CompletableFuture<>();
        CompletableFuture<HttpFront> front = CompletableFuture.supplyAsync(() -> startFront(options, ready), STARTER);
        CompletableFuture<Store> opened = CompletableFuture.supplyAsync(
                () -> EmbeddedStore.open(options.dataDirectory()), STARTER);
        CompletableFuture.runAsync(StartupWarmup::run, STARTER);
        CompletableFuture<Authenticator> authenticator = CompletableFuture.supplyAsync(() -> authenticator(options), STARTER);
        CompletableFuture<CloudClock> clocked = opened.thenApply(store -> clock(options, store));
        CompletableFuture<MetricStorage> metricsOpened = clocked.thenApplyAsync(
                clock -> new MetricStorage(MetricJournalFile.open(options.dataDirectory()), clock), STARTER);
        Store store = null;
        MetricStorage metrics = null;
        Ec2Cloud cloud = null;
        SnsCloud notifications = null;
        try {
            RegionCatalog regions = RegionCatalog.load();
            store = opened.join();
            CloudClock clock = clocked.join();
            metrics = metricsOpened.join();
            MetricService metricService = new MetricService(metrics);
            cloud = Ec2Cloud.start(regions, store, clock, new Quotas(options.maxInstances(),
                    options.zoneCapacityVcpus()), runtime, options.publicIpPool(),
                    new SparseFileBlockStore(options.dataDirectory()), metricService, options.metering());
            // SNS first: the services that notify (alarm actions, spot warnings) publish through its publisher()
            notifications = new SnsCloud(store, clock, options.dataDirectory(), publicUrl(options,
                    options.port() != 0 ? options.port() : front.join().port()), options.smtp());
            ServiceEndpoint ec2 = Ec2Api.create(cloud);
            SnsPublisher publisher = notifications.publisher();
            if (options.spotInterruptionTopic() != null) {
                String[] arn = options.spotInterruptionTopic().split(":");
                cloud.notifySpotWith(warning -> publisher.publish(arn[4], arn[3], options.spotInterruptionTopic(),
                        null, warning.eventJson(), Map.of()));
            }
            MetricQueries metricQueries = new MetricQueries(metrics);
            AlarmCloud alarms = AlarmCloud.start(store, cloud.scheduler(), regions,
                    new StoredAlarmMetrics(metricQueries, new MetricDataService(metricQueries)),
                    (account, region, topicArn, subject, message) -> publisher.publish(account, region, topicArn,
                            subject, message, Map.of()), cloud.alarmInstanceActions());
            ServiceEndpoint monitoring = CloudWatchApi.create(metricService, metricQueries, alarms);
            ServiceEndpoint sns = notifications.endpoint();
            CostExplorer costs = new CostExplorer(cloud.bills(), clock, cloud.costAllocationTags()::of,
                    cloud.normalizationFactors()::of);
            ServiceEndpoint ce = CostExplorerApi.create(costs, new ReservationCoverages(costs));
            ServiceEndpoint savingsplans = SavingsPlansApi.create(cloud.savingsPlans());
            AdminEndpoints admin = new AdminEndpoints(new AdminEndpoints.ServerFacts(Version.current(),
                    cloud.runtimeName(), store.name(), authenticator.join().mode(),
                    List.of(ec2.signingName(), monitoring.signingName(), sns.signingName(), ce.signingName(),
                            savingsplans.signingName())),
                    clock, resetKeeping(cloud, clock), cloud::bill, cloud.syntheticLoad())
                    .importImagesWith(cloud::importImage);
            Gateway gateway = new Gateway(admin, List.of(notifications.links()), Map.of(ec2.signingName(), ec2,
                    monitoring.signingName(), monitoring, sns.signingName(), sns, ce.signingName(), ce,
                    savingsplans.signingName(), savingsplans), "ec2", authenticator.join(),
                    regions, clock);
            ready.complete(gateway);
            GureumServer server = new GureumServer(store, metrics, cloud, notifications, gateway, front.join());
            CompletableFuture.runAsync(() -> {
                InstanceTypeCatalog.load();
                ((Ec2Protocol) ec2.protocol()).catalog().all();
            }, CompletableFuture.delayedExecutor(BACKGROUND_WARMUP_DELAY.toMillis(), TimeUnit.MILLISECONDS, STARTER));
            return server;
        } catch (RuntimeException e) {
            ready.completeExceptionally(e);
            if (store == null) {
                opened.thenAccept(Store::close);
            }
            if (metrics == null) {
                metricsOpened.thenAccept(MetricStorage::close);
            } else {
                metrics.close();
            }
            front.thenAccept(HttpFront::close);
            if (notifications != null) {
                notifications.close();
            }
            if (cloud != null) {
                cloud.close();
            }
            if (store != null) {
                store.close();
            }
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The cloud's clock: real time, or a manual clock kept in the store so a restart resumes where it stood. */
    private static CloudClock clock(ServeOptions options, Store store) {
        return options.clock() == ServeOptions.ClockMode.MANUAL ? KeptClock.manual(store, Instant.now())
                : CloudClock.real();
    }

    /**
     * The admin reset. It wipes every record, the manual clock's kept time with them, so the clock is kept again
     * where it stands (advancing it by nothing hands its time to its keeper): time never goes back.
     */
    private static Runnable resetKeeping(Ec2Cloud cloud, CloudClock clock) {
        return () -> {
            cloud.reset();
            if (clock.isManual()) {
                clock.advance(Duration.ZERO);
            }
        };
    }

    /** Where clients reach this node: {@code --public-url}, else the listen address (loopback for a wildcard). */
    private static String publicUrl(ServeOptions options, int port) {
        if (options.publicUrl() != null) {
            return options.publicUrl();
        }
        String host = options.bindAddress();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port;
    }

    /** Where Gureum's own services publish SNS messages (alarm actions, spot interruption warnings). */
    public dev.gureum.core.sns.SnsPublisher snsPublisher() {
        return notifications.publisher();
    }

    private static Authenticator authenticator(ServeOptions options) {
        return options.auth() == ServeOptions.AuthMode.STRICT
                ? new StrictAuthenticator(CredentialsFile.open(options.dataDirectory()), Clock.systemUTC())
                : new AnyKeyAuthenticator(CredentialsFile.DEFAULT_ACCOUNT, DEFAULT_REGION);
    }

    private static HttpFront startFront(ServeOptions options, CompletableFuture<Gateway> ready) {
        try {
            return HttpFront.start(options.bindAddress(), options.port(), request -> ready.join().handle(request),
                    (status, code, message) -> ready.join().refuse(status, code, message));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding", e);
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
        notifications.close();
        cloud.close();
        metrics.close();
        store.close();
    }
}
