package dev.gureum.core.metadata;

import dev.gureum.core.runtime.MetadataAnswer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The metadata service's error answers: EC2 sends a small XHTML page titled with the status. */
final class MetadataErrors {
    static final MetadataAnswer MISSING_OR_INVALID_PARAMETERS = of(400, "Missing or Invalid Parameters");
    static final MetadataAnswer UNAUTHORIZED = of(401, "Unauthorized");
    static final MetadataAnswer FORBIDDEN = of(403, "Forbidden");
    static final MetadataAnswer NOT_FOUND = of(404, "Not Found");
    static final MetadataAnswer METHOD_NOT_ALLOWED = of(405, "Method Not Allowed");

    private MetadataErrors() {
    }

    private static MetadataAnswer of(int status, String reason) {
        String title = status + " - " + reason;
        String page = """
                <?xml version="1.0" encoding="iso-8859-1"?>
                <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
                \t"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
                <html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
                 <head>
                  <title>%s</title>
                 </head>
                 <body>
                  <h1>%s</h1>
                 </body>
                </html>
                """.formatted(title, title);
        return new MetadataAnswer(status, "text/html", Map.of(), page.getBytes(StandardCharsets.UTF_8), 0);
    }
}
