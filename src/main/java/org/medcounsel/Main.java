package org.medcounsel;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.medcounsel.cli.Arguments;
import org.medcounsel.cli.BinaryOut;
import org.medcounsel.cli.Config;
import org.medcounsel.cli.DataOptions;
import org.medcounsel.cli.Diagnostics;
import org.medcounsel.cli.Environment;
import org.medcounsel.cli.Exit;
import org.medcounsel.cli.Failure;
import org.medcounsel.cli.MedcounselCommand;
import org.medcounsel.cli.Pager;
import org.medcounsel.cli.Prompter;
import org.medcounsel.counsel.AnswerException;
import org.medcounsel.render.AtomicFiles;
import org.medcounsel.render.HtmlRenderer;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.SheetException;
import org.medcounsel.sheet.UnknownDrugException;
import org.medcounsel.shell.ShellCommand;
import org.medcounsel.shell.TerminalPrompter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Wiring only: builds the command line, maps every failure to one error line and an exit code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Environment env = Environment.system(new TerminalPrompter());
        // On a terminal a long answer goes through the pager, and so do its notes and errors (as git
        // does), so they are not drawn over the page.
        Optional<Pager> pager = Pager.start(env, Arguments.of(args));
        Stdout stdout = new Stdout(pager.map(Pager::input).orElseGet(() -> new FileOutputStream(FileDescriptor.out)));
        PrintWriter out = new BinaryOut(stdout);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(
                pager.isPresent() ? stdout : new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8));
        int status = run(out, err, env, args);
        out.flush();
        err.flush();
        if (out.checkError() && pager.isEmpty()) {
            // (A reader who quits the pager early has all they wanted.)
            status = stdout.failure(err, status);
        }
        err.flush();
        pager.ifPresent(Pager::finish);
        System.exit(status);
    }

    /**
     * Standard output that remembers why a write failed: PrintWriter only says that one did. A
     * full disk or a closed file is an error (exit 1); a reader that stopped early (`| head`) is
     * not.
     */
    private static final class Stdout extends OutputStream {
        private final OutputStream fd;

        Stdout(OutputStream fd) {
            this.fd = fd;
        }

        private IOException failed;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                fd.write(b, off, len);
            } catch (IOException e) {
                if (failed == null) failed = e;
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            fd.flush();
        }

        int failure(PrintWriter err, int status) {
            String why = failed == null || failed.getMessage() == null ? "" : failed.getMessage();
            if (why.toLowerCase(Locale.ROOT).contains("broken pipe")) {
                return status; // the reader has all it wanted
            }
            new Diagnostics(err)
                    .error("cannot write the output"
                            + (why.isEmpty() ? "" : ": " + why.toLowerCase(Locale.ROOT))
                            + " (the output is incomplete)");
            return status == Exit.OK ? Exit.DATA_ERROR : status;
        }
    }

    /** Runs one command line exactly as {@code main} does; tests and the shell call this. */
    public static int run(PrintWriter out, PrintWriter err, Environment env, String... typed) {
        Arguments arguments = Arguments.of(typed);
        String[] args = arguments.args().toArray(String[]::new);
        int at = arguments.commandIndex();
        String word = at < args.length ? args[at] : null;
        if (word != null
                && !word.startsWith("-")
                && !MedcounselCommand.SUBCOMMANDS.containsKey(word)
                && !word.equals("shell")) {
            report(
                    err,
                    Diagnostics.unknownCommand(
                            word,
                            Diagnostics.commandNames(),
                            Optional.of(Formulary.withSites(List.of(), env.cacheDir())),
                            "run 'medcounsel help' for the list"),
                    null,
                    false);
            return Exit.USAGE;
        }
        // Completion and help describe other commands, and the shell runs them: they need the whole tree.
        String only = word != null
                        && MedcounselCommand.SUBCOMMANDS.containsKey(word)
                        && !Set.of("completion", "help").contains(word)
                ? word
                : null;
        // The config files: checked before anything runs (a bad key or value is one FILE:LINE
        // error); `config` reports them itself, and a Tab press never fails on them.
        Config config = null;
        boolean ownConfig = word != null && Set.of("config", "__complete").contains(word);
        if (!ownConfig) {
            try {
                config = Config.of(env);
            } catch (Failure e) {
                report(err, e.getMessage(), e, debugRequested(args));
                return Exit.DATA_ERROR;
            }
        }
        CommandLine cl = commandLine(out, err, env, debugRequested(args), only);
        if (config != null) {
            Config settings = config;
            cl.setDefaultValueProvider(
                    arg -> arg instanceof CommandLine.Model.OptionSpec o ? settings.defaultFor(o.longestName()) : null);
        }
        // A common option typed before a command that has no such option: say so, naming both
        // (picocli would read it as a stray word and blame the next argument).
        CommandLine sub = word != null ? cl.getSubcommands().get(word) : null;
        if (sub != null) {
            for (String option : arguments.moved()) {
                if (sub.getCommandSpec().findOption(option) == null) {
                    report(
                            err,
                            "'" + word + "' has no " + option + " option (see 'medcounsel help " + word + "')",
                            null,
                            false);
                    return Exit.USAGE;
                }
            }
        }
        return cl.execute(args);
    }

    /** The whole command tree with its writers, error handling and exit codes. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Environment env, boolean debug) {
        return commandLine(out, err, env, debug, null);
    }

    /** What the shell needs of the tool: running a command line, and the command tree for completion. */
    public static final ShellCommand.Commands COMMANDS = new ShellCommand.Commands() {
        @Override
        public int run(PrintWriter out, PrintWriter err, Environment env, String... args) {
            return Main.run(out, err, env, args);
        }

        @Override
        public CommandSpec tree(Environment env) {
            PrintWriter none = new PrintWriter(PrintWriter.nullWriter());
            return commandLine(none, none, env, false).getCommandSpec();
        }
    };

    /**
     * The command tree; with {@code only}, just that subcommand is built, which is what a single
     * run needs and saves most of picocli's start-up work.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, Environment env, boolean debug, String only) {
        CommandLine cl = new CommandLine(MedcounselCommand.class, new Factory(env));
        MedcounselCommand.SUBCOMMANDS.forEach((name, type) -> {
            if (only == null || only.equals(name)) {
                cl.addSubcommand(name, type);
            }
        });
        if (only == null || only.equals("shell")) {
            cl.addSubcommand("shell", ShellCommand.class);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // "@file" arguments would read any file named after an @ (even after --): never.
        cl.setExpandAtFiles(false);
        cl.setExitCodeExceptionMapper(Main::exitCode);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            report(commandLine.getErr(), message(e, env), e, debug);
            return exitCode(e);
        });
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine sub = e.getCommandLine();
            String name = sub.getCommandSpec().qualifiedName();
            report(sub.getErr(), e.getMessage() + " (see '" + name + " --help')", e, debug);
            return Exit.USAGE;
        });
        return cl;
    }

    /**
     * Makes every command and mixin: a command that takes the {@link Environment} in its
     * constructor gets this run's, the shell also gets {@link #COMMANDS}; the rest are made as
     * picocli makes them.
     */
    private record Factory(Environment env) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == ShellCommand.class) {
                return type.cast(new ShellCommand(env, COMMANDS));
            }
            for (java.lang.reflect.Constructor<?> c : type.getDeclaredConstructors()) {
                if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Environment.class) {
                    c.setAccessible(true);
                    return type.cast(c.newInstance(env));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    static int exitCode(Throwable e) {
        if (e instanceof UnknownDrugException) return Exit.UNKNOWN_DRUG;
        if (e instanceof Prompter.Cancel || e instanceof CancellationException) return Exit.INTERRUPTED;
        if (e instanceof CommandLine.ParameterException || e instanceof AnswerException) return Exit.USAGE;
        return Exit.DATA_ERROR;
    }

    private static String message(Throwable e, Environment env) {
        if (e instanceof SheetException s) {
            int more = s.problems().size() - 1;
            return s.getMessage()
                    + DataOptions.origin(env, s.problems().get(0).file())
                    + (more > 0 ? " (and " + more + " more; run 'medcounsel check')" : "");
        }
        if (e instanceof Prompter.Cancel || e instanceof CancellationException) {
            return "cancelled: no report";
        }
        if (e instanceof UnknownDrugException || e instanceof AnswerException || e instanceof Failure) {
            return e.getMessage();
        }
        if (e instanceof HtmlRenderer.TemplateException) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException u) {
            return AtomicFiles.describe(u.getCause());
        }
        if (e instanceof IOException io) {
            return AtomicFiles.describe(io);
        }
        return "internal error: " + e + " (run with --debug for details)";
    }

    private static void report(PrintWriter err, String message, Throwable e, boolean debug) {
        err.println(Diagnostics.line(message));
        if (debug && e != null) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
        err.flush();
    }

    private static boolean debugRequested(String[] args) {
        int end = Arrays.asList(args).indexOf("--");
        return Arrays.asList(args).subList(0, end < 0 ? args.length : end).contains("--debug");
    }
}
