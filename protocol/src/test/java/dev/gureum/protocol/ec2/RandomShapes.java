package dev.gureum.protocol.ec2;

import java.math.BigDecimal;
import java.time.Instant;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;

/** Random values of every scalar type, including markup characters, tabs, newlines and non-ASCII text. */
public final class RandomShapes extends ShapeFiller {
    private static final String ALPHABET = "abcXYZ019 -_./:&<>\"'=+%é한🙂\t\n";
    private static final int MAX_DEPTH = 5;

    private final boolean allowEmptyLists;
    private final long instantUnitMillis;

    private RandomShapes(long seed, boolean allowEmptyLists, long instantUnitMillis) {
        super(seed, MAX_DEPTH);
        this.allowEmptyLists = allowEmptyLists;
        this.instantUnitMillis = instantUnitMillis;
    }

    /**
     * Values a query request can carry: lists are never empty (an empty list is sent as nothing) and
     * timestamps are whole seconds (the SDK drops milliseconds for some timestamp members).
     */
    public static RandomShapes forRequests(long seed) {
        return new RandomShapes(seed, false, 1000);
    }

    /** Values a response can carry: empty lists and millisecond timestamps included. */
    public static RandomShapes forResponses(long seed) {
        return new RandomShapes(seed, true, 1);
    }

    @Override
    protected Object scalar(MarshallingKnownType type) {
        return switch (type) {
            case STRING -> string();
            case INTEGER -> random.nextInt(100_000) - 10;
            case LONG -> random.nextLong();
            case SHORT -> (short) random.nextInt(1000);
            case BYTE -> (byte) random.nextInt(100);
            case FLOAT -> random.nextInt(10_000) / 8f;
            case DOUBLE -> random.nextDouble() * 1e6;
            case BIG_DECIMAL -> BigDecimal.valueOf(random.nextInt(1_000_000), 3);
            case BOOLEAN -> random.nextBoolean();
            case INSTANT -> Instant.ofEpochMilli(
                    (1_600_000_000_000L + random.nextInt(Integer.MAX_VALUE)) / instantUnitMillis * instantUnitMillis);
            case SDK_BYTES -> SdkBytes.fromUtf8String(string());
            default -> null;
        };
    }

    @Override
    protected int listSize() {
        return allowEmptyLists ? random.nextInt(3) : 1 + random.nextInt(2);
    }

    private String string() {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0,
                    random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
        }
        return text.toString();
    }
}
