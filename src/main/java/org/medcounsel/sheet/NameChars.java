package org.medcounsel.sheet;

import java.util.Locale;
import java.util.Optional;

/**
 * The characters a drug's name or brand may not hold. Names leave the tool as words a shell
 * handles: completion offers them to bash and zsh, and people paste them into scripts. A shell
 * acts on these characters (bash's {@code compgen -W} even runs {@code $(...)} in its words), and
 * no medicine's name needs one, so refusing them closes that door for nothing.
 */
public final class NameChars {
    /** Every character a POSIX shell gives a meaning to, outside quotes, in a word. */
    public static final String SHELL = "$`\\\"';&|<>(){}*?[]!#";

    private NameChars() {}

    /** The first character of {@code name} a shell or a terminal would act on, as a message shows it. */
    public static Optional<String> unsafe(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (SHELL.indexOf(c) >= 0) {
                return Optional.of("'" + c + "'");
            }
            if (Character.isISOControl(c)) {
                return Optional.of("a control character (" + codePoint(c) + ")");
            }
        }
        return Optional.empty();
    }

    /** {@code U+0007}: how messages name a character that cannot be shown. */
    public static String codePoint(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
    }
}
