package dev.gureum.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gureum.core.reserved.ReservedTestWorlds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GetDimensionValues and GetTags read the values of the line items of the period that pass the filter. */
class CostValuesTest {
    private final ReservedTestWorlds.World world = ReservedTestWorlds.create();
    private final CostValues values = new CostValues(new CostExplorer(world.bills(), world.clock(),
            account -> resourceId -> resourceId.equals("i-0000000000000000a") ? Map.of("team", "web", "env", "prod")
                    : resourceId.equals("i-0000000000000000b") ? Map.of("team", "db") : Map.of()));

    @Test
    void dimensionValuesAreTheValuesOfTheMatchingLineItemsSortedAndSearched() {
        world.run("i-0000000000000000a", "m7i.large", "us-east-1a");
        world.run("i-0000000000000000b", "t3.micro", "us-east-1b");
        world.clock().advance(Duration.ofHours(2));
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        Instant end = Instant.parse("2026-12-01T00:00:00Z");
        assertEquals(List.of("m7i.large", "t3.micro"), values.dimensionValues(ReservedTestWorlds.ACCOUNT, start, end,
                CostDimension.INSTANCE_TYPE, null, CostFilter.ALL, List.of()));
        assertEquals(List.of("t3.micro", "m7i.large"), values.dimensionValues(ReservedTestWorlds.ACCOUNT, start, end,
                CostDimension.INSTANCE_TYPE, null, CostFilter.ALL, List.of(new CostSort(CostMetric.UNBLENDED_COST,
                        false))), "the cheaper first, sorted up by cost");
        assertEquals(List.of("m7i.large", "t3.micro"), values.dimensionValues(ReservedTestWorlds.ACCOUNT, start, end,
                CostDimension.INSTANCE_TYPE, null, CostFilter.ALL, List.of(new CostSort(CostMetric.USAGE_QUANTITY,
                        true), new CostSort(CostMetric.AMORTIZED_COST, true))),
                "equal usage, then the dearer first");
        assertEquals(List.of("t3.micro"), values.dimensionValues(ReservedTestWorlds.ACCOUNT, start, end,
                CostDimension.INSTANCE_TYPE, "T3", CostFilter.ALL, List.of()), "searched ignoring case");
        assertEquals(List.of("us-east-1b"), values.dimensionValues(ReservedTestWorlds.ACCOUNT, start, end,
                CostDimension.AZ, null, new CostFilter.Dimension(CostDimension.INSTANCE_TYPE, List.of("t3.micro")),
                List.of()),
                "only the line items the filter passes");
        assertEquals(List.of(ReservedTestWorlds.ACCOUNT), values.dimensionValues(ReservedTestWorlds.ACCOUNT, start,
                end, CostDimension.LINKED_ACCOUNT, null, CostFilter.ALL, List.of()), "the account whose usage it is");
        assertEquals(List.of(), values.dimensionValues(ReservedTestWorlds.ACCOUNT, start, end,
                CostDimension.INSTANCE_TYPE, null, new CostFilter.Dimension(CostDimension.LINKED_ACCOUNT,
                        List.of("111111111111")), List.of()), "another account's usage: none here");
        assertEquals(List.of("us-east-1b"), values.dimensionValues(ReservedTestWorlds.ACCOUNT, start, end,
                CostDimension.AZ, null, new CostFilter.And(List.of(new CostFilter.Tag("env", List.of(), false),
                        new CostFilter.Dimension(CostDimension.INSTANCE_TYPE, List.of("m7i.large", "t3.micro")))),
                List.of()),
                "a tag key without values: the instances without the key");
        assertEquals(List.of(), values.dimensionValues(ReservedTestWorlds.ACCOUNT, start, end,
                CostDimension.AZ, null, new CostFilter.And(List.of(new CostFilter.Tag(null, List.of(), false),
                        new CostFilter.Dimension(CostDimension.INSTANCE_TYPE, List.of("m7i.large", "t3.micro")))),
                List.of()),
                "neither key nor values: the instances without any tag (both have some)");
        assertEquals(List.of("env", "team"), values.tags(ReservedTestWorlds.ACCOUNT, start, end, null, null,
                CostFilter.ALL, List.of()));
        assertEquals(List.of("db", "web"), values.tags(ReservedTestWorlds.ACCOUNT, start, end, "team", null,
                CostFilter.ALL, List.of()));
        assertEquals(List.of("prod"), values.tags(ReservedTestWorlds.ACCOUNT, start, end, "env", null,
                CostFilter.ALL, List.of()), "a resource without the key adds no value");
    }
}
