package org.medcounsel.cli;

import org.medcounsel.counsel.Guidance;
import org.medcounsel.doc.Document;
import org.medcounsel.sheet.Drug;
import picocli.CommandLine.Command;

/** {@code medcounsel info DRUG...}. */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        versionProvider = MedcounselCommand.Version.class,
        description = "What the medicine is, what it is for and how to take it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:data error", "2:usage error", "3:unknown drug"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  medcounsel info olumiant",
            "  medcounsel info baricitinib tofacitinib --format markdown",
            "  medcounsel info koselugo --data /srv/pharmacy/sheets"
        })
final class InfoCommand extends CounselCommand {
    InfoCommand(Environment env) {
        super(env);
    }

    @Override
    Document document(Guidance guidance, Drug drug) {
        return guidance.info(drug);
    }
}
