package dev.gureum.core.keypair;

import java.util.Arrays;

/** Reads DER (X.690) elements one after another: just enough to take PKCS#8 apart. */
final class DerReader {
    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int SEQUENCE = 0x30;

    private final byte[] data;
    private int position;

    DerReader(byte[] data) {
        this.data = data;
    }

    /** The contents of the next element, which must carry {@code tag}. */
    byte[] read(int tag) {
        if (position + 2 > data.length || (data[position] & 0xff) != tag) {
            throw new IllegalArgumentException("expected DER tag " + tag + " at " + position);
        }
        position++;
        int length = data[position++] & 0xff;
        if (length >= 0x80) {
            int octets = length & 0x7f;
            if (octets == 0 || octets > 3 || position + octets > data.length) {
                throw new IllegalArgumentException("unsupported DER length at " + position);
            }
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = length << 8 | data[position++] & 0xff;
            }
        }
        if (position + length > data.length) {
            throw new IllegalArgumentException("DER element runs past the end");
        }
        byte[] contents = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return contents;
    }
}
