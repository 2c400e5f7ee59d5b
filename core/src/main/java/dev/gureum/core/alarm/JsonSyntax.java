package dev.gureum.core.alarm;

/**
 * Checks that a text is one JSON value (RFC 8259), as SetAlarmState requires of StateReasonData. It only
 * recognises; nothing is built.
 */
final class JsonSyntax {
    private final String text;
    private int at;

    private JsonSyntax(String text) {
        this.text = text;
    }

    static boolean isJson(String text) {
        JsonSyntax parser = new JsonSyntax(text);
        try {
            parser.value(0);
            parser.space();
            return parser.at == text.length();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return false;
        }
    }

    private void value(int depth) {
        if (depth > 256) {
            throw new IllegalArgumentException("too deep");
        }
        space();
        char c = text.charAt(at);
        switch (c) {
            case '{' -> {
                at++;
                space();
                if (text.charAt(at) == '}') {
                    at++;
                    return;
                }
                while (true) {
                    space();
                    string();
                    space();
                    expect(':');
                    value(depth + 1);
                    space();
                    if (text.charAt(at) == ',') {
                        at++;
                    } else {
                        expect('}');
                        return;
                    }
                }
            }
            case '[' -> {
                at++;
                space();
                if (text.charAt(at) == ']') {
                    at++;
                    return;
                }
                while (true) {
                    value(depth + 1);
                    space();
                    if (text.charAt(at) == ',') {
                        at++;
                    } else {
                        expect(']');
                        return;
                    }
                }
            }
            case '"' -> string();
            case 't' -> word("true");
            case 'f' -> word("false");
            case 'n' -> word("null");
            default -> number();
        }
    }

    private void string() {
        expect('"');
        while (true) {
            char c = text.charAt(at++);
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                throw new IllegalArgumentException("control character in a string");
            }
            if (c == '\\') {
                char escaped = text.charAt(at++);
                if (escaped == 'u') {
                    for (int i = 0; i < 4; i++) {
                        if (Character.digit(text.charAt(at++), 16) < 0) {
                            throw new IllegalArgumentException("bad escape");
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(escaped) < 0) {
                    throw new IllegalArgumentException("bad escape");
                }
            }
        }
    }

    private void number() {
        int start = at;
        if (text.charAt(at) == '-') {
            at++;
        }
        if (text.charAt(at) == '0') {
            at++;
        } else {
            digits();
        }
        if (at < text.length() && text.charAt(at) == '.') {
            at++;
            digits();
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            at++;
            if (text.charAt(at) == '+' || text.charAt(at) == '-') {
                at++;
            }
            digits();
        }
        if (at == start) {
            throw new IllegalArgumentException("not a value");
        }
    }

    private void digits() {
        int start = at;
        while (at < text.length() && Character.isDigit(text.charAt(at)) && text.charAt(at) < 128) {
            at++;
        }
        if (at == start) {
            throw new IllegalArgumentException("digits expected");
        }
    }

    private void word(String word) {
        if (!text.startsWith(word, at)) {
            throw new IllegalArgumentException("not a value");
        }
        at += word.length();
    }

    private void expect(char c) {
        if (text.charAt(at) != c) {
            throw new IllegalArgumentException(c + " expected");
        }
        at++;
    }

    private void space() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }
}
