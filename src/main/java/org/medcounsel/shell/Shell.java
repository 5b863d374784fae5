package org.medcounsel.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.builtins.Completers.FileNameCompleter;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;
import org.medcounsel.cli.CompletionTable;
import org.medcounsel.cli.Completions;
import org.medcounsel.cli.DataOptions;
import org.medcounsel.cli.Diagnostics;
import org.medcounsel.cli.Environment;
import org.medcounsel.cli.Exit;
import org.medcounsel.cli.MedcounselCommand;
import org.medcounsel.sheet.Formulary;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The interactive shell: a JLine read loop over the same commands {@code main} runs. */
public final class Shell {
    static final String PROMPT = "medcounsel> ";

    private final Terminal terminal;
    private final Environment env;
    private final ShellCommand.Commands runner;
    private final KeptFormularies formularies = new KeptFormularies();
    private final CommandSpec commands;

    public Shell(Terminal terminal, Environment env, ShellCommand.Commands runner) {
        this.terminal = terminal;
        this.env = env;
        this.runner = runner;
        this.commands = runner.tree(env);
    }

    /** Where history is kept: $XDG_STATE_HOME/medcounsel/history, else ~/.medcounsel_history. */
    static Path historyFile(Environment env) {
        String state = env.variable("XDG_STATE_HOME");
        if (!state.isBlank()) {
            return env.fileSystem().getPath(state, "medcounsel", "history");
        }
        String home = env.variable("HOME").isBlank() ? System.getProperty("user.home") : env.variable("HOME");
        return env.fileSystem().getPath(home, ".medcounsel_history");
    }

