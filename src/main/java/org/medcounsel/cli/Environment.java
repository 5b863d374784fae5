package org.medcounsel.cli;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.time.Clock;
import java.util.Map;

/**
 * What the outside world gives a run: files, environment variables, whether output goes to a
 * terminal, and the clock. Tests pass Jimfs, a fixed map and a fixed clock.
 */
public record Environment(FileSystem fileSystem, Map<String, String> variables, boolean terminal, Clock clock) {

    public Environment {
        variables = Map.copyOf(variables);
    }

    /** The real machine. */
    public static Environment system() {
        return new Environment(FileSystems.getDefault(), System.getenv(), System.console() != null,
                Clock.systemDefaultZone());
    }

    public String variable(String name) {
        return variables.getOrDefault(name, "");
    }
}
