package org.medcounsel.cli;

import org.medcounsel.counsel.Guidance;
import org.medcounsel.sheet.Formulary;
import picocli.CommandLine.Command;

/** {@code medcounsel info DRUG...}. */
@Command(name = "info", mixinStandardHelpOptions = true, versionProvider = MedcounselCommand.Version.class,
        description = "What the medicine is, what it is for and how to take it.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:success", "1:data error", "2:usage error",
            "3:unknown drug"})
final class InfoCommand extends CounselCommand {
    @Override
    public Integer call() {
        Formulary formulary = data.formulary(env());
        var documents = drugs(formulary).stream().map(Guidance::info).toList();
        renderer().render(documents, top.spec.commandLine().getOut());
        return Exit.OK;
    }
}
