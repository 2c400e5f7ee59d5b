package dev.gureum.it;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads a response body as EC2's error envelope,
 * {@code <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>}, with the JDK's
 * XML parser (no DTDs, no external entities) and says what is wrong with it, if anything.
 */
final class AwsErrorEnvelope {
    /** Text that only a leaked stack trace or exception dump would put in a body. */
    private static final List<String> LEAKS = List.of("at dev.gureum", "at io.netty", "at java.", "Exception", "\tat ");

    private AwsErrorEnvelope() {
    }

    /** The error code, or empty with the reason added to {@code problems}. */
    static Optional<String> code(byte[] body, List<String> problems) {
        Document document = parse(body, problems);
        if (document == null) {
            return Optional.empty();
        }
        Element root = document.getDocumentElement();
        Element error = child(child(root, "Errors"), "Error");
        Element code = child(error, "Code");
        if (!root.getTagName().equals("Response") || code == null || code.getTextContent().isBlank()) {
            problems.add("not an EC2 error envelope");
            return Optional.empty();
        }
        if (child(error, "Message") == null || child(root, "RequestID") == null) {
            problems.add("the envelope lacks Message or RequestID");
        }
        return Optional.of(code.getTextContent());
    }

    /** Whether the body is well-formed XML at all (for 200 answers). */
    static boolean wellFormed(byte[] body) {
        return parse(body, new ArrayList<>()) != null;
    }

    static void checkNoLeak(String body, List<String> problems) {
        for (String leak : LEAKS) {
            if (body.contains(leak)) {
                problems.add("the body contains '" + leak.strip() + "'");
            }
        }
    }

    private static Document parse(byte[] body, List<String> problems) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException | java.io.IOException e) {
            problems.add("the body is not well-formed XML: " + e.getMessage());
            return null;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }
}
