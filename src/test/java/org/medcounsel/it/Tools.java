package org.medcounsel.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Running real programs (bash, zsh, tmux, the launcher) for the integration tests. */
final class Tools {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path LAUNCHER = ROOT.resolve("bin/medcounsel");

    private Tools() {}

    /** Skips the test, with a message, when {@code tool} is not installed. */
    static void require(String tool) {
        assumeTrue(on(tool), "SKIPPED: '" + tool + "' is not installed (apt-get install " + tool
                + "; .ci/run installs it)");
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

    /** Runs a command, returning what it printed (stdout then stderr). */
    static String run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return new String(out, StandardCharsets.UTF_8);
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
            List<String> args = new ArrayList<>(List.of("tmux", "-S", socket, "-f", "/dev/null", "new-session", "-d",
                    "-x", String.valueOf(width), "-y", String.valueOf(height)));
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
                if (System.nanoTime() > end) throw new AssertionError("never shown: " + text + "\n--- pane:\n" + screen);
                Thread.sleep(100);
                screen = screen();
            }
            return screen;
        }

        boolean alive() throws Exception {
            return !Tools.run(dir, env, "tmux", "-S", socket, "has-session", "-t", "0").contains("no server")
                    && Tools.run(dir, env, "tmux", "-S", socket, "list-sessions").contains("0:");
        }

        @Override
        public void close() throws Exception {
            Tools.run(dir, env, "tmux", "-S", socket, "kill-server");
        }
    }
}
