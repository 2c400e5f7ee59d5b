package dev.gureum.server.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * (manual clock only) and {@code GET /_gureum/bill?month=YYYY-MM&account=ID}. They listen where the API listens: loopback unless told otherwise.
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
    private final Instant started = Instant.now();

    /**
     * {@code reset} empties the cloud: every account's resources, in the store and in the runtime;
     * {@code bills} answers an account's month of metered usage.
     */
    public AdminEndpoints(ServerFacts facts, CloudClock clock, Runnable reset,
                          BiFunction<String, YearMonth, MonthlyBill> bills) {
        this.facts = facts;
        this.clock = clock;
        this.reset = reset;
        this.bills = bills;
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
    private WireResponse bill(WireRequest request) {
        String account = queryParameter(request.rawQuery(), "account");
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
