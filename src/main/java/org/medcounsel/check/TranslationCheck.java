package org.medcounsel.check;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.medcounsel.sheet.FolderShelf;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.InLanguage;
import org.medcounsel.sheet.Names;
import org.medcounsel.sheet.Problem;
import org.medcounsel.sheet.Problem.Level;
import org.medcounsel.sheet.SheetException;
import org.medcounsel.sheet.SheetFile;
import org.medcounsel.sheet.SheetLoader;
import org.medcounsel.sheet.SheetShapes;
import org.medcounsel.sheet.Shelf.Kind;
import org.medcounsel.sheet.Translation;
import org.medcounsel.sheet.Translations;
import org.medcounsel.sheet.YamlNode;

/**
 * The translation checks behind {@code medcounsel check}: each translation of a sheet, of
 * {@code words.yaml} and of {@code facts.yaml} may change only text, keeps every number and
 * placeholder, is written in its language's script, reads easily in its language's own measure,
 * and was made from the English as it is now (a stale one says the fingerprint to write).
 */
public final class TranslationCheck {
    private final Formulary formulary;
    private final List<Problem> problems = new ArrayList<>();
    /** How easy each translation reads, in its language's own measure: for --grades. */
    private final Map<String, String> reading = new TreeMap<>();
    /** The translation files checked. */
    private int files;

    /** A check of every translation {@code formulary} holds. */
    TranslationCheck(Formulary formulary) {
        this.formulary = formulary;
    }

    /** What {@link #all()} found. */
    List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** How easy each translation reads, by sheet id and language ("baricitinib.es"). */
    Map<String, String> reading() {
        return reading;
    }

    /** How many translation files {@link #all()} checked. */
    int files() {
        return files;
    }

    private void add(String file, int line, Level level, String rule, String message) {
        add(problems, file, line, level, rule, message);
    }

    private static void add(List<Problem> to, String file, int line, Level level, String rule, String message) {
        to.add(new Problem(file, line, level, rule, message));
    }

    /**
     * Every translation: it may change only text, keeps every number, translates every text, is
     * written in its language's script, and was made from the English sheet as it is now (a
     * stale one is a warning that gives the fingerprint to write once the text is brought up to
     * date). The words and facts of each language a sheet is translated into must be complete.
     */
    void all() {
        SortedSet<String> langs = new TreeSet<>();
        for (FolderShelf folder : formulary.folders()) {
            for (Kind kind : Kind.values()) {
                folder.translations(kind).forEach((id, tags) -> {
                    for (String lang : tags) {
                        String file = folder.translation(kind, id, lang)
                                .map(SheetFile::name)
                                .orElse(id);
                        if (formulary.find(kind, id).isEmpty()) {
                            add(
                                    file,
                                    0,
                                    Level.ERROR,
                                    "unread",
                                    "not read: a translation of '" + id
                                            + "', which has no " + (kind == Kind.DRUG ? "drug" : "class") + " sheet"
                                            + Names.didYouMean(
                                                    id,
                                                    kind == Kind.DRUG ? formulary.drugIds() : formulary.classIds()));
                        } else if (!formulary
                                .shelves()
                                .translationFile(kind, id, lang)
                                .map(SheetFile::name)
                                .orElse("")
                                .equals(file)) {
                            add(
                                    file,
                                    0,
                                    Level.WARNING,
                                    "unread",
                                    "never used: a sheet in a higher folder replaces"
                                            + " the one it translates, or a higher folder has its own translation");
                        }
                    }
                });
            }
        }
        for (Kind kind : Kind.values()) {
            for (String id : kind == Kind.DRUG ? formulary.drugIds() : formulary.classIds()) {
                for (String lang : formulary.languages(kind, id)) {
                    langs.add(lang);
                    SheetFile file =
                            formulary.shelves().translationFile(kind, id, lang).orElseThrow();
                    try {
                        files++;
                        problems.addAll(translation(
                                file.name(),
                                kind,
                                lang,
                                formulary.find(kind, id).orElseThrow().tree(),
                                file.tree()));
                        readingEase(file.name(), id + "." + lang, lang, file.tree());
                    } catch (SheetException e) {
                        problems.addAll(e.problems());
                    }
                }
            }
        }
        for (String lang : langs) {
            for (String base : List.of("words", "facts")) {
                vocabularyTranslations(base, lang);
            }
        }
    }

