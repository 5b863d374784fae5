package org.medcounsel.cli;

import org.medcounsel.render.RowFormat;
import picocli.CommandLine.Option;

/** {@code --format} of the commands that print a report or rows (check, facts, list, search): text or JSON. */
public final class ReportFormatOption {
    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    RowFormat format = RowFormat.text;

    /** Whether JSON was asked for. */
    boolean json() {
        return format == RowFormat.json;
    }
}
