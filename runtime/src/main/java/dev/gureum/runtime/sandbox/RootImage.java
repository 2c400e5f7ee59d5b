package dev.gureum.runtime.sandbox;

import java.nio.file.Path;

/** A root filesystem instances boot from (read-only, shared) and the user its key pair is installed for. */
record RootImage(String name, Path root, String defaultUser) {
}
