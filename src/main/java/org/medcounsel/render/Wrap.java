package org.medcounsel.render;

import java.util.ArrayList;
import java.util.List;

/** Word wrapping for fixed-width output. The one wrapper: every text format uses it. */
public final class Wrap {
    private Wrap() {}

    /**
     * Wraps {@code text} into lines of at most {@code width} code points, the first starting with
     * {@code first} and the rest with {@code rest}. A word longer than a line (a long web address)
     * is never broken: it stands whole on a line of its own and overflows, so it can still be
     * clicked, copied and read. Nothing is ever cut off.
     */
    public static List<String> lines(String text, int width, String first, String rest) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int length = len(first);
        boolean empty = true;
        for (String word : words(text)) {
            int wordLength = len(word);
            if (!empty && length + 1 + wordLength > width) {
                lines.add(line.toString());
                line = new StringBuilder(rest);
                length = len(rest);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
                length++;
            }
            line.append(word);
            length += wordLength;
            empty = false;
        }
        if (!empty || lines.isEmpty()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /**
     * {@code text} cut to at most {@code room} code points, ending in "…" when cut: at a space
     * where one is near the end, so a short title keeps whole words.
     */
    public static String cut(String text, int room) {
        String whole = String.join(" ", words(text));
        if (len(whole) <= room) {
            return whole;
        }
        if (room <= 1) {
            return "\u2026";
        }
        String head = whole.substring(0, whole.offsetByCodePoints(0, room - 1));
        int space = head.lastIndexOf(' ');
        if (space > head.length() / 2) {
            head = head.substring(0, space);
        }
        int end = head.length();
        while (end > 0 && " ,;:-(".indexOf(head.charAt(end - 1)) >= 0) {
            end--;
        }
        return (end > 0 ? head.substring(0, end) : head) + "\u2026";
    }

    /** The words of {@code text}, split at runs of white space (no regex: this runs per line). */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i == text.length() || Character.isWhitespace(text.charAt(i));
            if (space && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return words;
    }

    static int len(String s) {
        return s.codePointCount(0, s.length());
    }
}
