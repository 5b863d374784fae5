package org.medcounsel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a pharmacy installs it: extracted into a prefix with
 * {@code tar -xzf ... --strip-components=1}, then run from another folder with only a Java
 * runtime on the PATH (no Maven), its man pages read with man.
 */
class InstallIT {
    static final Path TARBALL = Tools.ROOT.resolve("target/medcounsel-0.1.0.tar.gz");

    @TempDir
    Path tmp;

    Path prefix;
    Path elsewhere;
    Map<String, String> env = new HashMap<>();

    /** A PATH with everything in /usr/bin and /bin but Maven. */
    Path pathWithoutMaven() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("nomaven"));
        for (String dir : new String[] {"/usr/bin", "/bin"}) {
            if (!Files.isDirectory(Path.of(dir))) continue;
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    if (name.startsWith("mvn") || Files.exists(bin.resolve(name), LinkOption.NOFOLLOW_LINKS)) continue;
                    Files.createSymbolicLink(bin.resolve(name), f);
                }
            }
        }
        return bin;
    }

    @BeforeEach
    void install() throws Exception {
        Tools.require("tar");
        assertTrue(Files.exists(TARBALL), "mvn package makes " + TARBALL);
        prefix = Files.createDirectories(tmp.resolve("prefix"));
        elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Tools.run(tmp, Map.of(), "tar", "-xzf", TARBALL.toString(), "-C", prefix.toString(), "--strip-components=1");
        env.put("PATH", pathWithoutMaven().toString());
        env.put("HOME", tmp.resolve("home").toString());
        env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        env.put("JAVA_HOME", "");
    }

    String installed(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = prefix.resolve("bin/medcounsel").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        return Tools.run(elsewhere, env, command);
    }

    @Test
    void theArchiveIsAnInstallPrefix() throws Exception {
        for (String file : new String[] {
            "bin/medcounsel",
            "lib/medcounsel/medcounsel.jar",
            "lib/medcounsel/pdf/medcounsel-pdf.jar",
            "share/man/man1/medcounsel.1",
            "share/man/man1/medcounsel-screen.1",
            "share/bash-completion/completions/medcounsel",
            "share/zsh/site-functions/_medcounsel"
        }) {
            assertTrue(Files.exists(prefix.resolve(file)), file);
        }
        assertTrue(Files.isExecutable(prefix.resolve("bin/medcounsel")));
        String zip = Tools.run(
                tmp,
                Map.of(),
                "unzip",
                "-l",
                Tools.ROOT.resolve("target/medcounsel-0.1.0.zip").toString());
        assertTrue(
                zip.contains("medcounsel-0.1.0/bin/medcounsel") && zip.contains("lib/medcounsel/medcounsel.jar"), zip);
    }

    @Test
    void theInstalledToolRunsFromAnotherFolderWithOnlyAJavaRuntime() throws Exception {
        assertTrue(
                Tools.run(elsewhere, env, "sh", "-c", "command -v mvn || echo none")
                        .contains("none"),
                "no Maven");
        String info = installed("info", "baricitinib");
        assertTrue(info.startsWith("Baricitinib (Olumiant) - About this medicine"), info);
        assertFalse(info.contains("building"), "an install never builds: " + info);
        String pdf = installed("leaflet", "koselugo", "--format", "pdf", "--out", "leaflets", "-q");
        assertEquals("", pdf);
        assertTrue(Files.size(elsewhere.resolve("leaflets/selumetinib.pdf")) > 10_000, "PDF support comes with it");
        // Its class-data archive goes in the user's cache folder, never under the prefix.
        env.put("MEDCOUNSEL_CDS", "on");
        installed("list");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        Path cds = tmp.resolve("cache/medcounsel/cds");
        while (!archiveIn(cds) && System.nanoTime() < end) Thread.sleep(200);
        assertTrue(archiveIn(cds), "a class-data archive in " + cds);
        try (Stream<Path> all = Files.walk(prefix)) {
            assertTrue(all.noneMatch(p -> p.toString().endsWith(".jsa")), "nothing written under the prefix");
        }
    }

    static boolean archiveIn(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".jsa"));
        }
    }

    @Test
    void theDebianPackageInstallsTheSameTool() throws Exception {
        Tools.require("dpkg-deb");
        Path deb = Tools.ROOT.resolve("target/medcounsel_0.1.0_all.deb");
        String fields = Tools.run(
                tmp, Map.of(), "dpkg-deb", "-f", deb.toString(), "Package", "Version", "Architecture", "Depends");
        assertTrue(fields.contains("Package: medcounsel") && fields.contains("Version: 0.1.0"), fields);
        assertTrue(fields.contains("Architecture: all") && fields.contains("java17-runtime-headless"), fields);
        Path root = Files.createDirectories(tmp.resolve("debroot"));
        Tools.run(tmp, Map.of(), "dpkg-deb", "-x", deb.toString(), root.toString());
        for (String file : new String[] {
            "usr/bin/medcounsel",
            "usr/lib/medcounsel/medcounsel.jar",
            "usr/share/man/man1/medcounsel.1",
            "usr/share/bash-completion/completions/medcounsel",
            "usr/share/zsh/vendor-completions/_medcounsel"
        }) {
            assertTrue(Files.exists(root.resolve(file)), file);
        }
        String info =
                Tools.run(elsewhere, env, root.resolve("usr/bin/medcounsel").toString(), "info", "koselugo");
        assertTrue(info.startsWith("Selumetinib (Koselugo) - About this medicine"), info);
    }

    @Test
    void manRendersTheInstalledPages() throws Exception {
        Tools.require("man");
        env.put("MANPATH", prefix.resolve("share/man").toString());
        env.put("MANPAGER", "cat");
        env.put("MANWIDTH", "80");
        String tool = Tools.run(elsewhere, env, "man", "medcounsel");
        assertTrue(tool.contains("medcounsel - Plain-language medication counselling"), tool);
        for (String section :
                new String[] {"SYNOPSIS", "COMMANDS", "EXIT CODES", "ENVIRONMENT", "FILES", "Examples:"}) {
            assertTrue(tool.contains(section), section + " in:\n" + tool);
        }
        String screen = Tools.run(elsewhere, env, "man", "medcounsel-screen");
        assertTrue(screen.contains("medcounsel-screen - A pre-treatment checklist"), screen);
    }

    @Test
    void withoutJavaOrWithAnOldOneItSaysWhatIsNeeded() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("nojava"));
        try (Stream<Path> files = Files.list(Path.of(env.get("PATH")))) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().startsWith("java")) {
                    Files.createSymbolicLink(bin.resolve(f.getFileName()), Files.readSymbolicLink(f));
                }
            }
        }
        env.put("PATH", bin.toString());
        assertEquals(
                "medcounsel: no Java runtime found: install Java 17 or later (a JRE is enough), or set JAVA_HOME\n",
                installed("info", "baricitinib"));
        // An old runtime, as its release file says.
        Path old = Files.createDirectories(tmp.resolve("jdk11/bin"));
        Files.writeString(old.resolve("java"), "#!/bin/sh\necho 'should not run' >&2\nexit 3\n");
        old.resolve("java").toFile().setExecutable(true);
        Files.writeString(tmp.resolve("jdk11/release"), "JAVA_VERSION=\"11.0.2\"\n");
        env.put("JAVA_HOME", tmp.resolve("jdk11").toString());
        assertEquals(
                "medcounsel: Java 17 or later is needed, but " + old.resolve("java")
                        + " is Java 11: install a newer one, or set JAVA_HOME to it\n",
                installed("info", "baricitinib"));
    }
}
