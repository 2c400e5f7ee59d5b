package dev.gureum.server.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gureum.core.runtime.SyntheticLoad;
import dev.gureum.core.time.CloudClock;
import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.http.WireResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import dev.gureum.core.billing.MonthlyBill;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.BiFunction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gureum's own endpoints beside the AWS APIs, answered in JSON and not signed:
 * {@code GET /_gureum/health}, {@code POST /_gureum/reset} (also at {@code /moto-api/reset}, so suites
 * written for moto's server mode run unchanged) and {@code POST /_gureum/clock/advance?seconds=N}
 * (manual clock only) and {@code GET /_gureum/bill?month=YYYY-MM&account=ID}; with the simulated runtime
 * {@code POST /_gureum/load?instance=ID&cpu=PERCENT[&networkIn=B/s&networkOut=B/s&diskRead=B/s&diskWrite=B/s]}
 * sets an instance's synthetic load and {@code POST /_gureum/impair?instance=ID&systemImpaired=true|false
 * &instanceImpaired=true|false} its status checks. They listen where the API listens: loopback unless told otherwise.
 */
public final class AdminEndpoints {
    /** Built on the first admin call, not at start-up: a mapper costs tens of milliseconds to make. */
    private static final String DEFAULT_ACCOUNT = "000000000000";

    private static final class Json {
        private static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** What the health endpoint reports about the running server. */
    public record ServerFacts(String version, String runtime, String store, String authMode, List<String> services) {
    }

    private final ServerFacts facts;
    private final CloudClock clock;
    private final Runnable reset;
    private final BiFunction<String, YearMonth, MonthlyBill> bills;
    private final SyntheticLoad load;
    private final Instant started = Instant.now();

    /**
     * {@code reset} empties the cloud: every account's resources, in the store and in the runtime;
     * {@code bills} answers an account's month of metered usage; {@code load} is the runtime's synthetic load
     * controls, or null when it has none.
     */
    public AdminEndpoints(ServerFacts facts, CloudClock clock, Runnable reset,
                          BiFunction<String, YearMonth, MonthlyBill> bills, SyntheticLoad load) {
        this.load = load;
        this.facts = facts;
        this.clock = clock;
        this.reset = reset;
        this.bills = bills;
    }

    /** {@code gureum image import}'s work: the new image's id, or an exception saying why not. */
    @FunctionalInterface
    public interface ImageImporter {
        String importImage(String account, String region, String source, String name, String defaultUser,
                           String architecture);
    }

    private volatile ImageImporter images;

    /** Serves {@code POST /_gureum/images/import} with {@code importer}. */
    public AdminEndpoints importImagesWith(ImageImporter importer) {
        this.images = importer;
        return this;
    }

    public boolean owns(String rawPath) {
        return rawPath.startsWith("/_gureum/") || rawPath.startsWith("/moto-api/");
    }

    public WireResponse handle(WireRequest request) {
        String path = request.rawPath();
        return switch (path) {
            case "/_gureum/health" -> request.method().equals("GET") ? health() : methodNotAllowed("GET");
            case "/_gureum/reset", "/moto-api/reset" -> request.method().equals("POST") ? reset() : methodNotAllowed("POST");
            case "/_gureum/clock/advance" -> request.method().equals("POST") ? advance(request) : methodNotAllowed("POST");
            case "/_gureum/bill" -> request.method().equals("GET") ? bill(request) : methodNotAllowed("GET");
            case "/_gureum/load" -> request.method().equals("POST") ? load(request) : methodNotAllowed("POST");
            case "/_gureum/impair" -> request.method().equals("POST") ? impair(request) : methodNotAllowed("POST");
            case "/_gureum/images/import" -> request.method().equals("POST") ? importImage(request)
                    : methodNotAllowed("POST");
            default -> json(404, Map.of("error", "NotFound", "message", "No admin endpoint at " + path));
        };
    }

