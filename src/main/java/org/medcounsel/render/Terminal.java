package org.medcounsel.render;

/** Keeps sheet text from driving the terminal. */
public final class Terminal {
    private Terminal() {}

    /**
     * Replaces C0 and C1 control characters (ESC among them) and DEL with U+FFFD; tabs become
     * spaces. Newlines are kept. Applied to every piece of sheet text before it is styled.
     */
    public static String safe(String text) {
        // (Also zero-width and direction-changing characters: they can hide or reorder what a
        // pharmacist reads.)
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || invisible(c);
            if (control && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(!control ? c : c == '\t' ? ' ' : '\uFFFD');
            }
        }
        return out == null ? text : out.toString();
    }

    /** Zero-width characters and bidi controls: they change what is seen without being seen. */
    public static boolean invisible(char c) {
        return org.medcounsel.sheet.HiddenChars.is(c);
    }
}
