package dev.surveyor.core.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed OGC WKT node: {@code KEYWORD[value, value, ...]} where a value is a quoted string, a
 * number, a bare word (e.g. {@code NORTH}) or a nested node. Reads WKT1 and WKT2 (both bracket
 * styles {@code []} and {@code ()}); it builds the tree only, {@link Projections} interprets it.
 *
 * @param keyword upper-cased keyword, e.g. {@code PROJCS}
 * @param values strings, {@link Double}s and {@code Wkt} children, in order
 */
record Wkt(String keyword, List<Object> values) {
    Wkt {
        values = List.copyOf(values);
    }

    /** Parses a WKT string. */
    static Wkt parse(String text) {
        Parser p = new Parser(text);
        Wkt node = p.node();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the end");
        }
        return node;
    }

    /** The children with this keyword (any of the names), in order. */
    List<Wkt> children(String... keywords) {
        List<Wkt> out = new ArrayList<>();
        for (Object v : values) {
            if (v instanceof Wkt w && w.is(keywords)) {
                out.add(w);
            }
        }
        return out;
    }

    /** The first child with one of the keywords, or null. */
    Wkt child(String... keywords) {
        List<Wkt> c = children(keywords);
        return c.isEmpty() ? null : c.get(0);
    }

    /** The first node with one of the keywords in a depth-first search (this node included). */
    Wkt find(String... keywords) {
        if (is(keywords)) {
            return this;
        }
        for (Object v : values) {
            if (v instanceof Wkt w) {
                Wkt f = w.find(keywords);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    /** Whether the keyword is one of these. */
    boolean is(String... keywords) {
        for (String k : keywords) {
            if (keyword.equals(k)) {
                return true;
            }
        }
        return false;
    }

    /** The first value as a string (the name), or "". */
    String name() {
        return !values.isEmpty() && values.get(0) instanceof String s ? s : "";
    }

    /** Value {@code i} as a number; throws naming the node when it is not one. */
    double number(int i) {
        if (i < values.size() && values.get(i) instanceof Double d) {
            return d;
        }
        throw new IllegalArgumentException(
                "WKT " + keyword + "[" + name() + "] has no number at position " + (i + 1));
    }

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        IllegalArgumentException error(String what) {
            int from = Math.max(0, pos - 20);
            int to = Math.min(s.length(), pos + 20);
            return new IllegalArgumentException(
                    "bad WKT at character "
                            + pos
                            + " ("
                            + what
                            + "): ..."
                            + s.substring(from, to)
                            + "...");
        }

        Wkt node() {
            skipSpace();
            String kw = word();
            if (kw.isEmpty()) {
                throw error("expected a keyword");
            }
            skipSpace();
            List<Object> values = new ArrayList<>();
            if (pos < s.length() && (s.charAt(pos) == '[' || s.charAt(pos) == '(')) {
                char close = s.charAt(pos) == '[' ? ']' : ')';
                pos++;
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == close) {
                    pos++;
                    return new Wkt(kw.toUpperCase(Locale.ROOT), values);
                }
                while (true) {
                    values.add(value());
                    skipSpace();
                    if (pos >= s.length()) {
                        throw error("missing '" + close + "'");
                    }
                    char c = s.charAt(pos++);
                    if (c == close) {
                        break;
                    }
                    if (c != ',') {
                        throw error("expected ',' or '" + close + "'");
                    }
                }
            }
            return new Wkt(kw.toUpperCase(Locale.ROOT), values);
        }

        Object value() {
            skipSpace();
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(pos);
            if (c == '"') {
                StringBuilder b = new StringBuilder();
                pos++;
                while (true) {
                    if (pos >= s.length()) {
                        throw error("unterminated string");
                    }
                    char d = s.charAt(pos++);
                    if (d == '"') {
                        if (pos < s.length() && s.charAt(pos) == '"') {
                            b.append('"');
                            pos++;
                        } else {
                            return b.toString();
                        }
                    } else {
                        b.append(d);
                    }
                }
            }
            if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                int start = pos;
                while (pos < s.length() && "+-.eE0123456789".indexOf(s.charAt(pos)) >= 0) {
                    pos++;
                }
                try {
                    return Double.parseDouble(s.substring(start, pos));
                } catch (NumberFormatException e) {
                    throw error("bad number '" + s.substring(start, pos) + "'");
                }
            }
            int start = pos;
            String w = word();
            skipSpace();
            if (pos < s.length() && (s.charAt(pos) == '[' || s.charAt(pos) == '(')) {
                pos = start;
                return node();
            }
            if (w.isEmpty()) {
                throw error("unexpected character '" + c + "'");
            }
            return w;
        }

        String word() {
            int start = pos;
            while (pos < s.length()
                    && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            return s.substring(start, pos);
        }
    }
}
