package org.medcounsel.cli;

import org.medcounsel.render.Format;
import picocli.CommandLine.Option;

/** {@code --format} of the commands that print documents (info, brief, risks, stop, compare). */
public final class FormatOption {
    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            completionCandidates = Accepted.class,
            converter = Accepted.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    /** What a document is written as. */
    static final class Accepted extends Formats {
        Accepted() {
            super(Format.text, Format.markdown, Format.html, Format.json);
        }
    }
}
