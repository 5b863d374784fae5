package org.medcounsel.render;

/** {@code --format} of the commands that print rows ({@code list}, {@code search}): text or JSON. */
public enum RowFormat {
    text,
    json
}
