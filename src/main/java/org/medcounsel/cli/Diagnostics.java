package org.medcounsel.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.medcounsel.render.Terminal;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.Names;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one way the tool speaks on stderr. Every line starts {@code medcounsel: }, is one line,
 * and is made safe for the terminal here, so no caller writes the prefix or the sanitiser
 * itself: an error ({@code medcounsel: …}), a note ({@code medcounsel: note: …}) or a warning
 * ({@code medcounsel: warning: …}). Script mode reads the prefix to put the line number after it.
 */
public final class Diagnostics {
    /** What begins every line the tool writes to stderr. */
    public static final String PREFIX = "medcounsel: ";

    private final PrintWriter err;

    public Diagnostics(PrintWriter err) {
        this.err = err;
    }

    /** The channel of the command that {@code spec} describes (or of the command a mixin is in). */
    public static Diagnostics of(CommandSpec spec) {
        return new Diagnostics(spec.commandLine().getErr());
    }

    /** {@code medcounsel: message}: what went wrong, in one line. */
    public void error(String message) {
        say(message);
    }

    /** {@code medcounsel: note: message}: something the user should know; the answer stands. */
    public void note(String message) {
        say("note: " + message);
    }

    /** {@code medcounsel: warning: message}: the answer may be wrong or out of date. */
    public void warning(String message) {
        say("warning: " + message);
    }

    private void say(String message) {
        err.println(line(message));
        err.flush();
    }

    /** {@code message} as the one line the tool writes: prefixed, on one line, safe for a terminal. */
    public static String line(String message) {
        return PREFIX + Terminal.safe(message.replace('\n', ' '));
    }

    /**
     * The one answer to a word that is not a command: the nearest command, else (for a bundled
     * drug's name) the commands that read about it, else where the list is. {@code listHint}
     * says where the list is in the caller's terms ("run 'medcounsel help' for the list").
     */
    public static String unknownCommand(
            String word, Collection<String> commands, Optional<Formulary> bundled, String listHint) {
        String near = Names.didYouMean(word, commands);
        if (!near.isEmpty()) {
            return "unknown command '" + word + "'" + near;
        }
        if (bundled.isPresent()) {
            try {
                bundled.get().resolve(word);
                return "'" + word + "' is a drug, not a command (try 'medcounsel info " + word
                        + "' or 'medcounsel brief " + word + "')";
            } catch (RuntimeException notADrug) {
                // not a drug either
            }
        }
        return "unknown command '" + word + "' (" + listHint + ")";
    }

    /** The commands a user may type at the command line, in help order. */
    public static List<String> commandNames() {
        List<String> names = new ArrayList<>(MedcounselCommand.SUBCOMMANDS.keySet());
        names.remove("__complete");
        names.add("shell");
        return names;
    }
}
