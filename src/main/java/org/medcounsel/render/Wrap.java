package org.medcounsel.render;

import java.util.ArrayList;
import java.util.List;

/** Word wrapping for fixed-width output. The one wrapper: every text format uses it. */
public final class Wrap {
    private Wrap() {}

    /**
     * Wraps {@code text} into lines of at most {@code width} display columns, the first starting
     * with {@code first} and the rest with {@code rest}. A Chinese or Japanese character takes two
     * columns, and a line may break between two of them (never before a closing mark such as 。
     * or after an opening one such as （). A word longer than a line (a long web address) is
     * never broken: it stands whole on a line of its own and overflows, so it can still be
     * clicked, copied and read. Nothing is ever cut off.
     */
    public static List<String> lines(String text, int width, String first, String rest) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int length = len(first);
        boolean empty = true;
        for (Token token : tokens(text)) {
            String gap = token.spaced() ? " " : "";
            int wordLength = len(token.text());
            if (!empty && length + gap.length() + wordLength > width) {
                lines.add(line.toString());
                line = new StringBuilder(rest);
                length = len(rest);
                empty = true;
            }
            if (!empty) {
                line.append(gap);
                length += gap.length();
            }
            line.append(token.text());
            length += wordLength;
            empty = false;
        }
        if (!empty || lines.isEmpty()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /**
     * {@code text} cut to at most {@code room} columns, ending in "…" when cut: at a space
     * where one is near the end, so a short title keeps whole words.
     */
    public static String cut(String text, int room) {
        String whole = joined(text);
        if (len(whole) <= room) {
            return whole;
        }
        if (room <= 1) {
            return "\u2026";
        }
        int end = 0;
        int used = 0;
        while (end < whole.length()) {
            int cp = whole.codePointAt(end);
            if (used + columns(cp) > room - 1) break;
            used += columns(cp);
            end += Character.charCount(cp);
        }
        String head = whole.substring(0, end);
        int space = head.lastIndexOf(' ');
        if (space > head.length() / 2) {
            head = head.substring(0, space);
        }
        end = head.length();
        while (end > 0 && " ,;:-(".indexOf(head.charAt(end - 1)) >= 0) {
            end--;
        }
        return (end > 0 ? head.substring(0, end) : head) + "\u2026";
    }

    /** The text with each run of white space made one space, as {@link #lines} joins it. */
    static String joined(String text) {
        StringBuilder b = new StringBuilder();
        for (Token t : tokens(text)) {
            if (t.spaced() && b.length() > 0) b.append(' ');
            b.append(t.text());
        }
        return b.toString();
    }

    /**
     * A piece a line may break before: a word, or one wide character with the marks that must
     * stay with it; {@code spaced} when white space came before it.
     */
    record Token(String text, boolean spaced) {}

    /**
     * The pieces of {@code text} (no regex: this runs per line), made safe for a terminal first:
     * all text laid out here (lines, cuts, words) is, so the renderers need not each remember to.
     */
    static List<Token> tokens(String raw) {
        String text = Terminal.safe(raw);
        List<Token> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean spaced = false;
        boolean pendingSpace = false;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                if (current.length() > 0) {
                    tokens.add(new Token(current.toString(), spaced));
                    current.setLength(0);
                }
                pendingSpace = true;
                continue;
            }
            boolean wide = columns(cp) == 2;
            boolean closing = CLOSING.indexOf(cp) >= 0;
            boolean breakBefore =
                    current.length() > 0 && !closing && (wide || isWideAt(current)) && !isOpening(current);
            if (pendingSpace || breakBefore) {
                if (current.length() > 0) {
                    tokens.add(new Token(current.toString(), spaced));
                    current.setLength(0);
                }
                spaced = pendingSpace && !tokens.isEmpty();
                pendingSpace = false;
            }
            current.appendCodePoint(cp);
        }
        if (current.length() > 0) tokens.add(new Token(current.toString(), spaced));
        return tokens;
    }

    /** The words of {@code text}, split at runs of white space. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : joined(text).split(" ")) {
            if (!w.isEmpty()) words.add(w);
        }
        return words;
    }

    /** Marks that never start a line: they stay with what comes before them. */
    private static final String CLOSING = "，。、：；！？）」』】》〉％,.;:!?)]}%";
    /** Marks that never end a line: they stay with what comes after them. */
    private static final String OPENING = "（「『【《〈([{";

    private static boolean isOpening(StringBuilder current) {
        return OPENING.indexOf(current.codePointBefore(current.length())) >= 0;
    }

    private static boolean isWideAt(StringBuilder current) {
        int last = current.codePointBefore(current.length());
        return columns(last) == 2;
    }

    /** The display columns of {@code s}: a wide (East Asian) character takes two, a combining mark none. */
    static int len(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            n += columns(cp);
            i += Character.charCount(cp);
        }
        return n;
    }

    /** The columns a terminal gives one character. */
    static int columns(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || cp == 0x200B || cp == 0x200D) {
            return 0;
        }
        boolean wide = (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0x303E)
                || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
