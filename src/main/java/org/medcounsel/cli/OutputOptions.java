package org.medcounsel.cli;

import org.medcounsel.render.Style;
import org.medcounsel.render.TextRenderer;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code --color} and {@code --width}: how text output fits the terminal. */
public final class OutputOptions {
    /** Width when neither --width nor the terminal says otherwise. */
    static final int DEFAULT_WIDTH = 80;
    static final int MIN_WIDTH = 20;
    static final int MAX_WIDTH = 1000;

    /** When to colour the output. */
    public enum ColorMode { auto, always, never }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; auto colours only on a "
                    + "terminal and honours NO_COLOR).")
    ColorMode color = ColorMode.auto;

    @Option(names = "--width", paramLabel = "N",
            description = "Wrap text at N columns (default: the terminal's width, else 80).")
    Integer width;

    /** Colour on or off, by the rules of --color, NO_COLOR and TERM. */
    boolean colour(Environment env) {
        switch (color) {
            case always: return true;
            case never: return false;
            default: return env.terminal() && env.variable("NO_COLOR").isEmpty() && !"dumb".equals(env.variable("TERM"));
        }
    }

    /** --width, else COLUMNS (the launcher exports the terminal's width), else 80. */
    int width(Environment env) {
        if (width != null) {
            if (width < MIN_WIDTH || width > MAX_WIDTH) {
                throw new ParameterException(spec.commandLine(), "--width must be between " + MIN_WIDTH + " and "
                        + MAX_WIDTH + ", not " + width);
            }
            return width;
        }
        try {
            int columns = Integer.parseInt(env.variable("COLUMNS").strip());
            return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, columns));
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    TextRenderer textRenderer(Environment env) {
        return new TextRenderer(width(env), new Style(colour(env)));
    }
}
