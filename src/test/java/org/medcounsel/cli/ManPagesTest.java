package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcounsel.Cli;
import org.medcounsel.Main;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * The man pages are written from the command model (picocli's man page generator, then
 * asciidoctor) and committed in src/main/man/, as the completion scripts are: a change to a
 * command that is not carried into them fails here. {@code -Dman.update=true} rewrites them.
 */
class ManPagesTest {
    static final Path MAN = Path.of("src/main/man");
    static final boolean UPDATE = Boolean.getBoolean("man.update");

    /** The tool and each of its visible commands. */
    static List<CommandSpec> pages() {
        CommandSpec root = Main.commandLine(
                        new PrintWriter(PrintWriter.nullWriter()),
                        new PrintWriter(PrintWriter.nullWriter()),
                        new Cli().environment(),
                        false)
                .getCommandSpec();
        List<CommandSpec> all = new ArrayList<>(List.of(root));
        all.addAll(Completions.visible(root));
        // The pages name the version only: --version's build time and data would change them every build.
        String version = "medcounsel " + root.version()[0].split(" ")[1];
        for (CommandSpec spec : all) {
            spec.versionProvider(null);
            spec.version(version);
        }
        return all;
    }

    static String name(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    @Test
    void theAsciiDocOfEveryPageIsWhatTheCommandsSay() throws Exception {
        for (CommandSpec spec : pages()) {
            StringWriter adoc = new StringWriter();
            ManPageGenerator.writeSingleManPage(new PrintWriter(adoc), spec);
            Path file = MAN.resolve("adoc/" + name(spec) + ".adoc");
            if (UPDATE) Files.writeString(file, adoc.toString(), StandardCharsets.UTF_8);
            assertEquals(
                    Files.readString(file, StandardCharsets.UTF_8),
                    adoc.toString(),
                    file + " is stale: run mvn test -Dtest=ManPagesTest -Dman.update=true");
        }
    }

    @Test
    void everyPageTellsExitStatusAndExamplesAndTheToolsPageItsEnvironmentAndFiles() throws Exception {
        String tool = Files.readString(MAN.resolve("man1/medcounsel.1"));
        for (String section : new String[] {
            ".SH \"EXIT CODES:\"", ".SH \"ENVIRONMENT\"", ".SH \"FILES\"", "Examples:", ".SH \"COMMANDS\""
        }) {
            assertTrue(tool.contains(section), "medcounsel.1 has " + section);
        }
        for (CommandSpec spec : pages()) {
            String page = Files.readString(MAN.resolve("man1/" + name(spec) + ".1"));
            assertTrue(page.contains("Examples:") || page.contains(".SH \"EXAMPLES:\""), name(spec) + " has examples");
            String title = name(spec).toUpperCase(Locale.ROOT).replace("-", "\\-");
            assertTrue(page.contains(".TH \"" + title + "\" \"1\""), name(spec) + " is a section 1 page");
        }
    }

    /** The committed troff pages are the AsciiDoc rendered by asciidoctor (the tool's page through its template). */
    @Test
    void theTroffPagesAreTheAsciiDocRendered(@TempDir Path tmp) throws Exception {
        Path asciidoctor = Path.of("/usr/bin/asciidoctor");
        String message = "asciidoctor is not installed (apt-get install asciidoctor); .ci/run installs it";
        if ("true".equals(System.getenv("CI"))) assertTrue(Files.isExecutable(asciidoctor), message);
        assumeTrue(Files.isExecutable(asciidoctor), "SKIPPED: " + message);
        for (CommandSpec spec : pages()) {
            String name = name(spec);
            Path source =
                    name.equals("medcounsel") ? MAN.resolve("medcounsel.adoc") : MAN.resolve("adoc/" + name + ".adoc");
            Path out = tmp.resolve(name + ".1");
            Process p = new ProcessBuilder(
                            asciidoctor.toString(),
                            "-b",
                            "manpage",
                            "-a",
                            "reproducible",
                            "-o",
                            out.toString(),
                            source.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("log").toFile())
                    .start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, Files.readString(tmp.resolve("log")));
            assertEquals("", Files.readString(tmp.resolve("log")), "asciidoctor warned about " + source);
            String troff = Files.readString(out);
            Path committed = MAN.resolve("man1/" + name + ".1");
            if (UPDATE) Files.writeString(committed, troff, StandardCharsets.UTF_8);
            assertEquals(
                    Files.readString(committed),
                    troff,
                    committed + " is stale: run mvn test -Dtest=ManPagesTest -Dman.update=true");
        }
    }
}
