package org.medcounsel.render;

import org.medcounsel.doc.Document.Severity;

/** Terminal styling: ANSI colours when wanted, plain text otherwise. */
public final class Style {
    private final boolean color;

    public Style(boolean color) {
        this.color = color;
    }

    public boolean color() {
        return color;
    }

    public String bold(String s) {
        return wrap("1", s);
    }

    public String dim(String s) {
        return wrap("2", s);
    }

    public String severity(Severity severity, String s) {
        switch (severity) {
            case URGENT:
                return wrap("1;31", s);
            case CAUTION:
                return wrap("1;33", s);
            default:
                return wrap("1;36", s);
        }
    }

    /**
     * {@code text} as a hyperlink to {@code url} where escapes are allowed: links follow the
     * colour rule (--color, NO_COLOR, TERM=dumb), one switch for every escape medcounsel writes.
     * Both are sheet text, made safe here.
     */
    public String link(String url, String text) {
        return color ? Terminal.link(url, text) : Terminal.safe(text);
    }

    /** A search match inside a sentence: bold and underlined. */
    public String match(String s) {
        return wrap("1;4", s);
    }

    private String wrap(String code, String s) {
        return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
