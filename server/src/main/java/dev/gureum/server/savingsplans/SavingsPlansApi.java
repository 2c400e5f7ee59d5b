package dev.gureum.server.savingsplans;

import static dev.gureum.server.dispatch.JsonMembers.integer;
import static dev.gureum.server.dispatch.JsonMembers.longs;
import static dev.gureum.server.dispatch.JsonMembers.string;
import static dev.gureum.server.dispatch.JsonMembers.stringMap;
import static dev.gureum.server.dispatch.JsonMembers.strings;
import static dev.gureum.server.dispatch.JsonMembers.structures;

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
import dev.gureum.server.dispatch.JsonDocuments;
import dev.gureum.protocol.json.RestJsonDocumentProtocol;
import dev.gureum.protocol.model.RequiredMembers;
import dev.gureum.server.dispatch.OperationTable;
import dev.gureum.server.dispatch.ServiceEndpoint;
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
        JsonNode input = JsonDocuments.input(request);
        ObjectNode output = switch (request.operation()) {
            case "DescribeSavingsPlansOfferings" -> offerings(input);
            case "DescribeSavingsPlansOfferingRates" -> offeringRates(input);
            case "CreateSavingsPlan" -> create(input, context);
            case "DescribeSavingsPlans" -> describe(input, context);
            case "DescribeSavingsPlanRates" -> planRates(input, context);
            case "DeleteQueuedSavingsPlan" -> {
                plans.deleteQueued(context, string(input, "savingsPlanId"));
                yield JSON.createObjectNode();
            }
            case "TagResource" -> {
                plans.tag(context, string(input, "resourceArn"), stringMap(input, "tags"));
                yield JSON.createObjectNode();
            }
            case "UntagResource" -> {
                plans.untag(context, string(input, "resourceArn"), strings(input, "tagKeys"));
                yield JSON.createObjectNode();
            }
            case "ListTagsForResource" -> {
                ObjectNode answer = JSON.createObjectNode();
                ObjectNode tags = answer.putObject("tags");
                plans.tags(context, string(input, "resourceArn")).forEach(tags::put);
                yield answer;
            }
            default -> throw new ProtocolException(CommonError.UNSUPPORTED_OPERATION, "The action "
                    + request.operation() + " is not supported by Gureum yet.");
        };
        return JsonDocuments.answer(request, output);
    }

    private ObjectNode offerings(JsonNode input) {
        Map<String, List<String>> properties = filters(input, List.of("region", "instanceFamily"));
        String productType = string(input, "productType");
        List<String> productTypes = productType != null ? List.of(productType) : List.of();
        OfferingSearch search = new OfferingSearch(strings(input, "offeringIds"), strings(input, "paymentOptions"),
                productTypes, strings(input, "planTypes"), longs(input, "durations"), strings(input, "currencies"),
                strings(input, "descriptions"), strings(input, "serviceCodes"), strings(input, "usageTypes"),
                strings(input, "operations"), properties);
        Page<SavingsPlanService.Offering> page = plans.offerings(search, integer(input, "maxResults"),
                string(input, "nextToken"));
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
        Page<PlanRate> page = plans.offeringRates(search, integer(input, "maxResults"), string(input, "nextToken"));
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
        SavingsPlan plan = plans.create(context, string(input, "savingsPlanOfferingId"), string(input, "commitment"),
                string(input, "upfrontPaymentAmount"), timestamp(input, "purchaseTime"), string(input, "clientToken"),
                stringMap(input, "tags"));
        ObjectNode output = JSON.createObjectNode();
        output.put("savingsPlanId", plan.id());
        return output;
    }

    private ObjectNode describe(JsonNode input, RequestContext context) {
        Page<SavingsPlan> page = plans.describe(context, strings(input, "savingsPlanIds"),
                strings(input, "savingsPlanArns"), strings(input, "states"), filters(input, null),
                integer(input, "maxResults"), string(input, "nextToken"));
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
        String id = string(input, "savingsPlanId");
        Page<PlanRate> page = plans.rates(context, id, filters(input, null), integer(input, "maxResults"),
                string(input, "nextToken"));
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
        for (JsonNode filter : structures(input, "filters")) {
            String name = string(filter, "name");
            if (name == null) {
                throw SavingsPlansError.VALIDATION.exception("1 validation error detected: Value null at"
                        + " 'filters.member.name' failed to satisfy constraint: Member must not be null");
            }
            if (allowed != null && !allowed.contains(name)) {
                throw SavingsPlansError.VALIDATION.exception("1 validation error detected: Value '" + name
                        + "' at 'filters.member.name' failed to satisfy constraint: Member must satisfy enum value "
                        + "set: " + allowed);
            }
            filters.computeIfAbsent(name, unused -> new ArrayList<>()).addAll(strings(filter, "values"));
        }
        return filters;
    }

    /** A timestamp as botocore sends it for REST-JSON (epoch seconds), or ISO-8601 text. */
    private static Instant timestamp(JsonNode input, String member) {
        JsonNode value = input.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            BigDecimal seconds = value.decimalValue();
            try {
                BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
                return Instant.ofEpochSecond(whole.longValueExact(), seconds.subtract(whole).movePointRight(9).intValue());
            } catch (ArithmeticException | java.time.DateTimeException e) {
                throw SavingsPlansError.VALIDATION.exception(member + " is not a time: " + value.asText() + ".");
            }
        }
        String text = string(input, member);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw SavingsPlansError.VALIDATION.exception(member + " must be a timestamp, not '" + text + "'.");
        }
    }
}
