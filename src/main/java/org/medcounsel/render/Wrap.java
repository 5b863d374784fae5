package org.medcounsel.render;

import java.util.ArrayList;
import java.util.List;

/** Word wrapping for fixed-width output. The one wrapper: every text format uses it. */
public final class Wrap {
    private Wrap() {}

    /**
     * Wraps {@code text} into lines of at most {@code width} code points, the first starting with
     * {@code first} and the rest with {@code rest}. Words longer than a line (long web addresses)
     * are broken; nothing is ever cut off.
     */
    public static List<String> lines(String text, int width, String first, String rest) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int prefixLength = len(first);
        boolean empty = true;
        for (String word : words(text)) {
            int room = width - len(line.toString());
            if (!empty && len(word) + 1 > room) {
                lines.add(line.toString());
                line = new StringBuilder(rest);
                prefixLength = len(rest);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            while (prefixLength + len(word) > width && width - prefixLength > 0) {
                // A word that cannot fit on any line: break it where the line ends.
                int fit = width - len(line.toString());
                if (fit <= 0) {
                    lines.add(line.toString());
                    line = new StringBuilder(rest);
                    prefixLength = len(rest);
                    continue;
                }
                int cut = word.offsetByCodePoints(0, Math.min(fit, len(word)));
                line.append(word, 0, cut);
                lines.add(line.toString());
                line = new StringBuilder(rest);
                prefixLength = len(rest);
                word = word.substring(cut);
            }
            line.append(word);
            empty = false;
        }
        if (!empty || lines.isEmpty()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
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
