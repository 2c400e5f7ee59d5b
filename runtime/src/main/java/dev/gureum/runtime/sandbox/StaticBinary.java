package dev.gureum.runtime.sandbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Tells a statically linked ELF executable from a dynamic one by its program headers: a dynamic one
 * names its loader in a PT_INTERP header. The instance init runs on the host's busybox inside images
 * that may lack the host's libraries, so it must be static (Debian's busybox-static, not busybox).
 */
final class StaticBinary {
    private static final int PT_INTERP = 3;

    private StaticBinary() {
    }

    static boolean isStatic(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(header, 0);
            if (header.getInt(0) != 0x464c457f || header.get(4) != 2) {
                return false;
            }
            long programHeaders = header.getLong(32);
            int entrySize = Short.toUnsignedInt(header.getShort(54));
            int entries = Short.toUnsignedInt(header.getShort(56));
            ByteBuffer table = ByteBuffer.allocate(entrySize * entries).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(table, programHeaders);
            for (int index = 0; index < entries; index++) {
                if (table.getInt(index * entrySize) == PT_INTERP) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
