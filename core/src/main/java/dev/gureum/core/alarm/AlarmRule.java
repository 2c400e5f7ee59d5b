package dev.gureum.core.alarm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A composite alarm's AlarmRule: {@code ALARM(x)}, {@code OK(x)}, {@code INSUFFICIENT_DATA(x)} (x an alarm
 * name, quoted or not, or an alarm ARN), {@code TRUE}, {@code FALSE}, joined with {@code AND}, {@code OR},
 * {@code NOT} and parentheses; NOT binds tightest, then AND, then OR. Parsed once into a tree.
 */
public final class AlarmRule {
    /** A node of the rule's tree. */
    private sealed interface Node permits Constant, StateIs, Not, And, Or {
        boolean test(Function<String, AlarmState> states);
    }

    private record Constant(boolean value) implements Node {
        public boolean test(Function<String, AlarmState> states) {
            return value;
        }
    }

    private record StateIs(AlarmState state, String alarm) implements Node {
        public boolean test(Function<String, AlarmState> states) {
            return states.apply(alarm) == state;
        }
    }

    private record Not(Node operand) implements Node {
        public boolean test(Function<String, AlarmState> states) {
            return !operand.test(states);
        }
    }

    private record And(Node left, Node right) implements Node {
        public boolean test(Function<String, AlarmState> states) {
            return left.test(states) && right.test(states);
        }
    }

    private record Or(Node left, Node right) implements Node {
        public boolean test(Function<String, AlarmState> states) {
            return left.test(states) || right.test(states);
        }
    }

    private final Node root;
    private final Set<String> children;

    private AlarmRule(Node root, Set<String> children) {
        this.root = root;
        this.children = Set.copyOf(children);
    }

    /**
     * @param alarmPrefix {@code arn:aws:cloudwatch:<region>:<account>:alarm:}, so ARNs name alarms by name
     * @throws IllegalArgumentException with what is wrong
     */
    public static AlarmRule parse(String text, String alarmPrefix) {
        Parser parser = new Parser(text, alarmPrefix);
        Node root = parser.or();
        parser.space();
        if (parser.at != text.length()) {
            throw new IllegalArgumentException("Unexpected text at position " + (parser.at + 1));
        }
        return new AlarmRule(root, parser.names);
    }

    /** True when the rule holds for the given states of its children: the composite alarm is then in ALARM. */
    public boolean holds(Function<String, AlarmState> stateOfChild) {
        return root.test(stateOfChild);
    }

    /** The names of the alarms the rule refers to. */
    public Set<String> children() {
        return children;
    }

    private static final class Parser {
        private final String text;
        private final String alarmPrefix;
        private final Set<String> names = new LinkedHashSet<>();
        private int at;

        Parser(String text, String alarmPrefix) {
            this.text = text;
            this.alarmPrefix = alarmPrefix;
        }

        Node or() {
            Node left = and();
            while (keyword("OR")) {
                left = new Or(left, and());
            }
            return left;
        }

        Node and() {
            Node left = not();
            while (keyword("AND")) {
                left = new And(left, not());
            }
            return left;
        }

        Node not() {
            if (keyword("NOT")) {
                return new Not(not());
            }
            return primary();
        }

        Node primary() {
            space();
            if (peek('(')) {
                at++;
                Node inner = or();
                space();
                expect(')');
                return inner;
            }
            if (keyword("TRUE")) {
                return new Constant(true);
            }
            if (keyword("FALSE")) {
                return new Constant(false);
            }
            for (AlarmState state : List.of(AlarmState.INSUFFICIENT_DATA, AlarmState.ALARM, AlarmState.OK)) {
                if (keyword(state.name())) {
                    space();
                    expect('(');
                    String name = alarmName();
                    space();
                    expect(')');
                    names.add(name);
                    return new StateIs(state, name);
                }
            }
            throw new IllegalArgumentException("Expected ALARM(), OK(), INSUFFICIENT_DATA(), TRUE, FALSE, NOT or"
                    + " '(' at position " + (at + 1));
        }

        private String alarmName() {
            space();
            String name;
            if (peek('"')) {
                int end = text.indexOf('"', at + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("Unterminated quoted alarm name");
                }
                name = text.substring(at + 1, end);
                at = end + 1;
            } else {
                int start = at;
                int depth = 0;
                while (at < text.length() && !(text.charAt(at) == ')' && depth == 0)) {
                    depth += text.charAt(at) == '(' ? 1 : text.charAt(at) == ')' ? -1 : 0;
                    at++;
                }
                name = text.substring(start, at).strip();
            }
            if (name.startsWith("arn:")) {
                if (!name.startsWith(alarmPrefix)) {
                    throw new IllegalArgumentException("Alarm ARN " + name + " is not an alarm of this account and region");
                }
                name = name.substring(alarmPrefix.length());
            }
            if (name.isEmpty()) {
                throw new IllegalArgumentException("Empty alarm name at position " + (at + 1));
            }
            return name;
        }

        private boolean keyword(String word) {
            space();
            if (text.regionMatches(true, at, word, 0, word.length())) {
                int after = at + word.length();
                if (after == text.length() || !(Character.isLetterOrDigit(text.charAt(after))
                        || text.charAt(after) == '_')) {
                    at = after;
                    return true;
                }
            }
            return false;
        }

        private boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw new IllegalArgumentException("Expected '" + c + "' at position " + (at + 1));
            }
            at++;
        }

        void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }

    /** Every alarm reachable through rules from {@code start}, to refuse cycles. */
    static Set<String> reachable(String start, Function<String, Set<String>> childrenOf) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>(childrenOf.apply(start));
        while (!queue.isEmpty()) {
            String next = queue.remove(queue.size() - 1);
            if (seen.add(next)) {
                queue.addAll(childrenOf.apply(next));
            }
        }
        return seen;
    }
}