    /** Makes the history file (and its folder) readable by its owner only, creating it if need be. */
    static void privateFile(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(owner));
            }
            Files.setPosixFilePermissions(file, owner);
        } catch (IOException | UnsupportedOperationException e) {
            // No private history then (a file system without POSIX permissions); the shell still works.
        }
    }

    /** Reads and runs commands until exit or Ctrl-D. */
    public int run() {
        boolean keepHistory = !env.variable("MEDCOUNSEL_HISTORY").equals("off");
        Path history = historyFile(env);
        if (keepHistory) {
            privateFile(history);
        }
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("medcounsel")
                .completer(new ShellCompleter())
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.CASE_INSENSITIVE, true);
        // Patients' answers pass through the history: owner-only, or off with MEDCOUNSEL_HISTORY=off.
        LineReader reader = keepHistory
                ? builder.variable(LineReader.HISTORY_FILE, history).build()
                : builder.variable(LineReader.DISABLE_HISTORY, true).build();
        LineReader questions = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("medcounsel-ask")
                .variable(LineReader.DISABLE_HISTORY, true)
                .build();
        // Ctrl-C while a command runs must not end the shell; at the prompt it cancels the line.
        terminal.handle(Terminal.Signal.INT, Terminal.SignalHandler.SIG_IGN);
        PrintWriter out = terminal.writer();
        out.println("medcounsel shell: Tab completes, 'help' lists commands, 'exit' or Ctrl-D leaves.");
        out.flush();
        while (true) {
            String line;
            try {
                line = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            List<String> words = command(reader.getParsedLine().words());
            if (line.isBlank() || words.isEmpty() || words.get(0).startsWith("#")) continue;
            String first = words.get(0);
            if (first.equals("exit") || first.equals("quit")) break;
            if (first.equals("clear")) {
                terminal.puts(Capability.clear_screen);
                terminal.flush();
                continue;
            }
            Environment here = env.forShell(true, terminal.getWidth(), new TerminalPrompter(questions), formularies);
            running(here, words);
        }
        worker.shutdownNow();
        return Exit.OK;
    }

    /** Runs the commands one at a time, off the thread that reads the terminal, so Ctrl-C can stop one. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "medcounsel-command");
        t.setDaemon(true);
        return t;
    });

    /**
     * Runs one command; Ctrl-C while it runs cancels it (its thread is interrupted and whatever
     * it still writes is dropped) and brings the prompt back. A leaflet batch stops between
     * files, so it leaves only whole ones.
     */
    private void running(Environment here, List<String> words) {
        AtomicBoolean cancelled = new AtomicBoolean();
        PrintWriter out = new PrintWriter(new Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                if (!cancelled.get()) terminal.writer().write(buf, off, len);
            }

            @Override
            public void flush() {
                if (!cancelled.get()) terminal.writer().flush();
            }

            @Override
            public void close() {}
        });
        Future<Integer> command = worker.submit(() -> run(runner, out, out, here, words));
        Terminal.SignalHandler before = terminal.handle(Terminal.Signal.INT, signal -> {
            cancelled.set(true);
            command.cancel(true);
        });
        try {
            command.get();
        } catch (CancellationException e) {
            // A cancelled command stops at its next safe point (a leaflet being written is
            // finished whole): the prompt comes back once it has, so nothing is written after.
            awaitStopped();
            terminal.writer().println();
            new Diagnostics(terminal.writer()).error("cancelled");
        } catch (ExecutionException e) {
            new Diagnostics(terminal.writer()).error("internal error: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            terminal.handle(Terminal.Signal.INT, before);
        }
    }

    /** Waits until the worker has left the cancelled command: it runs one command at a time. */
    private void awaitStopped() {
        try {
            worker.submit(() -> {}).get();
        } catch (ExecutionException | CancellationException impossible) {
            // An empty task neither fails nor is cancelled.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Which of two exit codes is the more serious outcome of a script: do-not-start first (a
     * patient must not start), then any failure to run (1, 2, 3, 130), then caution, then
     * incomplete, then success.
     */
    static int moreSerious(int a, int b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(int code) {
        switch (code) {
            case Exit.OK:
                return 0;
            case Exit.INCOMPLETE:
                return 1;
            case Exit.CAUTION:
                return 2;
            case Exit.DO_NOT_START:
                return 4;
            default:
                return 3;
        }
    }

    /** The shell's own words, beside the commands. */
    static final List<String> OWN_WORDS = List.of("help", "clear", "exit");

    /**
     * The words of a line as a command: empty words dropped, and a leading {@code medcounsel}
     * (a line pasted from the README or a terminal) ignored.
     */
    static List<String> command(List<String> typed) {
        List<String> words = typed.stream().filter(w -> !w.isEmpty()).toList();
        return !words.isEmpty() && words.get(0).equals("medcounsel") ? words.subList(1, words.size()) : words;
    }

    /**
     * Runs one command; the shell itself is not run again inside the shell. {@code help} alone
     * also names the shell's own words; a word that is no command says so, in the shell's terms.
     */
    static int run(
            ShellCommand.Commands runner, PrintWriter out, PrintWriter err, Environment env, List<String> words) {
        String first = words.get(0);
        if (first.equals("shell")) {
            new Diagnostics(err).error("already in the shell");
            return Exit.USAGE;
        }
        if (!first.startsWith("-") && !OWN_WORDS.contains(first) && !MedcounselCommand.SUBCOMMANDS.containsKey(first)) {
            List<String> known = new ArrayList<>(MedcounselCommand.SUBCOMMANDS.keySet());
            known.remove("__complete");
            known.addAll(OWN_WORDS);
            new Diagnostics(err)
                    .error(Diagnostics.unknownCommand(
                            first, known, Optional.of(env.formularies().open(List.of(), env.cacheDir())), "type help"));
            return Exit.USAGE;
        }
        int code;
        try {
            code = runner.run(out, err, env, words.toArray(String[]::new));
        } catch (Error e) {
            // A rebuilt jar, a runaway template or a huge line: one line, and the shell goes on.
            new Diagnostics(err).error("internal error: " + e);
            code = Exit.DATA_ERROR;
        }
        if (words.equals(List.of("help"))) {
            out.println();
            out.println("In the shell:");
            out.println("  help COMMAND  one command's options and examples");
            out.println("  clear         clear the screen");
            out.println("  exit          leave the shell (or Ctrl-D); Ctrl-C clears the line or stops a command");
        }
        out.flush();
        err.flush();
        return code;
    }

    /** Completes commands, options, their values and drug names from the sheets this shell has open. */
    private final class ShellCompleter implements Completer {
        private final FileNameCompleter files = new FileNameCompleter();

        @Override
        public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
            List<String> words = line.words();
            int index = line.wordIndex();
            if (index == 0) {
                Completions.visible(commands).forEach(c -> candidates.add(new Candidate(c.name())));
                OWN_WORDS.forEach(w -> candidates.add(new Candidate(w)));
                return;
            }
            CommandLine sub = commands.commandLine().getSubcommands().get(words.get(0));
            if (sub == null) return;
            CommandSpec spec = sub.getCommandSpec();
            String current = line.word();
            OptionSpec previous = spec.findOption(words.get(index - 1));
            if (previous != null && previous.arity().max() > 0) {
                values(reader, line, previous, candidates);
            } else if (current.startsWith("-")) {
                Completions.optionNames(spec).forEach(n -> candidates.add(new Candidate(n)));
            } else if (!spec.positionalParameters().isEmpty()) {
                values(reader, line, spec.positionalParameters().get(0), candidates);
            }
        }

        private void values(LineReader reader, ParsedLine line, ArgSpec arg, List<Candidate> candidates) {
            switch (Completions.kind(arg)) {
                case DRUG:
                    // Any case, as printed on the pack, each described by its generic name or brands.
                    CompletionTable.drugs(formulary(line.words()))
                            .forEach(o -> candidates.add(
                                    new Candidate(o.word(), o.word(), null, o.description(), null, null, true)));
                    break;
                case FACT:
                    // A key, then after "KEY=" its values.
                    String typed = line.word().substring(0, line.wordCursor());
                    CompletionTable.facts(formulary(line.words()), typed)
                            .forEach(o -> candidates.add(new Candidate(
                                    o.word(),
                                    o.word(),
                                    null,
                                    o.description(),
                                    null,
                                    null,
                                    !o.word().endsWith("="))));
                    break;
                case WORDS:
                    Completions.words(arg).forEach(w -> candidates.add(new Candidate(w)));
                    break;
                case DIRECTORY:
                case FILE:
                    files.complete(reader, line, candidates);
                    break;
                default:
                    break;
            }
        }

        /** The formulary the command being typed will use: its --data folders and MEDCOUNSEL_DATA. */
        private Formulary formulary(List<String> words) {
            List<String> folders = new ArrayList<>();
            for (int i = 0; i + 1 < words.size(); i++) {
                if (words.get(i).equals("--data")) folders.add(words.get(i + 1));
            }
            return formularies.open(DataOptions.shelvesForCompletion(env, folders), env.cacheDir());
        }
    }
}
