package org.medcounsel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.medcounsel.render.AtomicFiles;
import org.medcounsel.render.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medcounsel config path|show|init}: where the settings live, what is in force, a starting file. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        versionProvider = MedcounselCommand.Version.class,
        description = {
            "Show or start the settings file.",
            "path: where the user's and the system's config files are. show: every setting in force and where it"
                    + " comes from (command line > environment > user's file > system's file > default). init: write"
                    + " a commented starting file for the user."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:a config file that cannot be read, or has a bad key or value (FILE:LINE), or init found one there",
            "2:usage error"
        },
        footerHeading = "%nExamples:%n",
        footer = {"  medcounsel config path", "  medcounsel config show", "  medcounsel config init"})
final class ConfigCommand implements Callable<Integer> {
    /** What to do. */
    enum Action {
        path,
        show,
        init
    }

    private final Environment env;

    @Spec
    CommandSpec spec;

    ConfigCommand(Environment env) {
        this.env = env;
    }

    @Parameters(paramLabel = "ACTION", description = "path, show or init.")
    Action action;

    @Option(names = "--force", description = "init: replace a file that is there.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path user = Config.userFile(env);
        switch (action) {
            case path:
                Path system = Config.systemFileToBe(env);
                out.println(Terminal.safe("user:   " + user + (Files.exists(user) ? "" : " (not there)")));
                out.println(Terminal.safe("system: " + system + (Files.exists(system) ? "" : " (not there)")));
                break;
            case show:
                List<Config.Value> values = Config.of(env).show();
                int width =
                        values.stream().mapToInt(v -> v.value().length()).max().orElse(0);
                for (Config.Value v : values) {
                    out.println(Terminal.safe(String.format(
                            Locale.ROOT,
                            "%-9s  %-" + Math.max(1, Math.min(width, 40)) + "s  (%s)",
                            v.key(),
                            v.value().isEmpty() ? "-" : v.value(),
                            v.from())));
                }
                break;
            default:
                if (Files.exists(user) && !force) {
                    throw new Failure(user + " is there already (config show says what it holds; --force replaces it)");
                }
                Files.createDirectories(user.getParent());
                AtomicFiles.write(user, Config.starter().getBytes(StandardCharsets.UTF_8), user.toString());
                out.println(Terminal.safe("wrote " + user));
        }
        out.flush();
        return Exit.OK;
    }
}