    private WireResponse health() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "running");
        body.put("version", facts.version());
        body.put("uptimeSeconds", Duration.between(started, Instant.now()).toSeconds());
        body.put("runtime", facts.runtime());
        body.put("store", facts.store());
        body.put("auth", facts.authMode());
        body.put("clock", clock.isManual() ? "manual" : "real");
        body.put("now", clock.now().toString());
        body.put("services", facts.services());
        return json(200, body);
    }

    private WireResponse reset() {
        reset.run();
        return json(200, Map.of("status", "reset"));
    }

    private WireResponse advance(WireRequest request) {
        if (!clock.isManual()) {
            return json(409, Map.of("error", "RealClock",
                    "message", "The clock is real time; start the server with --clock manual to advance it."));
        }
        String seconds = queryParameter(request.rawQuery(), "seconds");
        long amount;
        try {
            amount = Long.parseLong(seconds == null ? "" : seconds);
        } catch (NumberFormatException e) {
            amount = -1;
        }
        if (amount < 0) {
            return json(400, Map.of("error", "InvalidParameterValue",
                    "message", "seconds must be a whole number of seconds, 0 or more."));
        }
        return json(200, Map.of("now", clock.advance(Duration.ofSeconds(amount)).toString()));
    }

    /** {@code GET /_gureum/bill?month=YYYY-MM&account=ID}: the month (default: this one) of an account's usage. */
    /**
     * {@code POST /_gureum/images/import?source=<absolute path>&name=N[&account=ID][&region=R][&defaultUser=U]
     * [&architecture=A]}: a directory or tarball on the server's host registered as an AMI.
     */
    private WireResponse importImage(WireRequest request) {
        ImageImporter importer = images;
        String source = decoded(queryParameter(request.rawQuery(), "source"));
        String name = decoded(queryParameter(request.rawQuery(), "name"));
        String account = decoded(queryParameter(request.rawQuery(), "account"));
        String region = decoded(queryParameter(request.rawQuery(), "region"));
        String defaultUser = decoded(queryParameter(request.rawQuery(), "defaultUser"));
        if (importer == null) {
            return json(400, Map.of("error", "UnsupportedOperation", "message", "This server imports no images."));
        }
        if (source == null || name == null) {
            return json(400, Map.of("error", "MissingParameter", "message", "source and name are required."));
        }
        if (account != null && !account.matches("[0-9]{12}")) {
            return json(400, Map.of("error", "InvalidParameterValue", "message", "account must be 12 digits."));
        }
        try {
            String imageId = importer.importImage(account == null ? DEFAULT_ACCOUNT : account,
                    region == null ? "us-east-1" : region, source, name, defaultUser == null ? "ec2-user" : defaultUser,
                    decoded(queryParameter(request.rawQuery(), "architecture")));
            return json(200, Map.of("imageId", imageId, "name", name));
        } catch (dev.gureum.core.error.CloudException e) {
            return json(e.code().httpStatus(), Map.of("error", e.code().code(), "message", e.getMessage()));
        } catch (RuntimeException e) {
            return json(400, Map.of("error", "InvalidParameterValue", "message", String.valueOf(e.getMessage())));
        }
    }

    private WireResponse bill(WireRequest request) {
        String account = decoded(queryParameter(request.rawQuery(), "account"));
        String monthText = queryParameter(request.rawQuery(), "month");
        YearMonth month;
        try {
            month = monthText == null ? YearMonth.from(clock.now().atZone(ZoneOffset.UTC)) : YearMonth.parse(monthText);
        } catch (DateTimeParseException e) {
            return json(400, Map.of("error", "InvalidParameterValue", "message", "month must be YYYY-MM."));
        }
        if (account != null && !account.matches("[0-9]{12}")) {
            return json(400, Map.of("error", "InvalidParameterValue", "message", "account must be 12 digits."));
        }
        MonthlyBill bill = bills.apply(account == null ? DEFAULT_ACCOUNT : account, month);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account", bill.account());
        body.put("month", bill.month().toString());
        body.put("charges", bill.charges().stream().map(charge -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("region", charge.region());
            line.put("usageType", charge.usageType());
            line.put("lineItemType", charge.lineItemType());
            line.put("quantity", charge.quantity().toPlainString());
            line.put("unit", charge.unit());
            line.put("costUsd", charge.cost() == null ? null : charge.cost().toPlainString());
            return line;
        }).toList());
        body.put("totalUsd", bill.total().toPlainString());
        body.put("complete", bill.complete());
        return json(200, body);
    }

    /** {@code POST /_gureum/load}: an instance's synthetic load; members not given keep their value. */
    private WireResponse load(WireRequest request) {
        if (load == null) {
            return noSyntheticLoad();
        }
        String instance = queryParameter(request.rawQuery(), "instance");
        SyntheticLoad.Load current = instance == null ? null : load.load(instance);
        if (current == null) {
            return json(404, Map.of("error", "InvalidInstanceID.NotFound",
                    "message", "The runtime knows no instance " + instance + "."));
        }
        try {
            double cpu = rate(request, "cpu", current.cpuPercent());
            if (cpu > 100) {
                throw new NumberFormatException();
            }
            SyntheticLoad.Load next = new SyntheticLoad.Load(cpu,
                    rate(request, "networkIn", current.networkInBytesPerSecond()),
                    rate(request, "networkOut", current.networkOutBytesPerSecond()),
                    rate(request, "diskRead", current.diskReadBytesPerSecond()),
                    rate(request, "diskWrite", current.diskWriteBytesPerSecond()));
            load.setLoad(instance, next);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("instance", instance);
            body.put("cpu", next.cpuPercent());
            body.put("networkIn", next.networkInBytesPerSecond());
            body.put("networkOut", next.networkOutBytesPerSecond());
            body.put("diskRead", next.diskReadBytesPerSecond());
            body.put("diskWrite", next.diskWriteBytesPerSecond());
            return json(200, body);
        } catch (NumberFormatException e) {
            return json(400, Map.of("error", "InvalidParameterValue",
                    "message", "cpu is a percentage from 0 to 100; network and disk rates are bytes per second, 0 or more."));
        }
    }

    /** {@code POST /_gureum/impair}: whether an instance's system and instance status checks fail. */
    private WireResponse impair(WireRequest request) {
        if (load == null) {
            return noSyntheticLoad();
        }
        String instance = queryParameter(request.rawQuery(), "instance");
        boolean system = "true".equals(queryParameter(request.rawQuery(), "systemImpaired"));
        boolean own = "true".equals(queryParameter(request.rawQuery(), "instanceImpaired"));
        if (instance == null || !load.impair(instance, system, own)) {
            return json(404, Map.of("error", "InvalidInstanceID.NotFound",
                    "message", "The runtime knows no instance " + instance + "."));
        }
        return json(200, Map.of("instance", instance, "systemImpaired", system, "instanceImpaired", own));
    }

    private static double rate(WireRequest request, String name, double current) {
        String text = queryParameter(request.rawQuery(), name);
        if (text == null) {
            return current;
        }
        double value = Double.parseDouble(text);
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new NumberFormatException(name);
        }
        return value;
    }

    private static WireResponse noSyntheticLoad() {
        return json(409, Map.of("error", "NoSyntheticLoad",
                "message", "This runtime runs real instances; their load cannot be set (serve with --runtime simulated)."));
    }

    private static String decoded(String value) {
        return value == null ? null : java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String queryParameter(String rawQuery, String name) {
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return pair.substring(equals + 1);
            }
        }
        return null;
    }

    private static WireResponse methodNotAllowed(String allowed) {
        return json(405, Map.of("error", "MethodNotAllowed", "message", "Use " + allowed + "."));
    }

    private static WireResponse json(int status, Object body) {
        try {
            return new WireResponse(status, "application/json", Json.MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
