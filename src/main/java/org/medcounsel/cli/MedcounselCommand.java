package org.medcounsel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.medcounsel.render.Terminal;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.Shelves;
import picocli.CommandLine;
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
        customSynopsis = "medcounsel [COMMON OPTIONS] COMMAND [ARGS]...",
        footerHeading =
                "%nThe options above go before or after the command; so do these, where the command has them:%n",
        footer = {
            "  --format F     the output format (each command's help lists the ones it writes)",
            "  --lang L       the language to show, such as es or zh-Hans",
            "",
            "Examples:",
            "  medcounsel help info",
            "  medcounsel info olumiant",
            "  medcounsel risks baricitinib --width 60",
            "  medcounsel screen selumetinib",
            "  medcounsel list --data /srv/pharmacy/sheets"
        })
public final class MedcounselCommand implements Callable<Integer> {
    /**
     * The subcommands by name, in help order. Main registers only the one a run names (building a
     * command's model is most of picocli's start-up cost), or all of them when help needs them.
     */
    public static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("info", InfoCommand.class);
        m.put("brief", BriefCommand.class);
        m.put("risks", RisksCommand.class);
        m.put("stop", StopCommand.class);
        m.put("screen", ScreenCommand.class);
        m.put("questionnaire", QuestionnaireCommand.class);
        m.put("compare", CompareCommand.class);
        m.put("search", SearchCommand.class);
        m.put("facts", FactsCommand.class);
        m.put("list", ListCommand.class);
        m.put("leaflet", LeafletCommand.class);
        m.put("check", CheckCommand.class);
        m.put("config", ConfigCommand.class);
        m.put("help", HelpCommand.class);
        m.put("completion", CompletionCommand.class);
        m.put("__complete", CompleteCommand.class);
        return Collections.unmodifiableMap(m);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The options every command takes, before or after its name. */
    @CommandLine.Mixin
    CommonOptions common;

    /** No command: the short usage (synopsis, description, command list) and a usage-error exit. */
    @Override
    public Integer call() {
        CommandLine.Help help = spec.commandLine().getHelp();
        PrintWriter out = spec.commandLine().getOut();
        out.print(help.synopsisHeading());
        out.print(help.synopsis(help.synopsisHeadingLength()));
        out.print(help.description());
        out.println();
        out.print(help.commandListHeading());
        out.print(help.commandList());
        out.println();
        out.println("Run 'medcounsel help COMMAND' for a command's options and examples.");
        out.flush();
        return Exit.USAGE;
    }

    /** The commands a user may type, in help order (hidden ones left out). */
    public static List<String> visible(CommandLine top) {
        return top.getSubcommands().entrySet().stream()
                .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden())
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * {@code --version}: the tool's version and build, the Java runtime it runs on, and the data:
     * how many drug and class sheets, from which folders, reviewed between which dates.
     */
    static final class Version implements IVersionProvider {
        private final Environment env;

        Version(Environment env) {
            this.env = env;
        }

        /** The build's properties: version and build time. */
        static Properties build() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Version.class.getResourceAsStream("/medcounsel/version.properties")) {
                if (in != null) p.load(in);
            }
            return p;
        }

        /** "medcounsel 0.1.0": the tool and its version, as records name it. */
        static String tool() throws IOException {
            return "medcounsel " + build().getProperty("version", "unknown");
        }

        @Override
        public String[] getVersion() throws IOException {
            Properties p = build();
            List<String> lines = new ArrayList<>();
            lines.add("medcounsel " + p.getProperty("version", "unknown") + " (built "
                    + p.getProperty("built", "unknown") + ")");
            lines.add("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                    + System.getProperty("java.home") + ")");
            try {
                Formulary formulary =
                        env.formularies().open(DataOptions.shelvesForCompletion(env, List.of()), env.cacheDir());
                int drugs = 0;
                int classes = 0;
                List<String> shelves = new ArrayList<>();
                for (Shelves.Summary s : formulary.summary()) {
                    drugs += s.drugs();
                    classes += s.classes();
                    String where = s.folder().isEmpty()
                            ? "bundled"
                            : s.folder() + (s.origin().isEmpty() ? "" : " (from " + s.origin() + ")");
                    String dates = s.oldest() == null
                            ? "no review dates"
                            : s.oldest().equals(s.newest())
                                    ? "reviewed " + s.oldest()
                                    : "reviewed " + s.oldest() + " to " + s.newest();
                    String translated = s.translations().isEmpty()
                            ? ""
                            : "; translated into "
                                    + String.join(
                                            ", ",
                                            s.translations().entrySet().stream()
                                                    .map(t -> t.getKey() + " (" + count(t.getValue(), "drug") + ")")
                                                    .toList());
                    shelves.add("  " + where + ": " + count(s.drugs(), "drug sheet") + ", "
                            + count(s.classes(), "class sheet") + ", " + dates + translated);
                }
                lines.add("Data: " + count(drugs, "drug sheet") + " and " + count(classes, "class sheet"));
                lines.addAll(shelves);
            } catch (RuntimeException e) {
                lines.add("Data: cannot be read (" + e.getMessage() + "; run 'medcounsel check')");
            }
            return lines.stream().map(Terminal::safe).toArray(String[]::new);
        }

        private static String count(int n, String thing) {
            return n + " " + thing + (n == 1 ? "" : "s");
        }
    }
}
