package org.medcounsel.cli;

import org.medcounsel.counsel.Guidance;
import org.medcounsel.doc.Document;
import org.medcounsel.sheet.Drug;
import picocli.CommandLine.Command;

/** {@code medcounsel stop DRUG...}. */
@Command(
        name = "stop",
        mixinStandardHelpOptions = true,
        versionProvider = MedcounselCommand.Version.class,
        description = {
            "Stopping and pausing, and what to watch after.",
            "Why not to stop alone, flare or regrowth, surgery."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:data error", "2:usage error", "3:unknown drug"},
        footerHeading = "%nExamples:%n",
        footer = {"  medcounsel stop olumiant", "  medcounsel stop koselugo --format html > stop.html"})
final class StopCommand extends CounselCommand {
    StopCommand(Environment env) {
        super(env);
    }

    @Override
    Document document(Guidance guidance, Drug drug) {
        return guidance.stop(drug);
    }
}
