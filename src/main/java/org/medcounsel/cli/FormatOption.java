package org.medcounsel.cli;

import org.medcounsel.render.Renderer;
import picocli.CommandLine.Option;

/** {@code --format} for the counselling commands: text, markdown, html or json. */
public final class FormatOption {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", completionCandidates = Formats.class,
            converter = FormatConverter.class,
            description = "text, markdown, html or json (default: ${DEFAULT-VALUE}).")
    Renderer.Format format = Renderer.Format.TEXT;

    /** The --format values as typed. */
    static final class Formats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("text", "markdown", "html", "json").iterator();
        }
    }

    /** Reads a --format value in any case. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Renderer.Format> {
        @Override
        public Renderer.Format convert(String value) {
            try {
                return Renderer.Format.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not a format; use text, markdown, html or json");
            }
        }
    }
}
