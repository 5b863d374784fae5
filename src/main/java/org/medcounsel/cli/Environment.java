package org.medcounsel.cli;

import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.Shelf;

/**
 * What the outside world gives a run: files, environment variables, whether output goes to a
 * terminal, the clock, and a way to ask the user questions. Tests pass Jimfs, a fixed map, a
 * fixed clock and a scripted terminal.
 */
public record Environment(
        FileSystem fileSystem,
        Map<String, String> variables,
        boolean terminal,
        Clock clock,
        Prompter prompter,
        InputStream input,
        Formularies formularies) {

    /** Opens the formulary for a list of site shelves: a new one per run, or one kept by the shell. */
    @FunctionalInterface
    public interface Formularies {
        Formulary open(List<Shelf> sitesLowestFirst, Optional<Path> cacheDir);

        /** A fresh formulary every time: what a single run wants. */
        Formularies FRESH = Formulary::withSites;
    }

    /**
     * Where caches go: $XDG_CACHE_HOME/medcounsel, else ~/.cache/medcounsel; empty when neither is
     * set. A relative XDG_CACHE_HOME is ignored, as the XDG spec asks (the launcher and the
     * completion scripts, which find the same folder, do likewise).
     */
    public Optional<Path> cacheDir() {
        if (variable("XDG_CACHE_HOME").startsWith("/")) {
            return Optional.of(fileSystem.getPath(variable("XDG_CACHE_HOME"), "medcounsel"));
        }
        if (!variable("HOME").isBlank()) {
            return Optional.of(fileSystem.getPath(variable("HOME"), ".cache", "medcounsel"));
        }
        return Optional.empty();
    }

    /** A world with the given basics, reading stdin and opening a fresh formulary each time. */
    public static Environment of(
            FileSystem fileSystem, Map<String, String> variables, boolean terminal, Clock clock, Prompter prompter) {
        return new Environment(fileSystem, variables, terminal, clock, prompter, System.in, Formularies.FRESH);
    }

    public Environment {
        variables = Map.copyOf(variables);
    }

    /** The real machine; {@code prompter} asks questions on its terminal. */
    public static Environment system(Prompter prompter) {
        return of(FileSystems.getDefault(), System.getenv(), System.console() != null, Clock.systemUTC(), prompter);
    }

    /**
     * The world as the shell's commands see it: its terminal, its width (as COLUMNS), its prompt
     * and the formularies it keeps between commands.
     */
    public Environment forShell(boolean onTerminal, int columns, Prompter shellPrompter, Formularies kept) {
        Map<String, String> vars = new HashMap<>(variables);
        if (columns > 0) {
            vars.put("COLUMNS", String.valueOf(columns));
        }
        return new Environment(fileSystem, vars, onTerminal, clock, shellPrompter, input, kept);
    }

    /** The same world seen as not a terminal: for output written to files, never coloured. */
    public Environment withoutColour() {
        return new Environment(fileSystem, variables, false, clock, prompter, input, formularies);
    }

    public String variable(String name) {
        return variables.getOrDefault(name, "");
    }
}
