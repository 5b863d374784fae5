package org.medcounsel.cli;

import java.util.Iterator;
import java.util.SortedSet;
import java.util.TreeSet;
import org.medcounsel.sheet.BundledShelf;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.Language;
import org.medcounsel.sheet.Shelf;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --lang TAG}: the language to counsel in. Without it, the config file's {@code lang}, then
 * {@code LC_ALL}, {@code LC_MESSAGES} or {@code LANG}, then English.
 */
public final class LanguageOption {
    @Option(
            names = "--lang",
            paramLabel = "TAG",
            completionCandidates = Tags.class,
            description = "Language, such as es or zh-Hans (default: the config file, then LC_ALL, LC_MESSAGES or"
                    + " LANG; English where a sheet has no translation).")
    String lang;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec command;

    /** English and the languages the bundled sheets are translated into, for completion. */
    static final class Tags implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            SortedSet<String> tags = new TreeSet<>();
            tags.add(Language.ENGLISH);
            BundledShelf bundled = new BundledShelf();
            for (String id : bundled.ids(Shelf.Kind.DRUG)) {
                tags.addAll(bundled.languages(Shelf.Kind.DRUG, id));
            }
            return tags.iterator();
        }
    }

    /**
     * The tag asked for, in its usual form; English when nothing asks for another language. A
     * locale is not a request for a translation: a locale whose language the data has no words
     * for at all (de_DE, say) means English, with no note, as for any program not translated.
     */
    String tag(Environment env, Formulary formulary) {
        if (lang == null) {
            String fromLocale = Language.fromLocale(env.variables()).orElse(Language.ENGLISH);
            boolean spoken = Language.candidates(fromLocale).stream()
                    .anyMatch(t -> !Language.isEnglish(t) && formulary.words(t).isPresent());
            return spoken ? fromLocale : Language.ENGLISH;
        }
        return Language.normalise(lang)
                .orElseThrow(() -> new CommandLine.ParameterException(
                        command.commandLine(), "--lang: '" + lang + "' is not a language tag (try es or zh-Hans)"));
    }
}
