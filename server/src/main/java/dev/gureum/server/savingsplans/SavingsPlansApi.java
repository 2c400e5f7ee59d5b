package dev.gureum.server.savingsplans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gureum.core.RequestContext;
import dev.gureum.core.error.SavingsPlansError;
import dev.gureum.core.page.Page;
import dev.gureum.core.savings.OfferingSearch;
import dev.gureum.core.savings.SavingsOfferingCatalog.PlanRate;
import dev.gureum.core.savings.SavingsPlan;
import dev.gureum.core.savings.SavingsPlanService;
import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.ProtocolException;
import dev.gureum.protocol.json.JsonDocument;
import dev.gureum.protocol.json.RestJsonDocumentProtocol;
import dev.gureum.protocol.model.RequiredMembers;
import dev.gureum.server.dispatch.OperationTable;
import dev.gureum.server.dispatch.ServiceEndpoint;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Savings Plans ({@code savingsplans}, REST-JSON 2019-06-28: every operation {@code POST /<Operation>} with a
 * JSON body). The SDK for Java's savingsplans model is not among Gureum's dependencies, so requests are read and
 * answers written as JSON documents, in the shapes of botocore's model. ReturnSavingsPlan (newer than that
 * model) is recognised and answered as not supported.
 */
public final class SavingsPlansApi {
    static final Set<String> OPERATIONS = Set.of("CreateSavingsPlan", "DeleteQueuedSavingsPlan",
            "DescribeSavingsPlanRates", "DescribeSavingsPlans", "DescribeSavingsPlansOfferingRates",
            "DescribeSavingsPlansOfferings", "ListTagsForResource", "ReturnSavingsPlan", "TagResource",
            "UntagResource");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SavingsPlanService plans;

    private SavingsPlansApi(SavingsPlanService plans) {
        this.plans = plans;
    }

    public static ServiceEndpoint create(SavingsPlanService plans) {
        OperationTable table = new OperationTable();
        table.register(JsonDocument.class, new SavingsPlansApi(plans)::handle);
        return new ServiceEndpoint("savingsplans", new RestJsonDocumentProtocol(OPERATIONS), RequiredMembers.none(),
                table);
    }

