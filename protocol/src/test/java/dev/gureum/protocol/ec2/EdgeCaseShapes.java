package dev.gureum.protocol.ec2;

import java.time.Instant;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;

/**
 * The values where XML clients disagree most: empty and whitespace-only strings, carriage returns,
 * markup characters, extreme numbers, timestamps at the edges of what EC2 writes, empty blobs and empty
 * lists. It nests deeper than {@link RandomShapes} (deep enough for an instance's network interface
 * groups) and stops adding optional members once a value budget is spent, so a response stays small.
 */
final class EdgeCaseShapes extends ShapeFiller {
    private static final String[] STRINGS = {"", " ", "  padded  ", "\r\n", "a\rb", "]]>", "&amp;", "<tag/>",
        "\"quoted\" 'single'", "é한🙂", "line\nbreak", "\t", "sg-0123456789abcdef0", "x"};
    private static final int[] INTEGERS = {0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE};
    private static final long[] LONGS = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 53};
    private static final float[] FLOATS = {0f, -0.5f, 1.0e-3f, 3.4028235e38f, 123456.78f};
    private static final double[] DOUBLES = {0d, -0.5d, 1.0e-7d, 1.7976931348623157e308d, 0.1d, 12345678.9d};
    private static final long[] EPOCH_MILLIS = {0, -1, 1, 253_402_300_799_999L, -62_135_596_800_000L,
        1_700_000_000_123L};
    private static final int MAX_DEPTH = 10;
    private static final int VALUE_BUDGET = 4000;

    private int valuesLeft = VALUE_BUDGET;

    EdgeCaseShapes(long seed) {
        super(seed, MAX_DEPTH);
    }

    @Override
    protected Object scalar(MarshallingKnownType type) {
        return switch (type) {
            case STRING -> STRINGS[random.nextInt(STRINGS.length)];
            case INTEGER -> INTEGERS[random.nextInt(INTEGERS.length)];
            case LONG -> LONGS[random.nextInt(LONGS.length)];
            case FLOAT -> FLOATS[random.nextInt(FLOATS.length)];
            case DOUBLE -> DOUBLES[random.nextInt(DOUBLES.length)];
            case BOOLEAN -> random.nextBoolean();
            case INSTANT -> Instant.ofEpochMilli(EPOCH_MILLIS[random.nextInt(EPOCH_MILLIS.length)]);
            case SDK_BYTES -> random.nextBoolean() ? SdkBytes.fromByteArray(new byte[0]) : randomBytes();
            default -> null;
        };
    }

    @Override
    protected int listSize() {
        return valuesLeft > 0 ? random.nextInt(4) : 0;
    }

    @Override
    protected boolean moreValues() {
        return valuesLeft > 0;
    }

    @Override
    protected void counted() {
        valuesLeft--;
    }

    private SdkBytes randomBytes() {
        byte[] bytes = new byte[1 + random.nextInt(40)];
        random.nextBytes(bytes);
        return SdkBytes.fromByteArray(bytes);
    }
}
