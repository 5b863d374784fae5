package org.medcounsel.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.medcounsel.doc.Document;
import org.medcounsel.render.Format;
import org.medcounsel.render.HtmlRenderer;
import org.medcounsel.render.Pdf;
import org.medcounsel.render.Renderer;
import org.medcounsel.render.Style;
import org.medcounsel.sheet.Word;
import org.medcounsel.sheet.Words;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How output is written: {@code --templates} here, and the common {@code --color}, {@code --width}
 * and {@code --sources} ({@link CommonOptions}) read from the top command.
 */
public final class OutputOptions {
    /** Width when neither --width nor the terminal says otherwise. */
    static final int DEFAULT_WIDTH = 80;

    /** The widest a terminal's width makes prose: longer lines are hard to read. */
    static final int MAX_TERMINAL_WIDTH = 100;

    static final int MIN_WIDTH = 20;
    static final int MAX_WIDTH = 1000;

    /** When to colour the output. */
    public enum ColorMode {
        auto,
        always,
        never
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The common options (--color, --width, --sources), declared once on the top command. */
    private CommonOptions common() {
        return CommonOptions.of(spec);
    }

    /** Colour on or off, by the rules of --color, NO_COLOR and TERM. */
    boolean colour(Environment env) {
        switch (common().color) {
            case always:
                return true;
            case never:
                return false;
            default:
                return env.terminal() && env.variable("NO_COLOR").isEmpty() && !"dumb".equals(env.variable("TERM"));
        }
    }

    /** --width when given (checked as {@link #width} checks it), else {@code fallback}, whatever the terminal. */
    int widthOr(Environment env, int fallback) {
        return common().width == null ? fallback : width(env);
    }

    /**
     * --width, else COLUMNS (the launcher exports the terminal's width) up to 100, else 80. COLUMNS
     * counts whether or not the output is a terminal: the launcher only sets it for one, so when it
     * is set for a pipe or a file someone chose it.
     */
    int width(Environment env) {
        Integer width = common().width;
        if (width != null) {
            if (width < MIN_WIDTH || width > MAX_WIDTH) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--width must be between " + MIN_WIDTH + " and " + MAX_WIDTH + ", not " + width);
            }
            return width;
        }
        try {
            int columns = Integer.parseInt(env.variable("COLUMNS").strip());
            // COLUMNS=0 (or less) is what some terminals report when they do not know.
            return columns <= 0 ? DEFAULT_WIDTH : Math.max(MIN_WIDTH, Math.min(MAX_TERMINAL_WIDTH, columns));
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    @Option(
            names = "--templates",
            paramLabel = "DIR",
            description = "Folder of Mustache templates (document.mustache, index.mustache, style.css.mustache) "
                    + "that replace the built-in HTML ones.")
    String templates;

    /**
     * The renderer for a format; text uses the width and colour rules, HTML the templates. Text on
     * a terminal gives each source one short line unless --sources asks for them in full.
     */
    Renderer renderer(Environment env, Format chosen) {
        return chosen.renderer(
                chosen == Format.text ? width(env) : DEFAULT_WIDTH,
                new Style(colour(env)),
                shortSources(env, chosen),
                chosen == Format.html ? templates(env) : Optional.empty());
    }

    /**
     * Writes documents in a format: text, Markdown, HTML or JSON through {@link #renderer}; or a
     * PDF of their HTML page (page numbers in {@code words}), as bytes and never to a terminal.
     * Only screen writes documents as a PDF; leaflets are files of their own.
     */
    void write(Environment env, Format chosen, List<Document> documents, Words words, PrintWriter out) {
        if (chosen != Format.pdf) {
            renderer(env, chosen).render(documents, out);
            return;
        }
        if (env.terminal()) {
            throw new ParameterException(
                    spec.commandLine(), "a PDF is not written to a terminal: redirect it to a file (> screening.pdf)");
        }
        if (!(out instanceof BinaryOut binary)) {
            throw new Failure("a PDF cannot be written here: redirect the screening to a file");
        }
        StringWriter html = new StringWriter();
        new HtmlRenderer(templates(env), new HtmlRenderer.Print("A4", false, "", words.get(Word.PAGE_OF)))
                .render(documents, new PrintWriter(html));
        binary.bytes(Pdf.of(html.toString(), env.variables()));
    }

    /** One short line a source: text on a terminal, without --sources. */
    boolean shortSources(Environment env, Format chosen) {
        return chosen == Format.text && env.terminal() && !common().sources;
    }

    /** --templates as a folder that exists; a usage error otherwise. */
    Optional<Path> templates(Environment env) {
        if (templates == null) {
            return Optional.empty();
        }
        Path dir = env.fileSystem().getPath(templates);
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), "templates folder '" + templates + "' does not exist");
        }
        return Optional.of(dir);
    }
}
