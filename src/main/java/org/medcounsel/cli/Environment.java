package org.medcounsel.cli;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.time.Clock;
import java.util.Map;

/**
 * What the outside world gives a run: files, environment variables, whether output goes to a
 * terminal, the clock, and a way to ask the user questions. Tests pass Jimfs, a fixed map, a
 * fixed clock and a scripted terminal.
 */
public record Environment(FileSystem fileSystem, Map<String, String> variables, boolean terminal, Clock clock,
        Prompter prompter) {

    public Environment {
        variables = Map.copyOf(variables);
    }

    /** The real machine; {@code prompter} asks questions on its terminal. */
    public static Environment system(Prompter prompter) {
        return new Environment(FileSystems.getDefault(), System.getenv(), System.console() != null,
                Clock.systemDefaultZone(), prompter);
    }

    /** The same world with another way of asking questions (the shell's own line reader). */
    public Environment withPrompter(Prompter other) {
        return new Environment(fileSystem, variables, terminal, clock, other);
    }

    /** The same world seen as not a terminal: for output written to files, never coloured. */
    public Environment withoutColour() {
        return new Environment(fileSystem, variables, false, clock, prompter);
    }

    public String variable(String name) {
        return variables.getOrDefault(name, "");
    }
}
