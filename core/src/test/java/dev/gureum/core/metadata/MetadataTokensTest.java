package dev.gureum.core.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.runtime.InstanceRef;
import dev.gureum.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetadataTokensTest {
    private static final InstanceRef WEB = new InstanceRef("000000000000", "us-east-1", "i-0123456789abcdef0");
    private static final InstanceRef DB = new InstanceRef("000000000000", "us-east-1", "i-0fedcba9876543210");

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T10:00:00Z"));
    private final MetadataTokens tokens = new MetadataTokens(new byte[32]);

    @Test
    void aTokenLivesForItsTtlOnTheCloudClock() {
        String token = tokens.issue(WEB, 60, clock.now());
        assertEquals(60, tokens.remainingSeconds(token, WEB, clock.now()).orElseThrow());
        clock.advance(Duration.ofSeconds(59));
        assertEquals(1, tokens.remainingSeconds(token, WEB, clock.now()).orElseThrow());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(tokens.remainingSeconds(token, WEB, clock.now()).isEmpty());
    }

    @Test
    void aTokenWorksOnlyForTheInstanceThatAskedForIt() {
        String token = tokens.issue(WEB, 21600, clock.now());
        assertTrue(tokens.remainingSeconds(token, DB, clock.now()).isEmpty());
    }

    @Test
    void forgedMalformedAndOtherNodesTokensAreRefused() {
        String token = tokens.issue(WEB, 600, clock.now());
        char[] forged = token.toCharArray();
        forged[3] = forged[3] == 'A' ? 'B' : 'A';
        assertTrue(tokens.remainingSeconds(new String(forged), WEB, clock.now()).isEmpty());
        assertTrue(tokens.remainingSeconds("not a token", WEB, clock.now()).isEmpty());
        assertTrue(tokens.remainingSeconds("", WEB, clock.now()).isEmpty());
        assertTrue(new MetadataTokens().remainingSeconds(token, WEB, clock.now()).isEmpty());
    }
}
