package dev.gureum.core.reserved;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.error.CloudException;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.page.Page;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Offerings computed from the price list: counts, prices, ids that decode, filters and pages. */
class OfferingCatalogTest {
    private final ReservedWorld world = new ReservedWorld();
    private final OfferingCatalog catalog = world.offerings;
    private final int zones = world.regions.find("us-east-1").orElseThrow().availabilityZones().size();

    @Test
    void aTypeHasARegionalAndAZonalOfferingPerZoneInEachClassTermAndPayment() {
        Page<ReservedOffering> page = catalog.describe("us-east-1", OfferingQuery.forType("m7i.large"), null, null);
        assertEquals((1 + zones) * 12, page.items().size());
        assertNull(page.nextToken());
        assertEquals(page.items().size(), new HashSet<>(page.items().stream().map(ReservedOffering::id).toList()).size());
        assertTrue(page.items().stream().allMatch(offering -> offering.id()
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")));
    }

    @Test
    void pricesFollowTheDiscountTable() {
        ReservedOffering noUpfront = catalog.find("us-east-1", "m7i.large", null, OfferingClass.STANDARD,
                Term.ONE_YEAR, PaymentOption.NO_UPFRONT).orElseThrow();
        assertEquals(new BigDecimal("0.00"), noUpfront.fixedPrice());
        assertEquals(new BigDecimal("0.0635"), noUpfront.hourlyPrice(), "0.1008 less 37 %");
        ReservedOffering allUpfront3 = catalog.find("us-east-1", "m7i.large", null, OfferingClass.STANDARD,
                Term.THREE_YEARS, PaymentOption.ALL_UPFRONT).orElseThrow();
        assertEquals(new BigDecimal("1033.00"), allUpfront3.fixedPrice(), "0.1008 × 0.39 × 26,280 = 1033.09");
        assertEquals(new BigDecimal("0.0000"), allUpfront3.hourlyPrice());
        ReservedOffering convertible = catalog.find("us-east-1", "m7i.large", null, OfferingClass.CONVERTIBLE,
                Term.ONE_YEAR, PaymentOption.NO_UPFRONT).orElseThrow();
        assertEquals(new BigDecimal("0.0736"), convertible.hourlyPrice(), "0.1008 less 27 %");
    }

    @Test
    void anIdDecodesToItsOfferingAndForeignIdsAreNotOfferings() {
        for (ReservedOffering offering : catalog.describe("us-east-1", OfferingQuery.forType("c7i.2xlarge"), null,
                null).items()) {
            assertEquals(offering, catalog.find("us-east-1", offering.id()).orElseThrow());
            assertTrue(catalog.find("eu-west-1", offering.id()).isEmpty(), "an id belongs to its region");
        }
        assertTrue(catalog.find("us-east-1", "438012d3-4052-4cc7-b2e3-8d3372e0e706").isEmpty());
        assertTrue(catalog.find("us-east-1", "not-an-id").isEmpty());
    }

    @Test
    void pagesWalkEveryOfferingOnceInOrder() {
        List<ReservedOffering> all = catalog.describe("us-east-1", OfferingQuery.forType("t3.micro"), null, null)
                .items();
        List<ReservedOffering> paged = new ArrayList<>();
        String token = null;
        do {
            Page<ReservedOffering> page = catalog.describe("us-east-1", OfferingQuery.forType("t3.micro"), 10, token);
            assertTrue(page.items().size() <= 10);
            paged.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        assertEquals(all, paged);
        Page<ReservedOffering> firstOfRegion = catalog.describe("us-east-1", new OfferingQuery(null, null, null, null,
                null, null, null, null, null, null, null), null, null);
        assertEquals(OfferingCatalog.MAXIMUM_RESULTS, firstOfRegion.items().size());
        assertNotNull(firstOfRegion.nextToken(), "thousands more: computed page by page");
        assertThrows(CloudException.class, () -> catalog.describe("us-east-1", OfferingQuery.forType("t3.micro"), 10,
                "bogus"));
    }

    @Test
    void parametersAndFiltersNarrowTheOfferings() {
        List<ReservedOffering> found = catalog.describe("us-east-1", new OfferingQuery("m7i.large", "us-east-1a",
                "standard", "No Upfront", "Linux/UNIX", "default", null, 31_536_000L, false, null,
                List.of(new Filter("scope", List.of("Availability Zone")))), null, null).items();
        assertEquals(1, found.size());
        assertEquals("us-east-1a", found.get(0).availabilityZone());
        assertEquals(Term.ONE_YEAR, found.get(0).term());
        assertEquals(2 * 2 * 3, catalog.describe("us-east-1", new OfferingQuery("m7i.large", null, null, null, null,
                null, null, null, null, null, List.of(new Filter("scope", List.of("Region")))), null, null)
                .items().size());
        assertEquals(List.of(), catalog.describe("us-east-1", new OfferingQuery("m7i.large", null, null, null,
                "Windows", null, null, null, null, null, null), null, null).items(), "only Linux is priced");
        assertEquals(List.of(), catalog.describe("us-east-1", new OfferingQuery("m7i.large", null, null, null, null,
                null, null, null, true, null, List.of(new Filter("marketplace", List.of("true")))), null, null)
                .items(), "no Marketplace");
        assertEquals(zones + 1, catalog.describe("us-east-1", new OfferingQuery("m7i.large", null, "convertible",
                "All Upfront", null, null, 94_608_000L, null, null, null, null), null, null).items().size());
        assertEquals(2 * 2 * (zones + 1), catalog.describe("us-east-1", new OfferingQuery("m7i.large", null, null,
                null, null, null, null, null, null, null, List.of(new Filter("fixed-price", List.of("0.0")))), null,
                null).items().size(), "No Upfront only");
        assertThrows(CloudException.class, () -> catalog.describe("us-east-1", new OfferingQuery("m7i.large", null,
                "bogus", null, null, null, null, null, null, null, null), null, null));
    }
}
