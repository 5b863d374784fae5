package org.medcounsel.render;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The one vocabulary of output formats, written as users type them. Each command writes some of
 * them and says which (its {@code --format}); the output shapes say which they can be written in.
 */
public enum Format {
    text("txt"),
    markdown("md"),
    html("html"),
    json("json"),
    /** FHIR R4 JSON: screenings and questionnaires. */
    fhir("json"),
    /** A printable PDF of the HTML page: screenings and leaflets. */
    pdf("pdf");

    /** The file extension of a file in this format. */
    public final String extension;

    Format(String extension) {
        this.extension = extension;
    }

    /** The renderer for documents in this format, sources in full. */
    public Renderer renderer(int width, Style style, Optional<Path> templates) {
        return renderer(width, style, false, templates);
    }

    /**
     * The renderer for documents in this format; {@code shortSources} makes text give one short
     * line a source (the other formats always give them in full).
     */
    public Renderer renderer(int width, Style style, boolean shortSources, Optional<Path> templates) {
        switch (this) {
            case markdown:
                return new MarkdownRenderer();
            case html:
                return new HtmlRenderer(templates);
            case json:
                return new JsonRenderer();
            case text:
                return new TextRenderer(width, style, shortSources);
            default:
                throw new IllegalArgumentException("documents have no " + this + " renderer");
        }
    }
}
