package org.medcounsel.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pager a long answer goes through on a terminal, as git does it: {@code MEDCOUNSEL_PAGER},
 * else {@code PAGER}, else {@code less}, with {@code LESS=FRX} unless the user set LESS (so a short
 * answer prints and returns at once, colours and links pass through, and the text stays on the
 * screen after quitting). Empty or {@code cat} means no pager.
 */
public final class Pager {
    /** The commands whose output may be paged: never the shell, --ask, completion or leaflet files. */
    static final Set<String> PAGED =
            Set.of("info", "brief", "risks", "stop", "screen", "compare", "search", "facts", "list", "check", "help");

    private final Process process;

    private Pager(Process process) {
        this.process = process;
    }

    /** What the pager reads: the command's output. */
    public OutputStream input() {
        return process.getOutputStream();
    }

    /** Ends the output and waits until the reader quits the pager. */
    public void finish() {
        try {
            process.getOutputStream().close();
        } catch (IOException readerQuit) {
            // The reader quit before the end: nothing more to show.
        }
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The pager for this command line on this terminal, started; empty when the output is not
     * for a terminal, the command is not paged, the user asked for none, or it cannot start.
     */
    public static Optional<Pager> start(Environment env, Arguments arguments) {
        List<String> args = arguments.args();
        if (arguments.noPager()
                || !env.terminal()
                || args.isEmpty()
                || !PAGED.contains(args.get(0))
                || args.contains("--ask")) {
            return Optional.empty();
        }
        String command = command(env);
        if (command.isBlank() || command.strip().equals("cat") || !found(command.strip(), env)) {
            return Optional.empty();
        }
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putIfAbsent("LESS", "FRX");
        builder.environment().putIfAbsent("LV", "-c");
        try {
            Pager pager = new Pager(builder.start());
            // Ctrl-C ends the command, not the page: the terminal goes back to the shell only
            // after the reader quits the pager.
            Runtime.getRuntime().addShutdownHook(new Thread(pager::finish));
            return Optional.of(pager);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * MEDCOUNSEL_PAGER, else PAGER, else the config file's pager, else less; a variable set to
     * nothing means no pager. A config file that cannot be read is reported by the command itself.
     */
    static String command(Environment env) {
        for (String name : List.of("MEDCOUNSEL_PAGER", "PAGER")) {
            if (env.variables().containsKey(name)) {
                return env.variable(name);
            }
        }
        try {
            return Config.of(env).pager().orElse("less");
        } catch (RuntimeException broken) {
            return "less";
        }
    }

    /** A pager named by one word must be on PATH; anything longer is left to the shell. */
    private static boolean found(String command, Environment env) {
        if (command.contains(" ") || command.contains("/")) {
            return true;
        }
        for (String dir : env.variable("PATH").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
