package org.medcounsel.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.medcounsel.cli.Diagnostics;
import org.medcounsel.cli.Environment;
import org.medcounsel.cli.Exit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code medcounsel shell}: many commands in one process. On a terminal, an interactive JLine
 * shell; otherwise it reads commands from stdin, one a line, which is the fast path for scripts.
 */
@Command(
        name = "shell",
        mixinStandardHelpOptions = true,
        description = {
            "Run many commands in one process, with the sheets loaded once.",
            "On a terminal: an interactive shell with Tab completion and history (help, clear, exit; Ctrl-D leaves,"
                    + " Ctrl-C cancels the line, or the command running).",
            "Otherwise: reads commands from stdin, one a line (blank lines and # comments skipped)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every command succeeded (or the interactive shell was left)",
            "N:otherwise the most serious outcome of the script: 12 (do not start), then a failure (1, 2, 3),"
                    + " then 11 (caution), then 10 (incomplete)"
        },
        footerHeading = "%nExamples:%n",
        footer = {"  medcounsel shell", "  printf 'info olumiant\\nrisks olumiant\\n' | medcounsel shell"})
public final class ShellCommand implements Callable<Integer> {
    /** What the shell needs of the tool, handed in by the wiring (the shell never imports it). */
    public interface Commands {
        /** Runs one command line, exactly as {@code main} would. */
        int run(PrintWriter out, PrintWriter err, Environment env, String... args);

        /** The whole command tree, for completion and help. */
        CommandSpec tree(Environment env);
    }

    private final Environment env;
    private final Commands runner;

    @Spec
    CommandSpec spec;

    public ShellCommand(Environment env, Commands runner) {
        this.env = env;
        this.runner = runner;
    }

    @Override
    public Integer call() throws IOException {
        if (env.terminal()) {
            try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                return new Shell(terminal, env, runner).run();
            }
        }
        return script();
    }

    /** Reads commands from stdin; returns 0 if all succeeded, else the last failure's code. */
    int script() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Environment kept = env.forShell(false, 0, env.prompter(), new KeptFormularies());
        DefaultParser parser = new DefaultParser();
        int status = Exit.OK;
        BufferedReader in = new BufferedReader(new InputStreamReader(env.input(), StandardCharsets.UTF_8));
        int lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
            List<String> words;
            try {
                words = Shell.command(parser.parse(trimmed, trimmed.length()).words());
            } catch (RuntimeException e) {
                new Diagnostics(err).error("stdin:" + lineNumber + ": cannot read the command: " + e.getMessage());
                status = Shell.moreSerious(status, Exit.USAGE);
                continue;
            }
            if (words.isEmpty()) continue;
            if (words.get(0).equals("exit") || words.get(0).equals("quit")) break;
            // Each error and note names the script's line: "medcounsel: stdin:3: no drug sheet for ...".
            StringWriter said = new StringWriter();
            int code = Shell.run(runner, out, new PrintWriter(said), kept, words);
            for (String message : said.toString().lines().toList()) {
                err.println(
                        message.startsWith(Diagnostics.PREFIX)
                                ? Diagnostics.PREFIX + "stdin:" + lineNumber + ": "
                                        + message.substring(Diagnostics.PREFIX.length())
                                : message);
            }
            err.flush();
            status = Shell.moreSerious(status, code);
        }
        return status;
    }
}
