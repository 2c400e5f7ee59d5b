package dev.gureum.core.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Composite alarm rules: the three state functions, TRUE/FALSE, precedence, parentheses, names and ARNs. */
class AlarmRuleTest {
    private static final String PREFIX = "arn:aws:cloudwatch:us-east-1:000000000000:alarm:";
    private final Map<String, AlarmState> states = Map.of("cpu", AlarmState.ALARM, "disk", AlarmState.OK,
            "net", AlarmState.INSUFFICIENT_DATA);

    private boolean holds(String rule) {
        return AlarmRule.parse(rule, PREFIX).holds(states::get);
    }

    @Test
    void stateFunctionsConstantsAndOperators() {
        assertTrue(holds("ALARM(cpu)"));
        assertTrue(holds("OK(\"disk\")"));
        assertTrue(holds("INSUFFICIENT_DATA(" + PREFIX + "net)"));
        assertFalse(holds("ALARM(disk)"));
        assertTrue(holds("TRUE"));
        assertFalse(holds("FALSE"));
        assertTrue(holds("ALARM(cpu) AND OK(disk)"));
        assertFalse(holds("ALARM(cpu) AND ALARM(disk)"));
        assertTrue(holds("ALARM(disk) OR ALARM(cpu)"));
        assertTrue(holds("NOT ALARM(disk)"));
        // AND binds tighter than OR; NOT tighter than AND
        assertTrue(holds("ALARM(cpu) OR ALARM(disk) AND FALSE"));
        assertFalse(holds("(ALARM(cpu) OR ALARM(disk)) AND FALSE"));
        assertFalse(holds("NOT ALARM(cpu) AND TRUE"));
        assertEquals(Set.of("cpu", "disk", "net"), AlarmRule.parse("ALARM(cpu) OR (OK(disk) AND NOT OK(net))", PREFIX)
                .children());
    }

    @Test
    void malformedRulesAreRefused() {
        for (String bad : new String[] {"ALARM(cpu", "ALARM()", "MAYBE(cpu)", "ALARM(cpu) AND", "ALARM(cpu) OK(disk)",
                "ALARM(arn:aws:cloudwatch:eu-west-1:000000000000:alarm:cpu)", ""}) {
            assertThrows(IllegalArgumentException.class, () -> AlarmRule.parse(bad, PREFIX), bad);
        }
    }
}
