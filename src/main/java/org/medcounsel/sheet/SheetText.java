package org.medcounsel.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The patient and pharmacist text of a drug or class sheet, sentence by sentence, each with the
 * section it is in. The section is the sheet's own field name in words ("how-to-take" is "how to
 * take"), so a field a sheet gains is searched without a change here. Names, ids, dates, sources
 * and the screening rules' keys and numbers are not text and are left out.
 */
public final class SheetText {
    private SheetText() {}

    /** One sentence and the section it is in. */
    public record Passage(String section, String sentence) {}

    /** Top-level fields that are not prose. */
    private static final Set<String> NOT_TEXT = Set.of("id", "name", "brands", "class", "reviewed", "sources");

    /** Fields inside a list item that are keys, words from a fixed list or numbers, not prose. */
    private static final Set<String> KEYS = Set.of(
            "id",
            "source",
            "status",
            "seriousness",
            "how-often",
            "fact",
            "level",
            "uses",
            "is",
            "includes",
            "at-least",
            "at-most",
            "below",
            "above");

    /** A sentence ends at . ! or ? followed by white space. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    /** Every sentence of the sheet's text, in the sheet's order; a tree that is not a map has none. */
    public static List<Passage> of(YamlNode tree) {
        List<Passage> passages = new ArrayList<>();
        if (tree instanceof YamlNode.Mapping m) {
            for (YamlNode.Entry e : m.entries().values()) {
                if (!NOT_TEXT.contains(e.key()) && !e.key().startsWith("$")) {
                    collect(e.key().replace('-', ' '), e.value(), passages);
                }
            }
        }
        return passages;
    }

    private static void collect(String section, YamlNode node, List<Passage> into) {
        if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.TEXT) {
            for (String sentence :
                    SENTENCE_END.split(Shape.Bound.clean(s.text()).strip())) {
                // One hit is one line: a sentence never carries a line break or a tab.
                String flat = sentence.strip();
                if (!flat.isEmpty()) into.add(new Passage(section, flat));
            }
        } else if (node instanceof YamlNode.Sequence seq) {
            seq.items().forEach(item -> collect(section, item, into));
        } else if (node instanceof YamlNode.Mapping m) {
            for (YamlNode.Entry e : m.entries().values()) {
                if (!KEYS.contains(e.key())) collect(section, e.value(), into);
            }
        }
    }
}