    /**
     * Every data folder's translation of {@code words.yaml} or {@code facts.yaml} into {@code
     * lang}, each checked as a file (a stale one says the fingerprint to write), then all of them
     * together: they must translate every word or question between them.
     */
    private void vocabularyTranslations(String base, String lang) {
        String name = base + "." + lang + ".yaml";
        boolean staleFile = false;
        try {
            for (Translations.VocabularyOverlay o : formulary.translations().vocabularyOverlays(base, lang)) {
                List<Problem> found = vocabularyTranslation(
                        o.overlay().name(),
                        base,
                        lang,
                        o.english().tree(),
                        o.overlay().tree());
                problems.addAll(found);
                if (found.stream().anyMatch(p -> p.level() == Level.ERROR)) return; // said where it is broken
                staleFile |= found.stream().anyMatch(p -> p.rule().equals("stale-translation"));
            }
            List<String> untranslated = formulary.translations().untranslated(base, lang);
            boolean stale = base.equals("words")
                    ? formulary.words(lang).map(InLanguage::stale).orElse(false)
                    : formulary.facts(lang).map(InLanguage::stale).orElse(false);
            if (!untranslated.isEmpty()) {
                add(name, 0, Level.ERROR, "translation", untranslated(base, lang, untranslated));
            } else if (stale && !staleFile) {
                // Each file is as new as its English; a higher folder rewords in English what only a lower one
                // translates.
                add(
                        name,
                        0,
                        Level.WARNING,
                        "stale-translation",
                        "a higher data folder's " + base + ".yaml rewords in English "
                                + (base.equals("words") ? "words" : "questions")
                                + " that only a lower folder translates: translate them in that higher folder too");
            }
        } catch (SheetException e) {
            problems.addAll(e.problems());
        }
    }

    /** Says what is left in English, and what that does to a reader. */
    public static String untranslated(String base, String lang, List<String> keys) {
        String shown =
                String.join(", ", keys.subList(0, Math.min(keys.size(), 10))) + (keys.size() > 10 ? ", ..." : "");
        return base.equals("words")
                ? "the interface words are not all translated into " + lang
                        + ", so every document in it is shown in English (" + keys.size() + " missing: " + shown + ")"
                : "the screening questions are not all translated into " + lang + " (" + keys.size() + " missing: "
                        + shown + ")";
    }

    /**
     * What is wrong with one translation of {@code words.yaml} or {@code facts.yaml} ({@code base}
     * "words" or "facts"): what it may not change, placeholders and numbers, letters of another
     * script, hidden characters, and an English file that changed since (with the fingerprint to
     * write). Words or questions it leaves out are not its own fault: a lower data folder's
     * translation may give them.
     */
    public static List<Problem> vocabularyTranslation(
            String file, String base, String lang, YamlNode english, YamlNode overlay) {
        List<Problem> problems = new ArrayList<>();
        boolean words = base.equals("words");
        Translation t =
                Translation.apply(words ? SheetShapes.WORDS : SheetShapes.FACTS, english, overlay, file, lang, words);
        problems.addAll(t.problems());
        if (t.problems().isEmpty()) {
            try {
                if (words) {
                    SheetLoader.words(file, t.tree());
                } else {
                    SheetLoader.facts(file, t.tree());
                }
            } catch (SheetException e) {
                problems.addAll(e.problems());
            }
        }
        if (problems.isEmpty() && t.staleFor(english)) {
            add(
                    problems,
                    file,
                    line(overlay),
                    Level.WARNING,
                    "stale-translation",
                    "made from " + base + ".yaml as it was (" + t.of() + "); it has changed since. Bring the text up"
                            + " to date, then set 'of: " + Translation.fingerprint(english) + "'");
        }
        script(problems, file, lang, overlay);
        problems.addAll(SheetCheck.hiddenIn(file, overlay));
        return problems;
    }

    /** The line of a translation's {@code of:} fingerprint, where a stale one is put right. */
    private static int line(YamlNode overlay) {
        if (overlay instanceof YamlNode.Mapping m
                && m.entries().get("translation") != null
                && m.entries().get("translation").value() instanceof YamlNode.Mapping meta
                && meta.entries().get("of") != null) {
            return meta.entries().get("of").keyLine();
        }
        return 0;
    }

    /**
     * What is wrong with one translation file: what it may not change, numbers that differ, texts
     * it leaves out, letters of another script, and an English sheet that changed since.
     */
    public static List<Problem> translation(String file, Kind kind, String lang, YamlNode english, YamlNode overlay) {
        List<Problem> problems = new ArrayList<>();
        Translation t = Translation.apply(
                kind == Kind.DRUG ? SheetShapes.DRUG : SheetShapes.CLASS, english, overlay, file, lang, false);
        problems.addAll(t.problems());
        if (!t.missing().isEmpty()) {
            add(
                    problems,
                    file,
                    0,
                    Level.ERROR,
                    "translation",
                    "does not translate " + t.missing().size() + " text(s) of the English sheet, so English is"
                            + " shown instead: " + String.join("; ", t.missing()));
        }
        if (t.problems().isEmpty() && t.staleFor(english)) {
            add(
                    problems,
                    file,
                    0,
                    Level.WARNING,
                    "stale-translation",
                    "made from the English sheet as it was (" + t.of() + "); it has changed since. Bring the text up"
                            + " to date, then set 'of: " + Translation.fingerprint(english) + "'");
        }
        script(problems, file, lang, overlay);
        problems.addAll(SheetCheck.hiddenIn(file, overlay));
        return problems;
    }

