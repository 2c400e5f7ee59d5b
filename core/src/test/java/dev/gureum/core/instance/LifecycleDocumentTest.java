package dev.gureum.core.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/lifecycle.md is generated from the table; this fails when they differ (or rewrites it on request). */
class LifecycleDocumentTest {
    private static final Path DOCUMENT = Path.of("..", "docs", "lifecycle.md");

    @Test
    void documentMatchesTheTable() throws IOException {
        String rendered = LifecycleDocument.render();
        if (Boolean.getBoolean("gureum.regenerate")) {
            Files.writeString(DOCUMENT, rendered, StandardCharsets.UTF_8);
        }
        assertEquals(rendered, Files.readString(DOCUMENT, StandardCharsets.UTF_8),
                "docs/lifecycle.md is stale: run mvn -pl core test -Dgureum.regenerate=true");
    }
}
