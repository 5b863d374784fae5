package org.medcounsel.cli;

import org.medcounsel.render.Format;
import picocli.CommandLine.Option;

/** {@code --format} for the counselling commands: any {@link Format}. */
public final class FormatOption {
    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; fhir and pdf for screen only).")
    Format format = Format.text;
}
