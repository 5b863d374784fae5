package org.medcounsel.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medcounsel help [COMMAND]}: the command list, or one command's options and examples. */
@Command(
        name = "help",
        mixinStandardHelpOptions = true,
        versionProvider = MedcounselCommand.Version.class,
        description = "Show the commands, or one command's options and examples.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:unknown command"},
        footerHeading = "%nExamples:%n",
        footer = {"  medcounsel help", "  medcounsel help screen"})
final class HelpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "COMMAND", description = "The command to explain.")
    String command;

    @Override
    public Integer call() {
        CommandLine top = spec.parent().commandLine();
        if (command == null) {
            top.usage(spec.commandLine().getOut());
            return Exit.OK;
        }
        CommandLine sub = top.getSubcommands().get(command);
        if (sub == null || sub.getCommandSpec().usageMessage().hidden()) {
            Diagnostics.of(spec)
                    .error(Diagnostics.unknownCommand(
                            command,
                            MedcounselCommand.visible(top),
                            Optional.empty(),
                            "run 'medcounsel help' for the list"));
            return Exit.USAGE;
        }
        sub.usage(spec.commandLine().getOut());
        return Exit.OK;
    }
}
