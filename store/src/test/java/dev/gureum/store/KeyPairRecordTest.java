package dev.gureum.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gureum.core.RequestContext;
import dev.gureum.core.keypair.KeyPair;
import dev.gureum.core.keypair.KeyPairService;
import dev.gureum.core.keypair.KeyType;
import dev.gureum.core.tag.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Key pairs and their name claims survive the store's JSON form unchanged: enum, instant and tags included. */
class KeyPairRecordTest {
    private static final String PUBLIC_KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBcjXbzibTrQB2y27XotbOdix8eRClv8V/E47280bJOO ed";

    @Test
    void keyPairRoundTripsThroughTheStore() {
        RequestContext context = new RequestContext("000000000000", "us-east-1", "request",
                Instant.parse("2026-05-01T12:00:00.123Z"), false);
        try (EmbeddedStore store = EmbeddedStore.inMemory()) {
            KeyPairService keyPairs = new KeyPairService(store);
            KeyPair imported = keyPairs.importKeyPair(context, "dev", PUBLIC_KEY.getBytes(StandardCharsets.US_ASCII),
                    List.of(new Tag("env", "prod"), new Tag("empty", "")));
            assertEquals(KeyType.ED25519, imported.type());
            assertEquals(Optional.of(imported), keyPairs.findByName("000000000000", "us-east-1", "dev"));
            assertEquals(List.of(imported), keyPairs.describe(context, List.of(), List.of(), List.of()));
        }
    }
}
