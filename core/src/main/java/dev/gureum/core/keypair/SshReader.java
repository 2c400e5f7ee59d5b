package dev.gureum.core.keypair;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the SSH data types of RFC 4251 section 5 from a blob. Every read checks the remaining length, so
 * a truncated or hostile blob ends in {@link MalformedKeyException}, never in an index error.
 */
final class SshReader {
    private final byte[] data;
    private int position;

    SshReader(byte[] data) {
        this.data = data;
    }

    int uint32() {
        require(4);
        int value = (data[position] & 0xff) << 24 | (data[position + 1] & 0xff) << 16
                | (data[position + 2] & 0xff) << 8 | data[position + 3] & 0xff;
        position += 4;
        return value;
    }

    byte[] bytes() {
        int length = uint32();
        if (length < 0) {
            throw new MalformedKeyException("a length is out of range");
        }
        require(length);
        byte[] value = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return value;
    }

    String string() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /** A positive integer; a negative one (top bit set without a leading zero) is refused. */
    BigInteger positiveMpint() {
        byte[] bytes = bytes();
        if (bytes.length == 0 || (bytes[0] & 0x80) != 0) {
            throw new MalformedKeyException("an integer is not positive");
        }
        return new BigInteger(bytes);
    }

    boolean atEnd() {
        return position == data.length;
    }

    private void require(int length) {
        if (data.length - position < length) {
            throw new MalformedKeyException("the key ends early");
        }
    }
}
