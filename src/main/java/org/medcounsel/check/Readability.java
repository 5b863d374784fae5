package org.medcounsel.check;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flesch–Kincaid grade of English text: 0.39 × words per sentence + 11.8 × syllables per word
 * − 15.59. Syllables are counted by vowel groups with the usual English corrections (silent
 * final e, -ed and -es endings); good to within a syllable on common words, which is what a
 * grade needs.
 */
public final class Readability {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’.,-][\\p{L}\\p{N}]+)*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(?=\\s|$)");
    private static final Pattern ABBREVIATION =
            Pattern.compile("\\b(e\\.g|i\\.e|etc|vs|Dr|Mr|Mrs|Ms|approx)\\.", Pattern.CASE_INSENSITIVE);

    private Readability() {}

    /** Counts for a text; every non-empty text is at least one sentence. */
    public record Score(int sentences, int words, int syllables) {
        public double grade() {
            if (words == 0) return 0;
            return 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
        }

        public Score plus(Score other) {
            return new Score(sentences + other.sentences, words + other.words, syllables + other.syllables);
        }

        public static final Score NONE = new Score(0, 0, 0);
    }

    /** Scores one piece of text (a paragraph or a list item). */
    public static Score score(String text) {
        String t = ABBREVIATION.matcher(text).replaceAll("$1");
        int words = 0;
        int syllables = 0;
        Matcher m = WORD.matcher(t);
        while (m.find()) {
            words++;
            syllables += syllables(m.group());
        }
        if (words == 0) {
            return Score.NONE;
        }
        int sentences = 0;
        Matcher end = SENTENCE_END.matcher(t.strip());
        int last = 0;
        while (end.find()) {
            sentences++;
            last = end.end();
        }
        // Text after the last full stop (or a list item with none) is a sentence too.
        if (!t.strip().substring(last).isBlank()) {
            sentences++;
        }
        return new Score(Math.max(1, sentences), words, syllables);
    }

    /** Syllables in one word. Numbers and abbreviations without vowels count as one. */
    public static int syllables(String word) {
        StringBuilder letters = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = Character.toLowerCase(word.charAt(i));
            if (c >= 'a' && c <= 'z') letters.append(c);
        }
        String w = letters.toString();
        if (w.isEmpty() || w.length() <= 3) return 1;
        if (w.endsWith("es") && !w.endsWith("ses") && !w.endsWith("zes") && !w.endsWith("ces") && !w.endsWith("ges")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("ed") && !w.endsWith("ted") && !w.endsWith("ded")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("e") && !(w.endsWith("le") && w.length() > 2 && !isVowel(w.charAt(w.length() - 3)))) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.startsWith("y")) {
            w = w.substring(1);
        }
        // Count groups of vowels.
        int count = 0;
        boolean inVowels = false;
        for (int i = 0; i < w.length(); i++) {
            boolean vowel = isVowel(w.charAt(i));
            if (vowel && !inVowels) count++;
            inVowels = vowel;
        }
        return Math.max(1, count);
    }

    private static boolean isVowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }

    /**
     * The Szigriszt-Pazos perspicuity (INFLESZ scale) of Spanish text: 206.835 − 62.3 ×
     * syllables per word − words per sentence. 55 to 65 reads as "normal"; 65 to 80 "fairly
     * easy" (bastante fácil), which plain patient text aims for; below 40, "very hard".
     */
    public static double inflesz(List<String> texts) {
        int sentences = 0;
        int words = 0;
        int syllables = 0;
        for (String text : texts) {
            Score s = score(text);
            sentences += s.sentences();
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                words++;
                syllables += spanishSyllables(m.group());
            }
        }
        if (words == 0) return 100;
        return 206.835 - 62.3 * syllables / words - (double) words / Math.max(1, sentences);
    }

    /**
     * Syllables in a Spanish word: groups of vowels, where two strong vowels (a, e, o) side by
     * side, or an accented í or ú beside another vowel, are two syllables (hiatus).
     */
    public static int spanishSyllables(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        int count = 0;
        char before = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!isSpanishVowel(c)) {
                before = 0;
                continue;
            }
            if (before == 0 || strong(before) && strong(c) || c == 'í' || c == 'ú' || before == 'í' || before == 'ú') {
                count++;
            }
            before = c;
        }
        return Math.max(1, count);
    }

    private static boolean isSpanishVowel(char c) {
        return "aeiouáéíóúü".indexOf(c) >= 0;
    }

    private static boolean strong(char c) {
        return "aeoáéó".indexOf(c) >= 0;
    }

    /**
     * Chinese characters per sentence (a sentence ends at 。！？ or ；, or at the end of a
     * text): the usual measure of how hard Chinese text is to read; plain text keeps it near 20.
     */
    public static double hanPerSentence(List<String> texts) {
        int sentences = 0;
        int han = 0;
        for (String text : texts) {
            boolean open = false;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                    han++;
                    open = true;
                } else if ("。！？；".indexOf(cp) >= 0 && open) {
                    sentences++;
                    open = false;
                }
            }
            if (open) sentences++;
        }
        return sentences == 0 ? 0 : (double) han / sentences;
    }
}
