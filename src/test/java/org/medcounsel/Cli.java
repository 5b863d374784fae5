package org.medcounsel;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.medcounsel.cli.Environment;
import org.medcounsel.cli.Prompter;

/**
 * Runs medcounsel the way a user does (arguments in; exit code, stdout and stderr out) against a
 * Jimfs file tree, a fixed clock and chosen environment variables.
 */
public final class Cli {
    /** The date every test runs on. */
    public static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    public final FileSystem fs;
    private final Map<String, String> env = new HashMap<>();

    public Cli() {
        this(Long.MAX_VALUE);
    }

    /** A file system that holds at most {@code maxBytes}: a small disk that fills up. */
    public Cli(long maxBytes) {
        Configuration.Builder config = Configuration.unix().toBuilder()
                .setWorkingDirectory("/work")
                .setAttributeViews("basic", "owner", "posix", "unix")
                // Files belong to whoever runs the tests, as files one makes oneself do.
                .setDefaultAttributeValue("owner:owner", System.getProperty("user.name"));
        if (maxBytes != Long.MAX_VALUE) {
            config.setBlockSize(1024).setMaxSize(maxBytes);
        }
        fs = Jimfs.newFileSystem(config.build());
    }

    private boolean terminal;
    private Prompter prompter = Prompter.NONE;

    private String input = "";
    private Environment.Formularies formularies = Environment.Formularies.FRESH;

    /**
     * How a run opens its sheets: a fresh formulary each run (the default, as a single command
     * does), or one kept across runs, as the shell keeps it.
     */
    public Cli formularies(Environment.Formularies formularies) {
        this.formularies = formularies;
        return this;
    }

    /** What the command reads on stdin. */
    public Cli input(String text) {
        this.input = text;
        return this;
    }

    public Cli prompter(Prompter prompter) {
        this.prompter = prompter;
        return this;
    }

    public Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Cli terminal(boolean terminal) {
        this.terminal = terminal;
        return this;
    }

    /** Writes a file under the Jimfs working directory, creating folders. */
    public Path write(String path, String content) {
        return write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public Path write(String path, byte[] content) {
        try {
            Path p = fs.getPath(path);
            if (p.getParent() != null) Files.createDirectories(p.getParent());
            return Files.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The world a run sees: this file tree, these variables, the fixed clock. */
    public Environment environment() {
        return new Environment(
                fs,
                env,
                terminal,
                Clock.fixed(NOW, ZoneOffset.UTC),
                prompter,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                formularies);
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment environment = environment();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), environment, args);
        return new Result(code, out.toString(), err.toString());
    }

    /** What a run gave back. */
    public record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
