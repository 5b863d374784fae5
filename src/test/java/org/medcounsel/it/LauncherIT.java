package org.medcounsel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/medcounsel itself: building (one build at a time, never for a completion, a stale jar still runs
 * without Maven, the log kept out of the repository, no rebuild loop from clock skew) and starting
 * (no HOME, a ':' in the path, a 1.5 GB address-space limit, an abandoned class-data lock, the
 * JVM's own archive on java 19 and later).
 */
class LauncherIT {
    static final String GUIDANCE = "Baricitinib (Olumiant) - About this medicine";
    static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path tmp;

    /** What one run of the launcher did. */
    record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }
    }

    /**
     * Runs {@code command} in bash after the shell lines {@code setup} (ulimit, unset), with the
     * isolated test environment plus {@code env}.
     */
    Run launch(Map<String, String> env, String setup, List<String> command) throws Exception {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Map<String, String> all = new HashMap<>(env);
        all.put("OUT_FILE", out.toString());
        all.put("ERR_FILE", err.toString());
        List<String> args = new ArrayList<>(List.of(
                "bash",
                "--norc",
                "--noprofile",
                "-c",
                setup + "\n\"$@\" >\"$OUT_FILE\" 2>\"$ERR_FILE\" </dev/null; echo \"exit=$?\"",
                "bash"));
        args.addAll(command);
        String printed = Tools.run(tmp, all, args.toArray(String[]::new));
        Matcher m = Pattern.compile("exit=(\\d+)").matcher(printed);
        assertTrue(m.find(), "the command ran: " + printed);
        return new Run(Integer.parseInt(m.group(1)), Files.readString(out), Files.readString(err));
    }

    Run launch(Map<String, String> env, Path launcher, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        return launch(env, "", command);
    }

    /**
     * An installed copy of the tool: the launcher, pom.xml, one source file and the built jar
     * (newer than the sources, as after a build). Returns its launcher.
     */
    static Path install(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("bin"));
        Files.createDirectories(dir.resolve("target"));
        Files.createDirectories(dir.resolve("src/main/java"));
        Path launcher = dir.resolve("bin/medcounsel");
        Files.copy(Tools.LAUNCHER, launcher, StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(Tools.ROOT.resolve("pom.xml"), dir.resolve("pom.xml"));
        Files.writeString(dir.resolve("src/main/java/Source.java"), "class Source {}\n");
        Files.copy(builtJar(), dir.resolve("target/medcounsel.jar"));
        FileTime past = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        for (String f : List.of("pom.xml", "src/main/java/Source.java", "src/main/java", "src/main")) {
            Files.setLastModifiedTime(dir.resolve(f), past);
        }
        return launcher;
    }

    static Path builtJar() {
        Path jar = Tools.ROOT.resolve("target/medcounsel.jar");
        assertTrue(Files.isRegularFile(jar), "the jar is built (mvn package) before the integration tests");
        return jar;
    }

    /** Makes the installed jar older than a source, as after editing that source. */
    static void makeStale(Path app) throws IOException {
        Files.setLastModifiedTime(
                app.resolve("target/medcounsel.jar"),
                FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    }

    /** A folder holding an executable script {@code name}. */
    Path script(String folder, String name, String body) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(folder));
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    static Path which(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) return Path.of(dir, tool);
        }
        throw new AssertionError(tool + " is not installed");
    }

    static String path(Path first) {
        return first + ":" + System.getenv("PATH");
    }

    /** The files under root whose names end so; a file that goes while the tree is walked (a training run's) is a retry. */
    static List<Path> files(Path root, String suffix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            if (!Files.isDirectory(root)) return List.of();
            try (Stream<Path> s = Files.walk(root)) {
                return s.filter(p -> p.getFileName().toString().endsWith(suffix))
                        .toList();
            } catch (UncheckedIOException | NoSuchFileException e) {
                if (attempt == 20) throw e;
            }
        }
    }

    /**
     * Waits (at most 60 s) until no class-data training run is going on under these folders: no
     * recent lock (one older than 5 minutes is a leftover, not a run), and no process left that
     * runs from them.
     */
    static void awaitNoTraining(Path... roots) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofMinutes(5)));
        for (Path root : roots) {
            while (files(root, ".jsa.lock").stream().anyMatch(f -> modified(f).compareTo(old) > 0)) {
                if (System.nanoTime() > end) throw new AssertionError("a class-data training run never ended");
                Thread.sleep(100);
            }
        }
        // The training shell exits right after removing its lock: wait until no process runs from
        // these folders any more (its command line names the launcher under them).
        for (Path root : roots) {
            while (ProcessHandle.allProcesses()
                    .filter(p -> p.pid() != ProcessHandle.current().pid())
                    .anyMatch(p -> p.info().commandLine().orElse("").contains(root.toString()))) {
                if (System.nanoTime() > end) throw new AssertionError("a process still runs from " + root);
                Thread.sleep(20);
            }
        }
    }

    static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0); // just removed
        }
    }

    /** A JDK of the asked feature versions: this JVM's if it fits, else one under /usr/lib/jvm. */
    static Optional<Path> javaOf(int from, int to) throws IOException {
        int own = Runtime.version().feature();
        if (own >= from && own <= to) return Optional.of(JAVA);
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) return Optional.empty();
        try (Stream<Path> s = Files.list(jvms)) {
            for (Path home : s.sorted().toList()) {
                Path release = home.resolve("release");
                Path java = home.resolve("bin/java");
                if (!Files.isRegularFile(release) || !Files.isExecutable(java)) continue;
                Matcher m = Pattern.compile("JAVA_VERSION=\"(?:1\\.)?(\\d+)").matcher(Files.readString(release));
                if (m.find()) {
                    int feature = Integer.parseInt(m.group(1));
                    if (feature >= from && feature <= to) return Optional.of(java);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * 8a. Two first runs on a fresh clone: one builds, the other waits for it; both answer. Maven
     * here is a stand-in that takes a while and then leaves the jar, as a build does: what is
     * tested is the launcher (one build, the second run waiting on the lock, both answering). The
     * real first build of a fresh clone is the README's first command, which {@code .ci/run} runs
     * after the tests.
     */
    @Test
    void twoFirstRunsOnAFreshCloneBothSucceed() throws Exception {
        Tools.require("git");
        Tools.require("flock");
        Path clone = tmp.resolve("clone");
        Tools.run(tmp, Map.of(), "git", "clone", "-q", Tools.ROOT.toString(), clone.toString());
        assertFalse(Files.exists(clone.resolve("target")), "a fresh clone has no build");
        Files.copy(Tools.LAUNCHER, clone.resolve("bin/medcounsel"), StandardCopyOption.REPLACE_EXISTING);
        Path maven = script(
                "maven",
                "mvn",
                "echo \"$PWD: $*\" >>\"$BUILDS\"\nsleep 2\nmkdir -p target && cp \"$BUILT\" target/medcounsel.jar\n");
        Path builds = tmp.resolve("builds");
        Map<String, String> env = Map.of(
                "PATH", path(maven),
                "BUILDS", builds.toString(),
                "BUILT", builtJar().toString(),
                "L", clone + "/bin/medcounsel");
        String script = "cd \"$1\"\n"
                + "\"$L\" info baricitinib >o1 2>e1 </dev/null & one=$!\n"
                + "\"$L\" info baricitinib >o2 2>e2 </dev/null & two=$!\n"
                + "wait $one; echo \"one=$?\"; wait $two; echo \"two=$?\"\n";
        String printed = Tools.run(tmp, env, null, 240, "bash", "-c", script, "bash", tmp.toString());
        String report = printed + "\n--- first:\n" + Files.readString(tmp.resolve("o1"))
                + Files.readString(tmp.resolve("e1")) + "\n--- second:\n" + Files.readString(tmp.resolve("o2"))
                + Files.readString(tmp.resolve("e2"));
        assertTrue(printed.contains("one=0") && printed.contains("two=0"), report);
        assertTrue(Files.readString(tmp.resolve("o1")).contains(GUIDANCE), report);
        assertTrue(Files.readString(tmp.resolve("o2")).contains(GUIDANCE), report);
        String errs = Files.readString(tmp.resolve("e1")) + Files.readString(tmp.resolve("e2"));
        assertEquals(1, errs.split("building", -1).length - 1, "built once: " + report);
        List<String> runs = Files.readAllLines(builds);
        assertEquals(1, runs.size(), "Maven run once: " + runs);
        assertTrue(
                runs.get(0).endsWith("/clone: -B -q -DskipTests package"),
                "in the clone, to package without the tests: " + runs);
    }

    /** 8b. A stale jar and no Maven on PATH: the existing jar answers, after one warning line. */
    @Test
    void aStaleJarRunsWithOneWarningWhenMavenIsMissing() throws Exception {
        Path launcher = install(tmp.resolve("app"));
        makeStale(tmp.resolve("app"));
        Path bin = Files.createDirectories(tmp.resolve("nomaven"));
        Files.createSymbolicLink(bin.resolve("bash"), which("bash"));
        Run run = launch(Map.of("PATH", bin.toString(), "JAVA", JAVA.toString()), launcher, "info", "baricitinib");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains(GUIDANCE), run.toString());
        assertEquals(1, run.errLines().size(), "one warning line: " + run);
        assertTrue(run.err().contains("Maven") || run.err().contains("mvn"), "names the missing tool: " + run);
    }

    /** 8b. A stale jar and a Maven that fails: the existing jar answers, with a warning naming the log. */
    @Test
    void aStaleJarRunsWithAWarningWhenTheBuildFails() throws Exception {
        Path launcher = install(tmp.resolve("app"));
        makeStale(tmp.resolve("app"));
        Path bin = script("failing", "mvn", "echo '[ERROR] COMPILATION ERROR'\nexit 1\n");
        Run run = launch(Map.of("PATH", path(bin), "JAVA", JAVA.toString()), launcher, "info", "baricitinib");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains(GUIDANCE), run.toString());
        String last = run.errLines().get(run.errLines().size() - 1);
        assertTrue(last.contains("build failed") && last.contains("build.log"), run.toString());
    }

    /** 8c. Completion (a Tab press) never builds: a stale jar answers, and without a jar nothing is offered. */
    @Test
    void completionNeverBuilds() throws Exception {
        Path app = tmp.resolve("app");
        Path launcher = install(app);
        makeStale(app);
        Path called = tmp.resolve("maven-was-called");
        Path bin = script("recording", "mvn", "touch '" + called + "'\nexit 1\n");
        Map<String, String> env = Map.of("PATH", path(bin), "JAVA", JAVA.toString());

        Run stale = launch(env, launcher, "__complete", "table");
        assertEquals(0, stale.exit(), stale.toString());
        assertTrue(stale.out().lines().anyMatch(l -> l.startsWith("d\u001fbaricitinib\t")), stale.toString());
        assertEquals("", stale.err(), stale.toString());

        Files.delete(app.resolve("target/medcounsel.jar"));
        Run none = launch(env, launcher, "__complete", "table");
        assertEquals(new Run(0, "", ""), none, none.toString());
        assertFalse(Files.exists(called), "Maven was never started");
    }

    /** 8d. A failed build's log is kept under target/ (or the cache folder), never in the repository root. */
    @Test
    void aFailedBuildLogsOutsideTheRepositoryRoot() throws Exception {
        Path app = tmp.resolve("app");
        Path launcher = install(app);
        Files.delete(app.resolve("target/medcounsel.jar"));
        List<String> before = new ArrayList<>(names(app));
        before.remove("target");
        Path bin = script("failing", "mvn", "echo '[ERROR] Source.java:[1,1] class, interface expected'\nexit 1\n");

        Run run = launch(Map.of("PATH", path(bin), "JAVA", JAVA.toString()), launcher, "info", "baricitinib");
        assertEquals(1, run.exit(), run.toString());
        Matcher m = Pattern.compile("see (/\\S+)").matcher(run.err());
        assertTrue(m.find(), "the message names the log: " + run);
        Path log = Path.of(m.group(1));
        assertTrue(Files.readString(log).contains("class, interface expected"), "the log holds Maven's output");
        assertTrue(
                log.startsWith(app.resolve("target")) || log.startsWith(Tools.WORLD.resolve("cache")),
                "under target/ or the cache folder: " + log);
        List<String> after = new ArrayList<>(names(app));
        after.remove("target");
        assertEquals(before, after, "nothing new in the repository root");
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** 8e. A source dated in the future (clock skew) is built once, not on every run. */
    @Test
    void aFutureDatedSourceIsBuiltOnceNotEveryRun() throws Exception {
        Path app = tmp.resolve("app");
        Path launcher = install(app);
        Files.delete(app.resolve("target/medcounsel.jar"));
        Files.setLastModifiedTime(
                app.resolve("src/main/java/Source.java"),
                FileTime.from(Instant.now().plus(Duration.ofDays(1))));
        Path builds = tmp.resolve("builds");
        Path bin = script(
                "building",
                "mvn",
                "echo build >> '" + builds + "'\nmkdir -p target && cp '" + builtJar() + "' target/medcounsel.jar\n");
        Map<String, String> env = Map.of("PATH", path(bin), "JAVA", JAVA.toString());

        for (int i = 0; i < 3; i++) {
            Run run = launch(env, launcher, "info", "baricitinib");
            assertEquals(0, run.exit(), run.toString());
            assertTrue(run.out().contains(GUIDANCE), run.toString());
        }
        assertEquals(1, Files.readAllLines(builds).size(), "built once in three runs");
    }

    /** 11a. HOME unset, on an install whose target/ the user cannot write: the tool still answers. */
    @Test
    void runsWithHomeUnset() throws Exception {
        Path app = tmp.resolve("app");
        Path launcher = install(app);
        List<String> command = new ArrayList<>();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) { // root may write anywhere: run as nobody, who cannot write this install
            Tools.require("setpriv");
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        } else {
            Files.setPosixFilePermissions(app.resolve("target"), PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        command.addAll(List.of(launcher.toString(), "info", "baricitinib"));
        try {
            Run run = launch(Map.of("JAVA", JAVA.toString()), "unset HOME XDG_CACHE_HOME", command);
            assertEquals(0, run.exit(), run.toString());
            assertTrue(run.out().contains(GUIDANCE), run.toString());
            assertEquals("", run.err(), run.toString());
        } finally {
            Files.setPosixFilePermissions(app.resolve("target"), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** 11b. Installed under a folder whose name has a ':' (which Java reads as a list separator). */
    @Test
    void runsFromAFolderWithAColonInItsPath() throws Exception {
        Path app = tmp.resolve("clinic:2026/app");
        Path launcher = install(app);
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Map<String, String> env =
                Map.of("JAVA", JAVA.toString(), "MEDCOUNSEL_CDS", "on", "XDG_CACHE_HOME", cache.toString());
        try {
            for (int i = 0; i < 2; i++) { // the second run maps the class-data archive the first made
                Run run = launch(env, launcher, "info", "baricitinib");
                assertEquals(0, run.exit(), run.toString());
                assertTrue(run.out().contains(GUIDANCE), run.toString());
                assertEquals("", run.err(), run.toString());
                awaitNoTraining(app, cache);
            }
        } finally {
            awaitNoTraining(app, cache);
        }
    }

    /** 11c. Under a 1.5 GB address-space limit (ulimit -v), short commands and the shell start. */
    @Test
    void startsUnderAnAddressSpaceLimit() throws Exception {
        Path launcher = install(tmp.resolve("app"));
        Map<String, String> env = Map.of("JAVA", JAVA.toString());
        Run info = launch(env, "ulimit -v 1500000", List.of(launcher.toString(), "info", "baricitinib"));
        assertEquals(0, info.exit(), info.toString());
        assertTrue(info.out().contains(GUIDANCE), info.toString());
        Run shell = launch(
                env,
                "ulimit -v 1500000",
                List.of("bash", "-c", "printf 'info baricitinib\\n' | \"$0\" shell", launcher.toString()));
        assertEquals(0, shell.exit(), shell.toString());
        assertTrue(shell.out().contains(GUIDANCE), shell.toString());
    }

    /** 11d. A class-data lock left by a killed training run expires after 10 minutes. */
    @Test
    void anAbandonedClassDataLockExpires() throws Exception {
        Optional<Path> java = javaOf(13, 18);
        assumeTrue(java.isPresent(), "SKIPPED: no java 13 to 18 (the background training run) on this machine");
        Path app = tmp.resolve("app");
        Path launcher = install(app);
        Map<String, String> env = Map.of("JAVA", java.get().toString(), "MEDCOUNSEL_CDS", "on");
        try {
            assertEquals(0, launch(env, launcher, "list").exit());
            awaitNoTraining(app);
            List<Path> archives = files(app.resolve("target"), ".jsa");
            assertEquals(1, archives.size(), "the first run made an archive: " + archives);
            Path archive = archives.get(0);
            // As if a training run were killed 11 minutes ago: its lock is left and no archive made.
            Files.delete(archive);
            Path lock = Path.of(archive + ".lock");
            Files.writeString(lock, "");
            Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minus(Duration.ofMinutes(11))));

            assertEquals(0, launch(env, launcher, "list").exit());
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(archive) && System.nanoTime() < end) Thread.sleep(100);
            assertTrue(Files.exists(archive), "an archive is made again despite the old lock");
        } finally {
            awaitNoTraining(app);
        }
    }

    /** Whether {@code info baricitinib} loads classes from a dynamic (top) class-data archive. */
    boolean mapsItsArchive(Map<String, String> env, Path launcher) throws Exception {
        Path classes = Files.createTempFile(tmp, "classes", ".log");
        Map<String, String> logged = new HashMap<>(env);
        logged.put("MEDCOUNSEL_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes);
        Run run = launch(logged, launcher, "info", "baricitinib");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains(GUIDANCE), run.toString());
        return Files.readString(classes).contains("shared objects file (top)");
    }

    /** 11e. On java 19 and later the JVM makes its own archive at exit: no background run, used next time. */
    @Test
    void java19AndLaterMakeTheirOwnArchive() throws Exception {
        Optional<Path> java = javaOf(19, Integer.MAX_VALUE);
        assumeTrue(java.isPresent(), "SKIPPED: no java 19 or later on this machine");
        Path app = tmp.resolve("app");
        Path launcher = install(app);
        Map<String, String> env = Map.of("JAVA", java.get().toString(), "MEDCOUNSEL_CDS", "on");
        try {
            Run first = launch(env, launcher, "info", "baricitinib");
            assertEquals(0, first.exit(), first.toString());
            assertEquals("", first.err(), first.toString());
            assertTrue(files(app, ".lock").isEmpty(), "no background training run");
            assertEquals(1, files(app.resolve("target"), ".jsa").size(), "the JVM left its archive at exit");

            assertTrue(mapsItsArchive(env, launcher), "the second run maps the archive");

            // A rebuilt jar: the JVM alone would only ignore the old archive, run after run.
            Files.setLastModifiedTime(
                    app.resolve("target/medcounsel.jar"),
                    FileTime.from(Instant.now().plusSeconds(60)));
            Run rebuilt = launch(env, launcher, "info", "baricitinib");
            assertEquals(0, rebuilt.exit(), rebuilt.toString());
            assertTrue(mapsItsArchive(env, launcher), "the run after a rebuild maps a new archive");
        } finally {
            awaitNoTraining(app);
        }
    }
}
