package dev.gureum.core.spot;

import dev.gureum.core.network.NetworkRecords;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.RecordKind;
import java.time.Instant;

/** Where the Spot market lives in the store. The names are persisted: never change them. */
public final class SpotRecords {
    /** Each change of a zone's price level, the cloud's (every account's), keyed {@code <zone>@<epoch ms, 15 digits>}. */
    public static final RecordKind<PriceLevel> PRICE_LEVELS = RecordKind.of("spot-price-level", PriceLevel.class);
    /** Spot Instance requests, keyed by their {@code sir-} id. */
    public static final RecordKind<SpotRequest> REQUESTS = RecordKind.of("spot-request", SpotRequest.class);
    /** RequestSpotInstances client tokens, keyed by the token. */
    public static final RecordKind<SpotClientToken> CLIENT_TOKENS = RecordKind.of("spot-request-token",
            SpotClientToken.class);

    private SpotRecords() {
    }

    static RecordKey levelKey(String region, String zone, Instant time) {
        return new RecordKey(NetworkRecords.EVERY_ACCOUNT, region, zone + "@" + String.format("%015d", time.toEpochMilli()));
    }

    static RecordKey requestKey(String account, String region, String id) {
        return new RecordKey(account, region, id);
    }
}
