package org.medcounsel.cli;

import org.medcounsel.sheet.Language;
import picocli.CommandLine.Option;

/**
 * {@code --lang TAG}: the language to counsel in. Without it, the config file's {@code lang}, then
 * {@code LC_ALL}, {@code LC_MESSAGES} or {@code LANG}, then English.
 */
public final class LanguageOption {
    @Option(
            names = "--lang",
            paramLabel = "TAG",
            description = "Language, such as es or zh-Hans (default: the config file, then LC_ALL, LC_MESSAGES or"
                    + " LANG; English where a sheet has no translation).")
    String lang;

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec command;

    /** The tag asked for, in its usual form; English when nothing asks for another language. */
    String tag(Environment env) {
        if (lang == null) {
            return Language.fromLocale(env.variables()).orElse(Language.ENGLISH);
        }
        return Language.normalise(lang)
                .orElseThrow(() -> new picocli.CommandLine.ParameterException(
                        command.commandLine(), "--lang: '" + lang + "' is not a language tag (try es or zh-Hans)"));
    }
}
