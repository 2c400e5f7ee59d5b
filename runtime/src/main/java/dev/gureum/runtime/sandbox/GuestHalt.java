package dev.gureum.runtime.sandbox;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Why an instance's init ended, as its last console line says ({@code gureum-init: halted for <why>}, from
 * init.sh): busybox's {@code reboot} from inside, or its {@code halt} or {@code poweroff}, which EC2 treats as a
 * shutdown the instance initiated. Gureum's own stop is a poweroff too, but the runtime knows those it made.
 */
enum GuestHalt {
    REBOOT, SHUTDOWN;

    private static final String HALTED = "gureum-init: halted for ";

    /** What the console's last line says, or empty when the instance ended without saying (a crash). */
    static Optional<GuestHalt> of(Path console) {
        String tail = ConsoleFile.tail(console, 512).stripTrailing();
        String last = tail.substring(tail.lastIndexOf('\n') + 1);
        int at = last.indexOf(HALTED);
        return at < 0 ? Optional.empty() : switch (last.substring(at + HALTED.length())) {
            case "reboot" -> Optional.of(REBOOT);
            case "halt", "poweroff" -> Optional.of(SHUTDOWN);
            default -> Optional.empty();
        };
    }
}
