package dev.gureum.server.savingsplans;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gureum.core.RequestContext;
import dev.gureum.core.savings.SavingsOffering;
import dev.gureum.core.savings.SavingsOfferingCatalog;
import dev.gureum.core.savings.SavingsOfferingCatalog.PlanRate;
import dev.gureum.core.savings.SavingsPlan;
import dev.gureum.core.savings.SavingsPlanService;
import java.util.TreeMap;

/** Savings Plans' response shapes (SavingsPlanOffering, SavingsPlanOfferingRate, SavingsPlan, SavingsPlanRate). */
final class SavingsPlanShapes {
    private SavingsPlanShapes() {
    }

    static void offering(ObjectNode node, String id, SavingsOffering offering) {
        node.put("offeringId", id);
        ArrayNode products = node.putArray("productTypes");
        offering.productTypes().forEach(products::add);
        node.put("planType", offering.planType().wireName())
                .put("description", offering.description())
                .put("paymentOption", offering.payment().wireName())
                .put("durationSeconds", offering.term().seconds())
                .put("currency", SavingsOffering.CURRENCY)
                .put("serviceCode", offering.planType().serviceCode())
                .put("usageType", offering.usageType());
        ArrayNode properties = node.putArray("properties");
        if (offering.region() != null) {
            properties.addObject().put("name", "region").put("value", offering.region());
            properties.addObject().put("name", "instanceFamily").put("value", offering.family());
        }
    }

    static void offeringRate(ObjectNode node, String offeringId, PlanRate rate) {
        SavingsOffering offering = rate.offering();
        node.putObject("savingsPlanOffering")
                .put("offeringId", offeringId)
                .put("paymentOption", offering.payment().wireName())
                .put("planType", offering.planType().wireName())
                .put("durationSeconds", offering.term().seconds())
                .put("currency", SavingsOffering.CURRENCY)
                .put("planDescription", offering.description());
        node.put("rate", rate.rate().toPlainString())
                .put("unit", "Hrs")
                .put("productType", "EC2")
                .put("serviceCode", SavingsOfferingCatalog.SERVICE_CODE)
                .put("usageType", rate.usageType())
                .put("operation", SavingsOfferingCatalog.OPERATION);
        properties(node.putArray("properties"), rate);
    }

    static void planRate(ObjectNode node, PlanRate rate) {
        node.put("rate", rate.rate().toPlainString())
                .put("currency", SavingsOffering.CURRENCY)
                .put("unit", "Hrs")
                .put("productType", "EC2")
                .put("serviceCode", SavingsOfferingCatalog.SERVICE_CODE)
                .put("usageType", rate.usageType())
                .put("operation", SavingsOfferingCatalog.OPERATION);
        properties(node.putArray("properties"), rate);
    }

    private static void properties(ArrayNode properties, PlanRate rate) {
        properties.addObject().put("name", "region").put("value", rate.region());
        properties.addObject().put("name", "instanceType").put("value", rate.instanceType());
        properties.addObject().put("name", "instanceFamily")
                .put("value", SavingsOffering.familyOf(rate.instanceType()));
        properties.addObject().put("name", "productDescription")
                .put("value", SavingsOfferingCatalog.PRODUCT_DESCRIPTION);
        properties.addObject().put("name", "tenancy").put("value", SavingsOfferingCatalog.TENANCY);
    }

    static void plan(ObjectNode node, SavingsPlan plan, RequestContext context) {
        SavingsOffering offering = plan.offering();
        node.put("offeringId", plan.offeringId())
                .put("savingsPlanId", plan.id())
                .put("savingsPlanArn", plan.arn(context.account()))
                .put("description", offering.description())
                .put("start", SavingsPlanService.TIMESTAMP.format(plan.start()))
                .put("end", SavingsPlanService.TIMESTAMP.format(plan.end()))
                .put("state", plan.state(context.now()).wireName());
        if (plan.region() != null) {
            node.put("region", plan.region()).put("ec2InstanceFamily", plan.family());
        }
        node.put("savingsPlanType", plan.planType().wireName())
                .put("paymentOption", plan.payment().wireName());
        ArrayNode products = node.putArray("productTypes");
        offering.productTypes().forEach(products::add);
        node.put("currency", SavingsOffering.CURRENCY)
                .put("commitment", plan.commitment().toPlainString())
                .put("upfrontPaymentAmount", plan.upfrontPayment().toPlainString())
                .put("recurringPaymentAmount", plan.recurringHourly().toPlainString())
                .put("termDurationInSeconds", plan.term().seconds());
        ObjectNode tags = node.putObject("tags");
        new TreeMap<>(plan.tags()).forEach(tags::put);
    }
}
