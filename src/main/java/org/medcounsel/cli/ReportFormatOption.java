package org.medcounsel.cli;

import org.medcounsel.render.Format;
import picocli.CommandLine.Option;

/** {@code --format} of the commands that print a report or rows (check, facts, list, search). */
public final class ReportFormatOption {
    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            completionCandidates = Accepted.class,
            converter = Accepted.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    /** What a report or rows are written as. */
    static final class Accepted extends Formats {
        Accepted() {
            super(Format.text, Format.json);
        }
    }
}
