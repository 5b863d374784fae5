package org.medcounsel.sheet;

/**
 * Zero-width characters and bidi controls: they change what a reader sees without being seen
 * themselves. A hidden one can make two names look alike, or reorder the words of a warning on
 * the screen. One list, used by the linter (which refuses them in sheets) and by everything that
 * shows text (which never writes them raw).
 */
public final class HiddenChars {
    private HiddenChars() {}

    /**
     * U+200B-U+200F (zero-width space, non-joiner and joiner, the left-to-right and right-to-left
     * marks), U+202A-U+202E (embeddings and overrides), U+2060-U+2069 (word joiner, invisible
     * operators, isolates), U+FEFF (zero-width no-break space) and U+061C (Arabic letter mark).
     */
    public static boolean is(char c) {
        return (c >= '\u200b' && c <= '\u200f')
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2060' && c <= '\u2069')
                || c == '\ufeff'
                || c == '\u061c';
    }

    /** The index of the first hidden character in {@code text}, or -1. */
    public static int indexIn(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (is(text.charAt(i))) return i;
        }
        return -1;
    }
}
