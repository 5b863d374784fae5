package org.medcounsel.cli;

import org.medcounsel.counsel.Guidance;
import org.medcounsel.sheet.Formulary;
import picocli.CommandLine.Command;

/** {@code medcounsel risks DRUG...}. */
@Command(name = "risks", mixinStandardHelpOptions = true, versionProvider = MedcounselCommand.Version.class,
        description = "Side effects by seriousness, warning signs that need urgent help, and checks.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:success", "1:data error", "2:usage error",
            "3:unknown drug"})
final class RisksCommand extends CounselCommand {
    @Override
    public Integer call() {
        Formulary formulary = data.formulary(env());
        var documents = drugs(formulary).stream().map(Guidance::risks).toList();
        renderer().render(documents, top.spec.commandLine().getOut());
        return Exit.OK;
    }
}
