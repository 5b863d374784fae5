package org.medcounsel.cli;

import org.medcounsel.counsel.Guidance;
import org.medcounsel.doc.Document;
import org.medcounsel.sheet.Drug;
import picocli.CommandLine.Command;

/** {@code medcounsel risks DRUG...}. */
@Command(
        name = "risks",
        mixinStandardHelpOptions = true,
        versionProvider = MedcounselCommand.Version.class,
        description = {
            "When to get help at once, key warnings, side effects, checks.",
            "Side effects come by seriousness and how often they happen."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:data error", "2:usage error", "3:unknown drug"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  medcounsel risks olumiant",
            "  medcounsel risks rinvoq --width 60 --no-pager",
            "  medcounsel risks selumetinib --sources"
        })
final class RisksCommand extends CounselCommand {
    RisksCommand(Environment env) {
        super(env);
    }

    @Override
    Document document(Guidance guidance, Drug drug) {
        return guidance.risks(drug);
    }
}
