package dev.gureum.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * {@code gureum bill [--month YYYY-MM] [--account ID] [--endpoint URL]}: a month of an account's metered usage
 * at AWS list prices, read from a running server's {@code /_gureum/bill} and printed as a table.
 */
final class BillCommand {
    private static final String DEFAULT_ENDPOINT = "http://127.0.0.1:4747";

    private BillCommand() {
    }

    static int run(String[] args, PrintStream out) throws IOException, InterruptedException {
        String endpoint = DEFAULT_ENDPOINT;
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--month" -> query.append(query.isEmpty() ? "?" : "&").append("month=").append(require(args[i], value));
                case "--account" -> query.append(query.isEmpty() ? "?" : "&").append("account=").append(require(args[i], value));
                case "--endpoint" -> endpoint = require(args[i], value);
                default -> throw new IllegalArgumentException("bill options: --month YYYY-MM, --account ID, --endpoint URL");
            }
            i++;
        }
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(HttpRequest.newBuilder(URI.create(endpoint + "/_gureum/bill" + query)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new IllegalArgumentException("no Gureum server answers at " + endpoint + " (start one with ./gureum"
                    + " serve, or name it with --endpoint)");
        }
        JsonNode bill = new ObjectMapper().readTree(response.body());
        if (response.statusCode() != 200) {
            throw new IllegalArgumentException(bill.path("message").asText(response.body()));
        }
        print(bill, out);
        return 0;
    }

    private static void print(JsonNode bill, PrintStream out) {
        out.printf("Gureum bill for account %s, %s (AWS public list prices, USD)%n%n", bill.get("account").asText(),
                bill.get("month").asText());
        out.printf("%-15s %-32s %-23s %18s %-8s %14s%n", "region", "usage type", "line item type", "quantity", "unit",
                "cost");
        int unpriced = 0;
        for (JsonNode charge : bill.get("charges")) {
            boolean priced = !charge.get("costUsd").isNull();
            unpriced += priced ? 0 : 1;
            out.printf(Locale.ROOT, "%-15s %-32s %-23s %18.6f %-8s %14s%n", charge.get("region").asText(),
                    charge.get("usageType").asText(), charge.path("lineItemType").asText("Usage"),
                    charge.get("quantity").asDouble(), charge.get("unit").asText(),
                    priced ? String.format(Locale.ROOT, "%.6f", charge.get("costUsd").asDouble()) : "no price");
        }
        out.printf(Locale.ROOT, "%n%-100s %14.6f%n", "total", bill.get("totalUsd").asDouble());
        if (unpriced > 0) {
            out.printf("%d usage line(s) have no known list price and are not in the total.%n", unpriced);
        }
        out.flush();
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
