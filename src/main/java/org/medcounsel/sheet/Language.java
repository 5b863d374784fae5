package org.medcounsel.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The language a document is shown in, and what the reader must know about it: who translated
 * it, whether the English has changed since (stale), whether a site pharmacist has checked it,
 * and, when English is shown instead of the language asked for, why.
 *
 * @param asked    the language tag asked for ("en" when none was)
 * @param shown    the language the whole document is in: {@code asked} or "en"
 * @param by       who made the translation ("" for English)
 * @param stale    the English sheet changed after the translation was made
 * @param approval a site pharmacist's check of this translation, when there is one that counts
 * @param notShown why English is shown although another language was asked for ("" otherwise)
 */
public record Language(
        String asked, String shown, String by, boolean stale, Optional<Approval> approval, String notShown) {

    public static final String ENGLISH = "en";

    /** English, as asked (or as nothing else was asked). */
    public static Language english(String asked) {
        return new Language(asked, ENGLISH, "", false, Optional.empty(), "");
    }

    /** English shown for {@code asked}, because {@code why}. */
    public static Language fallback(String asked, String why) {
        return new Language(asked, ENGLISH, "", false, Optional.empty(), why);
    }

    /** Whether the document is a translation (not the English sheet). */
    public boolean translated() {
        return !shown.equals(ENGLISH);
    }

    /** Whether this tag means English. */
    public static boolean isEnglish(String tag) {
        return tag.equals(ENGLISH) || tag.startsWith(ENGLISH + "-");
    }

    /**
     * A tag as written (zh_CN, ES, zh-hans, zh-CN) in its usual form: language lower case, script
     * title case, region upper case; Chinese with a mainland or Singapore region, or none, is
     * Simplified Chinese (zh-Hans), with a Taiwan, Hong Kong or Macau region Traditional (zh-Hant).
     * Empty when it is not a language tag.
     */
    public static Optional<String> normalise(String written) {
        String s = written.strip().replace('_', '-');
        int cut = s.indexOf('.'); // zh_CN.UTF-8
        if (cut >= 0) s = s.substring(0, cut);
        cut = s.indexOf('@'); // sr_RS@latin
        if (cut >= 0) s = s.substring(0, cut);
        if (s.isEmpty()) return Optional.empty();
        Locale locale = Locale.forLanguageTag(s);
        String language = locale.getLanguage();
        if (language.isEmpty() || !language.matches("[a-z]{2,3}")) return Optional.empty();
        String script = locale.getScript();
        String region = locale.getCountry();
        if (language.equals("zh") && script.isEmpty()) {
            script = List.of("TW", "HK", "MO").contains(region) ? "Hant" : "Hans";
        }
        if (language.equals("zh")) region = ""; // the script is what a reader needs
        String tag = language + (script.isEmpty() ? "" : "-" + script) + (region.isEmpty() ? "" : "-" + region);
        return Translation.TAG.matcher(tag).matches() ? Optional.of(tag) : Optional.empty();
    }

    /**
     * The language the environment asks for, as the C library reads it: the first of
     * {@code LC_ALL}, {@code LC_MESSAGES} and {@code LANG} that is set (the {@code C} and
     * {@code POSIX} locales mean English). Empty when none is set.
     */
    public static Optional<String> fromLocale(Map<String, String> env) {
        for (String name : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
            String value = env.getOrDefault(name, "");
            if (value.isBlank()) continue;
            String base = value.strip();
            if (base.equals("C") || base.startsWith("C.") || base.equals("POSIX")) return Optional.of(ENGLISH);
            return Optional.of(normalise(base).orElse(ENGLISH));
        }
        return Optional.empty();
    }

    /** The tags to look for, most precise first: es-MX, then es. */
    public static List<String> candidates(String tag) {
        List<String> all = new ArrayList<>();
        String t = tag;
        while (true) {
            all.add(t);
            int dash = t.lastIndexOf('-');
            if (dash < 0) break;
            t = t.substring(0, dash);
        }
        return all;
    }

    /** A language's name in English, for messages: "Spanish (es)". */
    public static String named(String tag) {
        String name = Locale.forLanguageTag(tag).getDisplayName(Locale.ENGLISH);
        return name.isEmpty() || name.equals(tag) ? tag : name + " (" + tag + ")";
    }
}
