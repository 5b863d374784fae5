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
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) continue;
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

    static int len(String s) {
        return s.codePointCount(0, s.length());
    }
}
