package org.medcounsel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The top command: its subcommands do the work. */
@Command(
        name = "medcounsel",
        mixinStandardHelpOptions = true,
        versionProvider = MedcounselCommand.Version.class,
        description = "Plain-language medication counselling from reviewed drug sheets.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:data or I/O error (a sheet that fails to load, a file that cannot be written)",
            "2:usage error (unknown option, bad value, missing --data folder)",
            "3:unknown drug name",
            "10:screen: questions unanswered",
            "11:screen: caution",
            "12:screen: do not start",
            "130:screen --ask cancelled (Ctrl-C)",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  medcounsel info olumiant",
            "  medcounsel risks baricitinib --width 60",
            "  medcounsel screen selumetinib",
            "  medcounsel list --data /srv/pharmacy/sheets"
        })
public final class MedcounselCommand implements Runnable {
    /**
     * The subcommands by name, in help order. Main registers only the one a run names (building a
     * command's model is most of picocli's start-up cost), or all of them when help needs them.
     */
    public static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static java.util.Map<String, Class<?>> subcommands() {
        java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
        m.put("info", InfoCommand.class);
        m.put("risks", RisksCommand.class);
        m.put("stop", StopCommand.class);
        m.put("screen", ScreenCommand.class);
        m.put("compare", CompareCommand.class);
        m.put("facts", FactsCommand.class);
        m.put("list", ListCommand.class);
        m.put("leaflet", LeafletCommand.class);
        m.put("check", CheckCommand.class);
        m.put("completion", CompletionCommand.class);
        m.put("__complete", CompleteCommand.class);
        return java.util.Collections.unmodifiableMap(m);
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command (try medcounsel --help)");
    }

    /** Reads the version the build wrote into the jar. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Version.class.getResourceAsStream("/medcounsel/version.properties")) {
                if (in != null) p.load(in);
            }
            return new String[] {"medcounsel " + p.getProperty("version", "unknown")};
        }
    }
}
