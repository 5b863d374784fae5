package org.medcounsel.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scorer against counts made by hand. */
class ReadabilityTest {
    /** Syllables counted by hand (dictionary hyphenation). */
    static final Map<String, Integer> HAND_COUNTED = Map.ofEntries(
            Map.entry("cat", 1),
            Map.entry("take", 1),
            Map.entry("blood", 1),
            Map.entry("stroke", 1),
            Map.entry("used", 1),
            Map.entry("doses", 2),
            Map.entry("tablet", 2),
            Map.entry("doctor", 2),
            Map.entry("table", 2),
            Map.entry("people", 2),
            Map.entry("wanted", 2),
            Map.entry("headache", 2),
            Map.entry("vaccines", 2),
            Map.entry("swelling", 2),
            Map.entry("nurses", 2),
            Map.entry("changes", 2),
            Map.entry("every", 3),
            Map.entry("medicine", 3),
            Map.entry("infection", 3),
            Map.entry("pregnancy", 3),
            Map.entry("baricitinib", 5),
            Map.entry("selumetinib", 5),
            Map.entry("tuberculosis", 5),
            Map.entry("12", 1));

    @Test
    void syllablesMatchHandCounts() {
        HAND_COUNTED.forEach((word, count) -> assertEquals(count, Readability.syllables(word), word));
    }

    @Test
    void sentencesAreCountedAtFullStopsAndNotAtAbbreviationsOrDecimals() {
        assertEquals(
                3,
                Readability.score("Take it with food. Then rest! Do you feel sick?")
                        .sentences());
        assertEquals(1, Readability.score("Take 2.5 mg, e.g. with food.").sentences());
        assertEquals(2, Readability.score("Take it. A list item without a stop").sentences());
        assertEquals(1, Readability.score("Headache").sentences());
    }

    @Test
    void gradeFollowsTheFormula() {
        // "The cat sat on the mat." 6 words, 6 syllables, 1 sentence:
        // 0.39 * 6 + 11.8 * 1 - 15.59 = -1.45
        Readability.Score s = Readability.score("The cat sat on the mat.");
        assertEquals(new Readability.Score(1, 6, 6), s);
        assertEquals(-1.45, s.grade(), 1e-9);
        // Two sentences, 14 words, 23 syllables (hand-counted):
        // "Baricitinib is a medicine for arthritis. You take one tablet every day."
        // ba-ri-ci-ti-nib(5) is(1) a(1) me-di-cine(3) for(1) ar-thri-tis(3) = 14
        // you(1) take(1) one(1) tab-let(2) ev-er-y(3) day(1) = 9
        Readability.Score two =
                Readability.score("Baricitinib is a medicine for arthritis. You take one tablet every day.");
        assertEquals(new Readability.Score(2, 12, 23), two);
        assertEquals(0.39 * 6 + 11.8 * 23 / 12 - 15.59, two.grade(), 1e-9);
    }

    @Test
    void emptyTextScoresNothing() {
        assertEquals(Readability.Score.NONE, Readability.score("  "));
        assertEquals(0, Readability.Score.NONE.grade());
    }

    @Test
    void spanishSyllablesSplitStrongVowelsAndAccentedWeakOnes() {
        assertEquals(4, Readability.spanishSyllables("medicina")); // me-di-ci-na
        assertEquals(3, Readability.spanishSyllables("tableta")); // ta-ble-ta
        assertEquals(2, Readability.spanishSyllables("puede")); // pue-de: a diphthong
        assertEquals(3, Readability.spanishSyllables("leona")); // le-o-na: two strong vowels
        assertEquals(2, Readability.spanishSyllables("día")); // dí-a
        assertEquals(1, Readability.spanishSyllables("y"));
    }

    @Test
    void infleszOfSpanishText() {
        // 2 sentences, 7 words, 14 syllables: 206.835 - 62.3 * 14 / 7 - 7 / 2 = 78.735
        // To-me u-na ta-ble-ta (2+2+3) ca-da dí-a (2+2) = 11; Con a-gua (1+2) = 3.
        double p = Readability.inflesz(List.of("Tome una tableta cada día.", "Con agua."));
        assertEquals(206.835 - 62.3 * 14 / 7 - 7.0 / 2, p, 1e-9);
        assertTrue(Readability.inflesz(
                        List.of("La administración concomitante de inhibidores potentes del citocromo incrementa"
                                + " considerablemente la exposición sistémica al principio activo"))
                < 40);
    }

    @Test
    void chineseCharactersPerSentence() {
        // 每天服用一片。(6) 随餐服用。(4): 10 characters, 2 sentences; Latin letters do not count.
        assertEquals(5.0, Readability.hanPerSentence(List.of("每天服用一片。随餐服用 mg。")), 1e-9);
        assertEquals(3.0, Readability.hanPerSentence(List.of("请就医", "马上去")), 1e-9);
    }
}