    /** The Spanish perspicuity below which a translation reads harder than plain text should. */
    static final double INFLESZ_WARN = 55;
    /** The Chinese characters a sentence above which a translation reads harder than it should. */
    static final double HAN_PER_SENTENCE_WARN = 30;

    /**
     * How easily a translation reads, in a measure made for its language: the INFLESZ scale for
     * Spanish, characters per sentence for Chinese (none is known here for other languages). A
     * whole file reading harder than plain text should is a warning.
     */
    private void readingEase(String file, String key, String lang, YamlNode overlay) {
        List<String> texts = new ArrayList<>();
        collectTexts(overlay, texts);
        String base = lang.split("-")[0];
        if (base.equals("es")) {
            double p = Readability.inflesz(texts);
            reading.put(key, String.format(Locale.ROOT, "INFLESZ %.1f", p));
            if (p < INFLESZ_WARN) {
                add(
                        file,
                        0,
                        Level.WARNING,
                        "readability",
                        String.format(
                                Locale.ROOT,
                                "reads at INFLESZ %.1f, harder than normal Spanish text (55 or more; plain patient text"
                                        + " aims for 65): use shorter sentences and common words",
                                p));
            }
        } else if (base.equals("zh")) {
            double n = Readability.hanPerSentence(texts);
            reading.put(key, String.format(Locale.ROOT, "%.1f characters a sentence", n));
            if (n > HAN_PER_SENTENCE_WARN) {
                add(
                        file,
                        0,
                        Level.WARNING,
                        "readability",
                        String.format(
                                Locale.ROOT,
                                "has %.1f characters a sentence; plain Chinese text keeps near 20: use shorter sentences",
                                n));
            }
        }
    }

    /** Every text of a translation, leaving out its translation block and the ids it repeats. */
    private static void collectTexts(YamlNode node, List<String> out) {
        if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.TEXT) {
            out.add(s.text());
        } else if (node instanceof YamlNode.Sequence seq) {
            seq.items().forEach(item -> collectTexts(item, out));
        } else if (node instanceof YamlNode.Mapping map) {
            map.entries().values().stream()
                    .filter(e -> !List.of("translation", "id", "key", "fact").contains(e.key()))
                    .forEach(e -> collectTexts(e.value(), out));
        }
    }

    /** The scripts each language is written in, beside Latin (names, units, abbreviations). */
    private static final Map<String, Set<UnicodeScript>> SCRIPTS = Map.of(
            "zh", Set.of(UnicodeScript.HAN, UnicodeScript.BOPOMOFO),
            "ja", Set.of(UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA),
            "ko", Set.of(UnicodeScript.HANGUL, UnicodeScript.HAN),
            "ar", Set.of(UnicodeScript.ARABIC),
            "ru", Set.of(UnicodeScript.CYRILLIC),
            "uk", Set.of(UnicodeScript.CYRILLIC),
            "el", Set.of(UnicodeScript.GREEK),
            "he", Set.of(UnicodeScript.HEBREW),
            "hi", Set.of(UnicodeScript.DEVANAGARI));

    /** A translation's text may use only the scripts of its own language (and Latin). */
    private static void script(List<Problem> problems, String file, String lang, YamlNode node) {
        Set<UnicodeScript> allowed = SCRIPTS.getOrDefault(lang.split("-")[0], Set.of());
        if (node instanceof YamlNode.Scalar s) {
            for (int i = 0; i < s.text().length(); ) {
                int cp = s.text().codePointAt(i);
                i += Character.charCount(cp);
                if (cp < 0x250) continue;
                UnicodeScript us = UnicodeScript.of(cp);
                if (us != UnicodeScript.LATIN
                        && us != UnicodeScript.COMMON
                        && us != UnicodeScript.INHERITED
                        && !allowed.contains(us)) {
                    add(
                            problems,
                            file,
                            s.line(),
                            Level.ERROR,
                            "script",
                            "text in a script (" + us.name().charAt(0)
                                    + us.name().substring(1).toLowerCase(Locale.ROOT) + ") that " + lang
                                    + " is not written in");
                    return;
                }
            }
        } else if (node instanceof YamlNode.Sequence seq) {
            seq.items().forEach(item -> script(problems, file, lang, item));
        } else if (node instanceof YamlNode.Mapping map) {
            map.entries().values().forEach(e -> script(problems, file, lang, e.value()));
        }
    }
}
