package dev.gureum.core.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gureum.core.region.Region;
import dev.gureum.core.region.RegionCatalog;
import org.junit.jupiter.api.Test;

/** Usage types carry AWS's region billing codes. */
class UsageTypesTest {

    @Test
    void everyRegionHasItsBillingCode() {
        for (Region region : RegionCatalog.load().all()) {
            assertFalse(UsageTypes.boxUsage(region.name(), "t3.micro").startsWith(region.name()),
                    region.name() + " has no billing code");
        }
        assertEquals("BoxUsage:t3.micro", UsageTypes.boxUsage("us-east-1", "t3.micro"));
        assertEquals("MXC1-BoxUsage:t3.micro", UsageTypes.boxUsage("mx-central-1", "t3.micro"));
        assertEquals("APS9-BoxUsage:t3.micro", UsageTypes.boxUsage("ap-southeast-7", "t3.micro"));
    }
}
