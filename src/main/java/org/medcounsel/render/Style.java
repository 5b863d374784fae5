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

    private String wrap(String code, String s) {
        return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
