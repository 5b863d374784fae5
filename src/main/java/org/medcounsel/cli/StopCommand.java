package org.medcounsel.cli;

import org.medcounsel.counsel.Guidance;
import org.medcounsel.sheet.Formulary;
import picocli.CommandLine.Command;

/** {@code medcounsel stop DRUG...}. */
@Command(name = "stop", mixinStandardHelpOptions = true, versionProvider = MedcounselCommand.Version.class,
        description = "Stopping and pausing: why not to stop alone, flare or regrowth, surgery, what to watch after.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:success", "1:data error", "2:usage error",
            "3:unknown drug"})
final class StopCommand extends CounselCommand {
    @Override
    public Integer call() {
        Formulary formulary = data.formulary(env());
        var documents = drugs(formulary).stream().map(Guidance::stop).toList();
        renderer().render(documents, top.spec.commandLine().getOut());
        return Exit.OK;
    }
}
