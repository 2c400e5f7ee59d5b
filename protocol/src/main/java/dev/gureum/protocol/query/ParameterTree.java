package dev.gureum.protocol.query;

import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.ProtocolException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Query parameters arranged by their dotted names: {@code Filter.1.Value.2=x} becomes the path
 * Filter → 1 → Value → 2 holding "x". Each node remembers its full name for error messages.
 */
public final class ParameterTree {
    /** Deeper than any AWS shape nests; deeper names are refused rather than recursed into. */
    private static final int MAX_DEPTH = 12;

    private final String name;
    private String value;
    private final Map<String, ParameterTree> children = new LinkedHashMap<>();

    private ParameterTree(String name) {
        this.name = name;
    }

    public static ParameterTree of(Map<String, String> parameters) {
        ParameterTree root = new ParameterTree("");
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            root.insert(parameter.getKey(), parameter.getValue());
        }
        return root;
    }

    private void insert(String fullName, String parameterValue) {
        ParameterTree node = this;
        int start = 0;
        int depth = 0;
        while (true) {
            int dot = fullName.indexOf('.', start);
            String segment = dot < 0 ? fullName.substring(start) : fullName.substring(start, dot);
            if (segment.isEmpty() || ++depth > MAX_DEPTH) {
                throw new ProtocolException(CommonError.UNKNOWN_PARAMETER,
                        "The parameter " + fullName + " is not recognized");
            }
            String childName = dot < 0 ? fullName : fullName.substring(0, dot);
            node = node.children.computeIfAbsent(segment, unused -> new ParameterTree(childName));
            if (dot < 0) {
                node.value = parameterValue;
                return;
            }
            start = dot + 1;
        }
    }

    /** The parameter's full dotted name. */
    public String name() {
        return name;
    }

    /** The value given for exactly this name, or null when only longer names start with it. */
    public String value() {
        return value;
    }

    public Map<String, ParameterTree> children() {
        return children;
    }
}
