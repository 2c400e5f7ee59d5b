package dev.gureum.core.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a metric-math expression into a tree: numbers, query ids, {@code + - * / ^}, unary minus, parentheses,
 * arrays {@code [a, b]}, quoted strings and function calls {@code NAME(args)}. Precedence as usual: {@code ^}
 * binds tightest, then unary minus, then {@code * /}, then {@code + -}. Errors carry the position.
 */
final class MathParser {
    /** A node of the expression tree. */
    sealed interface Node {
    }

    record Number(double value) implements Node {
    }

    record Reference(String id) implements Node {
    }

    record Text(String text) implements Node {
    }

    record Negate(Node operand) implements Node {
    }

    record Binary(char operator, Node left, Node right) implements Node {
    }

    record Call(String function, List<Node> arguments) implements Node {
    }

    record ArrayOf(List<Node> items) implements Node {
    }

    /** A syntax error at a position of the expression. */
    static final class SyntaxException extends RuntimeException {
        SyntaxException(String message) {
            super(message);
        }
    }

    private final String text;
    private int at;

    private MathParser(String text) {
        this.text = text;
    }

    static Node parse(String expression) {
        MathParser parser = new MathParser(expression);
        Node node = parser.sum();
        parser.skipSpace();
        if (parser.at < expression.length()) {
            throw new SyntaxException("Unexpected character '" + expression.charAt(parser.at) + "' at position "
                    + (parser.at + 1) + ".");
        }
        return node;
    }

    private Node sum() {
        Node left = product();
        while (true) {
            skipSpace();
            if (peek('+') || peek('-')) {
                char operator = text.charAt(at++);
                left = new Binary(operator, left, product());
            } else {
                return left;
            }
        }
    }

    private Node product() {
        Node left = unary();
        while (true) {
            skipSpace();
            if (peek('*') || peek('/')) {
                char operator = text.charAt(at++);
                left = new Binary(operator, left, unary());
            } else {
                return left;
            }
        }
    }

    private Node unary() {
        skipSpace();
        if (peek('-')) {
            at++;
            return new Negate(unary());
        }
        Node base = primary();
        skipSpace();
        if (peek('^')) {
            at++;
            return new Binary('^', base, unary());
        }
        return base;
    }

    private Node primary() {
        skipSpace();
        if (at >= text.length()) {
            throw new SyntaxException("Unexpected end of expression.");
        }
        char c = text.charAt(at);
        if (c == '(') {
            at++;
            Node inner = sum();
            expect(')');
            return inner;
        }
        if (c == '[') {
            at++;
            List<Node> items = new ArrayList<>();
            items.add(sum());
            while (accept(',')) {
                items.add(sum());
            }
            expect(']');
            return new ArrayOf(items);
        }
        if (c == '"' || c == '\'') {
            int end = text.indexOf(c, at + 1);
            if (end < 0) {
                throw new SyntaxException("Unterminated string at position " + (at + 1) + ".");
            }
            String value = text.substring(at + 1, end);
            at = end + 1;
            return new Text(value);
        }
        if (Character.isDigit(c) || c == '.') {
            int start = at;
            while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
                at++;
            }
            if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
                at++;
                if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                    at++;
                }
                while (at < text.length() && Character.isDigit(text.charAt(at))) {
                    at++;
                }
            }
            try {
                return new Number(Double.parseDouble(text.substring(start, at)));
            } catch (NumberFormatException e) {
                throw new SyntaxException("Invalid number '" + text.substring(start, at) + "' at position " + (start + 1) + ".");
            }
        }
        if (Character.isLetter(c) || c == '_') {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            String word = text.substring(start, at);
            skipSpace();
            if (peek('(')) {
                at++;
                List<Node> arguments = new ArrayList<>();
                skipSpace();
                if (!peek(')')) {
                    arguments.add(sum());
                    while (accept(',')) {
                        arguments.add(sum());
                    }
                }
                expect(')');
                return new Call(word.toUpperCase(java.util.Locale.ROOT), arguments);
            }
            return new Reference(word);
        }
        throw new SyntaxException("Unexpected character '" + c + "' at position " + (at + 1) + ".");
    }

    private boolean accept(char c) {
        skipSpace();
        if (peek(c)) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw new SyntaxException("Expected '" + c + "' at position " + (at + 1) + ".");
        }
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
