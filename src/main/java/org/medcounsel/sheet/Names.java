package org.medcounsel.sheet;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Spelling suggestions by edit distance, for misspelt drug names, fields and choices. */
public final class Names {
    private Names() {}

    /** Up to three candidates close to {@code word}, best first, compared without case. */
    public static List<String> closest(String word, Collection<String> candidates) {
        String w = word.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, w.length() / 3);
        return candidates.stream()
                .map(c -> new Scored(c, score(w, c.toLowerCase(Locale.ROOT))))
                .filter(s -> s.distance <= limit)
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .map(Scored::name)
                .distinct()
                .limit(3)
                .toList();
    }

    /** " (did you mean 'x'?)" or "" when nothing is close. */
    public static String didYouMean(String word, Collection<String> candidates) {
        List<String> close = closest(word, candidates);
        return close.isEmpty() ? "" : " (did you mean '" + close.get(0) + "'?)";
    }

    private record Scored(String name, int distance) {}

    /** Distance, treating a typed prefix of a long name ("bari" for "baricitinib") as close. */
    private static int score(String typed, String candidate) {
        if (typed.length() >= 3 && candidate.startsWith(typed)) {
            return 1;
        }
        return distance(typed, candidate);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
