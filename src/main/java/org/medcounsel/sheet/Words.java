package org.medcounsel.sheet;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The interface words in force: the bundled {@code words.yaml} with a site's rewordings on top. */
public final class Words {
    private final Map<Word, String> words;

    Words(Map<Word, String> words) {
        this.words = new EnumMap<>(words);
    }

    /** The word, with each {@code {name}} replaced by the value that follows it in {@code args}. */
    public String get(Word word, Object... args) {
        String text = words.get(word);
        for (int i = 0; i + 1 < args.length; i += 2) {
            text = text.replace("{" + args[i] + "}", String.valueOf(args[i + 1]));
        }
        return text;
    }

    /** "1 finding" or "3 findings": the form for {@code n} of a counted thing. */
    public String count(int n, Word one, Word other) {
        return get(n == 1 ? one : other, "n", n);
    }

    /** Joins items with the word for "or" ("a or b or c"). */
    public String or(List<String> items) {
        return String.join(" " + get(Word.CONDITION_OR) + " ", items);
    }
}
