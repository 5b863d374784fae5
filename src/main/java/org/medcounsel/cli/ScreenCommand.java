package org.medcounsel.cli;

import org.medcounsel.counsel.Guidance;
import org.medcounsel.sheet.Formulary;
import picocli.CommandLine.Command;

/** {@code medcounsel screen DRUG...}: the pre-treatment checklist. */
@Command(name = "screen", mixinStandardHelpOptions = true, versionProvider = MedcounselCommand.Version.class,
        description = "The pre-treatment checklist: the questions to ask and the pharmacist's reminders.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"1:data error", "2:usage error",
            "3:unknown drug", "10:questions unanswered", "11:caution", "12:do not start"})
final class ScreenCommand extends CounselCommand {
    @Override
    public Integer call() {
        Formulary formulary = data.formulary(env());
        var documents = drugs(formulary).stream().map(d -> Guidance.questions(d, formulary.facts())).toList();
        output.textRenderer(env()).render(documents, top.spec.commandLine().getOut());
        return Exit.INCOMPLETE;
    }
}
