package dev.gureum.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkNamesTest {
    @Test
    void interfaceNamesFitLinuxsFifteenCharacters() {
        for (String name : List.of(NetworkNames.hostUplink("vpc-0123456789abcdef0"),
                NetworkNames.bridge("subnet-0123456789abcdef0"), NetworkNames.instancePort("i-0123456789abcdef0"),
                NetworkNames.instancePort("i-12345678"))) {
            assertTrue(name.length() <= 15, name);
        }
        assertEquals("vi56789abcdef0", NetworkNames.instancePort("i-0123456789abcdef0"));
        assertNotEquals(NetworkNames.instancePort("i-0aaaaaaaaaaaaaaa1"), NetworkNames.instancePort("i-0aaaaaaaaaaaaaaa2"));
    }

    @Test
    void namespacesCarryTheWholeId() {
        assertEquals("gureum-vpc-0123456789abcdef0", NetworkNames.namespace("vpc-0123456789abcdef0"));
        assertEquals("/run/netns/gureum-i-0123", NetworkNames.namespacePath("i-0123").toString());
    }
}
