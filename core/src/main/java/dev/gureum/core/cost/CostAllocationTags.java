package dev.gureum.core.cost;

import dev.gureum.core.RequestContext;
import dev.gureum.core.region.Region;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.savings.SavingsPlan;
import dev.gureum.core.savings.SavingsPlanService;
import dev.gureum.core.tag.TagService;
import dev.gureum.core.time.CloudClock;
import java.util.HashMap;
import java.util.Map;

/**
 * Cost Explorer's cost allocation tags of an account: the tags its resources carry now in every region (every
 * taggable kind's), and its Savings Plans' (whose lines name the plan by its ARN).
 */
public final class CostAllocationTags {
    private static final String REQUEST_ID = "cost-allocation-tags";

    private final RegionCatalog regions;
    private final TagService tags;
    private final SavingsPlanService savingsPlans;
    private final CloudClock clock;

    public CostAllocationTags(RegionCatalog regions, TagService tags, SavingsPlanService savingsPlans,
                              CloudClock clock) {
        this.regions = regions;
        this.tags = tags;
        this.savingsPlans = savingsPlans;
        this.clock = clock;
    }

    public ResourceTags of(String account) {
        Map<String, Map<String, String>> byResource = new HashMap<>();
        for (Region region : regions.all()) {
            byResource.putAll(tags.byResource(new RequestContext(account, region.name(), REQUEST_ID, clock.now(),
                    false)));
        }
        RequestContext global = new RequestContext(account, "us-east-1", REQUEST_ID, clock.now(), false);
        for (SavingsPlan plan : savingsPlans.all(global)) {
            byResource.put(plan.arn(account), plan.tags());
        }
        return resourceId -> byResource.getOrDefault(resourceId, Map.of());
    }
}