    JsonDocument handle(JsonDocument request, RequestContext context) {
        JsonNode input;
        try {
            input = request.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(request.body());
        } catch (IOException e) {
            throw new ProtocolException(CommonError.SERIALIZATION_EXCEPTION, "The request body is not JSON.");
        }
        if (input == null || !input.isObject()) {
            throw new ProtocolException(CommonError.SERIALIZATION_EXCEPTION, "The request body is not a JSON object.");
        }
        ObjectNode output = switch (request.operation()) {
            case "DescribeSavingsPlansOfferings" -> offerings(input);
            case "DescribeSavingsPlansOfferingRates" -> offeringRates(input);
            case "CreateSavingsPlan" -> create(input, context);
            case "DescribeSavingsPlans" -> describe(input, context);
            case "DescribeSavingsPlanRates" -> planRates(input, context);
            case "DeleteQueuedSavingsPlan" -> {
                plans.deleteQueued(context, text(input, "savingsPlanId"));
                yield JSON.createObjectNode();
            }
            case "TagResource" -> {
                plans.tag(context, text(input, "resourceArn"), stringMap(input.get("tags")));
                yield JSON.createObjectNode();
            }
            case "UntagResource" -> {
                plans.untag(context, text(input, "resourceArn"), strings(input, "tagKeys"));
                yield JSON.createObjectNode();
            }
            case "ListTagsForResource" -> {
                ObjectNode answer = JSON.createObjectNode();
                ObjectNode tags = answer.putObject("tags");
                plans.tags(context, text(input, "resourceArn")).forEach(tags::put);
                yield answer;
            }
            default -> throw new ProtocolException(CommonError.UNSUPPORTED_OPERATION, "The action "
                    + request.operation() + " is not supported by Gureum yet.");
        };
        try {
            return new JsonDocument(request.operation(), JSON.writeValueAsBytes(output));
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private ObjectNode offerings(JsonNode input) {
        Map<String, List<String>> properties = filters(input, List.of("region", "instanceFamily"));
        List<String> productTypes = input.hasNonNull("productType") ? List.of(input.get("productType").asText())
                : List.of();
        OfferingSearch search = new OfferingSearch(strings(input, "offeringIds"), strings(input, "paymentOptions"),
                productTypes, strings(input, "planTypes"), longs(input, "durations"), strings(input, "currencies"),
                strings(input, "descriptions"), strings(input, "serviceCodes"), strings(input, "usageTypes"),
                strings(input, "operations"), properties);
        Page<SavingsPlanService.Offering> page = plans.offerings(search, integer(input, "maxResults"),
                text(input, "nextToken"));
        ObjectNode output = JSON.createObjectNode();
        var results = output.putArray("searchResults");
        for (SavingsPlanService.Offering offering : page.items()) {
            SavingsPlanShapes.offering(results.addObject(), offering.id(), offering.offering());
        }
        if (page.nextToken() != null) {
            output.put("nextToken", page.nextToken());
        }
        return output;
    }

    private ObjectNode offeringRates(JsonNode input) {
        Map<String, List<String>> properties = filters(input, List.of("region", "instanceFamily", "instanceType",
                "productDescription", "tenancy", "productId"));
        OfferingSearch search = new OfferingSearch(strings(input, "savingsPlanOfferingIds"),
                strings(input, "savingsPlanPaymentOptions"), strings(input, "products"),
                strings(input, "savingsPlanTypes"), List.of(), List.of(), List.of(), strings(input, "serviceCodes"),
                strings(input, "usageTypes"), strings(input, "operations"), properties);
        Page<PlanRate> page = plans.offeringRates(search, integer(input, "maxResults"), text(input, "nextToken"));
        ObjectNode output = JSON.createObjectNode();
        var results = output.putArray("searchResults");
        for (PlanRate rate : page.items()) {
            SavingsPlanShapes.offeringRate(results.addObject(), plans.catalog().id(rate.offering()), rate);
        }
        if (page.nextToken() != null) {
            output.put("nextToken", page.nextToken());
        }
        return output;
    }

    private ObjectNode create(JsonNode input, RequestContext context) {
        SavingsPlan plan = plans.create(context, text(input, "savingsPlanOfferingId"), amount(input, "commitment"),
                amount(input, "upfrontPaymentAmount"), timestamp(input, "purchaseTime"), text(input, "clientToken"),
                stringMap(input.get("tags")));
        ObjectNode output = JSON.createObjectNode();
        output.put("savingsPlanId", plan.id());
        return output;
    }

    private ObjectNode describe(JsonNode input, RequestContext context) {
        Page<SavingsPlan> page = plans.describe(context, strings(input, "savingsPlanIds"),
                strings(input, "savingsPlanArns"), strings(input, "states"), filters(input, null),
                integer(input, "maxResults"), text(input, "nextToken"));
        ObjectNode output = JSON.createObjectNode();
        var results = output.putArray("savingsPlans");
        for (SavingsPlan plan : page.items()) {
            SavingsPlanShapes.plan(results.addObject(), plan, context);
        }
        if (page.nextToken() != null) {
            output.put("nextToken", page.nextToken());
        }
        return output;
    }

    private ObjectNode planRates(JsonNode input, RequestContext context) {
        String id = text(input, "savingsPlanId");
        Page<PlanRate> page = plans.rates(context, id, filters(input, null), integer(input, "maxResults"),
                text(input, "nextToken"));
        ObjectNode output = JSON.createObjectNode();
        output.put("savingsPlanId", id);
        var results = output.putArray("searchResults");
        for (PlanRate rate : page.items()) {
            SavingsPlanShapes.planRate(results.addObject(), rate);
        }
        if (page.nextToken() != null) {
            output.put("nextToken", page.nextToken());
        }
        return output;
    }

    /** A {@code filters} list of {@code {name, values}}; names outside {@code allowed} (when given) are refused. */
    private static Map<String, List<String>> filters(JsonNode input, List<String> allowed) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (JsonNode filter : input.path("filters")) {
            String name = filter.path("name").asText();
            if (allowed != null && !allowed.contains(name)) {
                throw SavingsPlansError.VALIDATION.exception("1 validation error detected: Value '" + name
                        + "' at 'filters.member.name' failed to satisfy constraint: Member must satisfy enum value "
                        + "set: " + allowed);
            }
            List<String> values = new ArrayList<>();
            filter.path("values").forEach(value -> values.add(value.asText()));
            filters.computeIfAbsent(name, unused -> new ArrayList<>()).addAll(values);
        }
        return filters;
    }

    private static String text(JsonNode input, String member) {
        JsonNode value = input.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** An Amount member: a string in the model; a number is read as the decimal it spells. */
    private static String amount(JsonNode input, String member) {
        JsonNode value = input.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
    }

    private static Integer integer(JsonNode input, String member) {
        JsonNode value = input.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt()) {
            throw SavingsPlansError.VALIDATION.exception(member + " must be an integer.");
        }
        return value.asInt();
    }

    private static List<String> strings(JsonNode input, String member) {
        List<String> values = new ArrayList<>();
        input.path(member).forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<Long> longs(JsonNode input, String member) {
        List<Long> values = new ArrayList<>();
        input.path(member).forEach(value -> values.add(value.asLong()));
        return values;
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        }
        return map;
    }

    /** A timestamp as botocore sends it for REST-JSON (epoch seconds), or ISO-8601 text. */
    private static Instant timestamp(JsonNode input, String member) {
        JsonNode value = input.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            BigDecimal seconds = value.decimalValue();
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw SavingsPlansError.VALIDATION.exception(member + " must be a timestamp, not '" + value.asText() + "'.");
        }
    }
}
