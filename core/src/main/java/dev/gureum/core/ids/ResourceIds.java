package dev.gureum.core.ids;

import dev.gureum.core.error.CloudException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * EC2 resource ids: a prefix, a dash and 17 lower-case hex digits (the long id format, e.g.
 * {@code i-0123456789abcdef0}); ids of the older 8-digit form are accepted as well-formed, as EC2 does.
 */
public final class ResourceIds {
    private static final HexFormat HEX = HexFormat.of();

    private ResourceIds() {
    }

    public static String next(IdKind kind) {
        byte[] random = new byte[9];
        ThreadLocalRandom.current().nextBytes(random);
        return kind.prefix() + "-" + HEX.formatHex(random).substring(0, 17);
    }

    public static boolean isWellFormed(IdKind kind, String id) {
        if (id == null || !id.startsWith(kind.prefix() + "-")) {
            return false;
        }
        String digits = id.substring(kind.prefix().length() + 1);
        if (digits.length() != 17 && digits.length() != 8) {
            return false;
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * @throws CloudException {@code <family>.Malformed} for the first id not of the kind's form
     */
    public static void requireWellFormed(IdKind kind, Collection<String> ids) {
        for (String id : ids) {
            if (!isWellFormed(kind, id)) {
                throw kind.malformed().exception("Invalid id: \"" + id + "\" (expecting \"" + kind.prefix() + "-...\")");
            }
        }
    }

    /** {@code <family>.NotFound} naming every id that does not exist, worded as EC2 words it. */
    public static CloudException notFound(IdKind kind, Collection<String> ids) {
        String list = String.join(", ", ids);
        String message = ids.size() == 1
                ? "The " + kind.noun() + " '" + list + "' does not exist"
                : "The " + kind.noun() + "s '" + list + "' do not exist";
        return kind.notFound().exception(message);
    }

}
