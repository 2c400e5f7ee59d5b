package dev.gureum.protocol.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bytes XmlOutput writes: numbers as Long.toString would, text escaped as AWS escapes it. */
class XmlOutputTest {

    @Test
    void writesNumbersAsDecimalText() {
        for (long value : new long[] {0, 7, 10, 99, 100, -5, -10, 1_234_567_890_123L, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertEquals(Long.toString(value), written(new XmlOutput(1).digits(value)));
        }
    }

    @Test
    void copiesPlainTextAndEscapesTheRest() {
        assertEquals("i-0123 web", written(new XmlOutput(1).text("i-0123 web")));
        assertEquals("a&amp;b&lt;c&gt;d&quot;e&#xD;f\tg", written(new XmlOutput(1).text("a&b<c>d\"e\rf\tg")));
        assertEquals("구름 \uFFFD", written(new XmlOutput(1).text("구름 \u0001")));
        assertEquals("<tag>", written(new XmlOutput(1).ascii("<tag>")));
    }

    @Test
    void writesAnElementBetweenItsTags() {
        byte[] open = "<name>".getBytes(StandardCharsets.UTF_8);
        byte[] close = "</name>".getBytes(StandardCharsets.UTF_8);
        assertEquals("<name>web-1</name>", written(new XmlOutput(1).element(open, "web-1", close)));
        assertEquals("<name>a&amp;b 구름</name>", written(new XmlOutput(1).element(open, "a&b 구름", close)));
    }

    private static String written(XmlOutput out) {
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }
}
