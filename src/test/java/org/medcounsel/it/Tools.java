package org.medcounsel.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Running real programs (bash, zsh, tmux, the launcher) for the integration tests. */
final class Tools {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path LAUNCHER = ROOT.resolve("bin/medcounsel");

    private Tools() {}

    /**
     * Skips the test, with a message, when {@code tool} is not installed; under {@code CI=true} a
     * missing tool fails it instead, so CI never goes green with its real-world tests skipped.
     */
    static void require(String tool) {
        String message = "'" + tool + "' is not installed (apt-get install " + tool + "; .ci/run installs it)";
        if ("true".equals(System.getenv("CI")) && !on(tool)) {
            throw new AssertionError("CI=true, but " + message);
        }
        assumeTrue(on(tool), "SKIPPED: " + message);
    }

    static boolean on(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    /** A folder holding a {@code medcounsel} command (the launcher), to put first on PATH. */
    static Path binDir(Path tmp) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path link = bin.resolve("medcounsel");
        if (!Files.exists(link)) Files.createSymbolicLink(link, LAUNCHER);
        return bin;
    }

    /** A private home for every command the tests run, removed with the JVM's temporary files. */
    static final Path WORLD = world();

    private static Path world() {
        try {
            Path dir = Files.createTempDirectory("medcounsel-it");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path synthetic;

    /**
     * A site folder of 4,000 generated sheets (bench/GenerateFormulary.java), made once per test
     * JVM and shared: the tests that read it never write into it.
     */
    static synchronized Path syntheticSheets() throws Exception {
        if (synthetic == null) {
            Path sheets = WORLD.resolve("synthetic-sheets");
            run(
                    ROOT,
                    Map.of(),
                    "java",
                    ROOT.resolve("bench/GenerateFormulary.java").toString(),
                    sheets.toString(),
                    "4000");
            synthetic = sheets;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Stream<Path> all = Files.walk(sheets)) {
                    all.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // left in the temporary folder
                }
            }));
        }
        return synthetic;
    }

    /** How long any one command may take before the test fails (and the command is killed). */
    static final long TIMEOUT_SECONDS = 120;

    /**
     * The environment a test's commands get: the caller's variables over a private world, so a
     * test never writes the real caches, state or history and never leaves a background JVM (the
     * launcher's class-data training run is off).
     */
    static Map<String, String> isolated(Map<String, String> env) {
        Map<String, String> all = new HashMap<>();
        all.put("HOME", WORLD.toString());
        all.put("XDG_CACHE_HOME", WORLD.resolve("cache").toString());
        all.put("XDG_STATE_HOME", WORLD.resolve("state").toString());
        all.put("XDG_CONFIG_HOME", WORLD.resolve("config").toString());
        all.put("MEDCOUNSEL_CDS", "off");
        // A developer's or CI machine's own locale must not choose the language the tests read.
        for (String name : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank() && !value.matches("(C|POSIX|en)([._@-].*)?")) {
                all.put(name, "C.UTF-8");
            }
        }
        all.putAll(env);
        return all;
    }

    /**
     * Runs a command, returning what it printed (stdout then stderr). Output goes to a file, so a
     * command that never closes its output cannot hang the test: after {@link #TIMEOUT_SECONDS}
     * the command and everything it started are killed and the test fails.
     */
    static String run(Path dir, Map<String, String> env, String... command) throws Exception {
        return run(dir, env, null, TIMEOUT_SECONDS, command);
    }

    /**
     * As {@link #run}, with {@code input} (when not null) as the command's stdin and its own time
     * limit: a script of many commands in one process may take longer than one command.
     */
    static String run(Path dir, Map<String, String> env, String input, long timeoutSeconds, String... command)
            throws Exception {
        Path log = Files.createTempFile(WORLD, "out", ".log");
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Path stdin = null;
        if (input != null) {
            stdin = Files.writeString(Files.createTempFile(WORLD, "in", ".txt"), input, StandardCharsets.UTF_8);
            pb.redirectInput(stdin.toFile());
        }
        pb.environment().putAll(isolated(env));
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        if (stdin != null) Files.delete(stdin);
        return out;
    }

    /** A tmux session on its own server socket, so tests never touch a user's tmux. */
    static final class Tmux implements AutoCloseable {
        final String socket;
        final Path dir;
        final Map<String, String> env;

        Tmux(Path dir, Map<String, String> env, int width, int height, String... command) throws Exception {
            this.dir = dir;
            this.env = env;
            this.socket = dir.resolve("tmux.sock").toString();
            List<String> args = new ArrayList<>(List.of(
                    "tmux",
                    "-S",
                    socket,
                    "-f",
                    "/dev/null",
                    "new-session",
                    "-d",
                    "-x",
                    String.valueOf(width),
                    "-y",
                    String.valueOf(height)));
            args.addAll(List.of(command));
            Tools.run(dir, env, args.toArray(String[]::new));
        }

        void keys(String... keys) throws Exception {
            List<String> args = new ArrayList<>(List.of("tmux", "-S", socket, "send-keys", "-t", "0"));
            args.addAll(List.of(keys));
            Tools.run(dir, env, args.toArray(String[]::new));
        }

        /** Types text literally (no key names). */
        void type(String text) throws Exception {
            Tools.run(dir, env, "tmux", "-S", socket, "send-keys", "-t", "0", "-l", text);
        }

        String screen() throws Exception {
            return Tools.run(dir, env, "tmux", "-S", socket, "capture-pane", "-p", "-J", "-S", "-200", "-t", "0");
        }

        /** Waits until the pane shows {@code text}; returns the pane. */
        String await(String text) throws Exception {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String screen = screen();
            while (!screen.contains(text)) {
                if (System.nanoTime() > end)
                    throw new AssertionError("never shown: " + text + "\n--- pane:\n" + screen);
                Thread.sleep(100);
                screen = screen();
            }
            return screen;
        }

        boolean alive() throws Exception {
            return !Tools.run(dir, env, "tmux", "-S", socket, "has-session", "-t", "0")
                            .contains("no server")
                    && Tools.run(dir, env, "tmux", "-S", socket, "list-sessions")
                            .contains("0:");
        }

        @Override
        public void close() throws IOException {
            try {
                // The shell and everything it started, so none of them is still writing into the
                // test's folder when JUnit removes it.
                List<ProcessHandle> started = new ArrayList<>();
                for (String pid : Tools.run(dir, env, "tmux", "-S", socket, "list-panes", "-a", "-F", "#{pane_pid}")
                        .lines()
                        .filter(l -> l.matches("\\d+"))
                        .toList()) {
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(p -> {
                        started.add(p);
                        p.descendants().forEach(started::add);
                    });
                }
                Tools.run(dir, env, "tmux", "-S", socket, "kill-server");
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                for (ProcessHandle p : started) {
                    while (p.isAlive() && System.nanoTime() < end) Thread.sleep(20);
                    if (p.isAlive()) p.destroyForcibly();
                }
            } catch (Exception e) {
                throw new IOException("could not stop tmux", e);
            }
        }
    }
}
