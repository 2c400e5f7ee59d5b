package dev.gureum.core.keypair;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Writes the SSH data types of RFC 4251 section 5 ({@code uint32}, {@code string}, {@code mpint}). */
final class SshWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    SshWriter uint32(int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    SshWriter string(byte[] value) {
        uint32(value.length);
        out.writeBytes(value);
        return this;
    }

    SshWriter string(String value) {
        return string(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A non-negative integer, big-endian, with a leading zero byte when its top bit is set; zero is empty. */
    SshWriter mpint(BigInteger value) {
        return string(value.signum() == 0 ? new byte[0] : value.toByteArray());
    }

    /** Bytes with no length prefix. */
    SshWriter raw(byte[] value) {
        out.writeBytes(value);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
