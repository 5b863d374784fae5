package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.medcounsel.BundledData;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.TestSheets;

/**
 * The hostile inputs the README's Reliability section lists: each gives its documented exit code,
 * one clear line naming the file (and line), no stack trace, and nothing partial on stdout or disk.
 */
class HostileInputsTest {
    final Cli cli = new Cli();

    Result info(String yaml) {
        cli.write("site/drugs/testamab.yaml", yaml);
        return cli.run("info", "testamab", "--data", "site");
    }

    Result info(byte[] bytes) {
        cli.write("site/drugs/testamab.yaml", bytes);
        return cli.run("info", "testamab", "--data", "site");
    }

    static void refused(Result r, int code, String message) {
        assertEquals(code, r.code(), r::toString);
        assertEquals("", r.out(), "nothing half-shown");
        assertTrue(r.err().startsWith("medcounsel: " + message), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace");
    }

    static String valid() {
        return TestSheets.drug("testamab", "Testix", null);
    }

    @Test
    void malformedYaml() {
        refused(info("id: testamab\nbrands: [a, b\nname: x\n"), 1, "site/drugs/testamab.yaml:3: not valid YAML");
    }

    @Test
    void unknownAndMisspeltFields() {
        refused(
                info(valid().replace("missed-dose:", "missed-doze:")),
                1,
                "site/drugs/testamab.yaml:16: unknown field 'missed-doze' in drug sheet (did you mean 'missed-dose'?)");
        refused(info(valid() + "colour: blue\n"), 1, "site/drugs/testamab.yaml:42: unknown field 'colour'");
    }

    @Test
    void wrongTypes() {
        refused(
                info(valid().replace("how-to-take:\n  - Take one a day with water.", "how-to-take: Take one a day.")),
                1,
                "site/drugs/testamab.yaml:14: 'how-to-take' must be a list, found text");
    }

    @Test
    void duplicateKeys() {
        refused(
                info(valid().replace("name: testamab\n", "name: testamab\nname: other\n")),
                1,
                "site/drugs/testamab.yaml:3: duplicate field 'name' (first given on line 2)");
    }

    @Test
    void anAliasBombIsRefusedAtOnce() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++)
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            bomb.append("]\n");
        }
        assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> refused(
                        info(bomb.toString()),
                        1,
                        "site/drugs/testamab.yaml:1: anchors and aliases (&name, *name) are not allowed"));
    }

    @Test
    void deepNestingIsRefused() {
        refused(
                info("id: " + "[".repeat(200) + "]".repeat(200) + "\n"),
                1,
                "site/drugs/testamab.yaml:1: nested more than 32 levels deep");
    }

    @Test
    void aThirtyMegabyteSheetIsRefusedWithoutReadingItAll() {
        byte[] huge = new byte[30 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        System.arraycopy("summary: ".getBytes(), 0, huge, 0, 9);
        assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> refused(info(huge), 1, "site/drugs/testamab.yaml: the file is 1024 KiB; the limit is 1024 KiB"));
    }

    @Test
    void emptyAndBinaryFiles() {
        refused(info(new byte[0]), 1, "site/drugs/testamab.yaml: the file is empty");
        refused(info(new byte[] {'i', 'd', ':', 0, 1, 2, (byte) 0xff}), 1, "site/drugs/testamab.yaml");
        refused(info("id: x\0y\n"), 1, "site/drugs/testamab.yaml:1: the file is binary, not YAML text");
    }

    @Test
    void escapeSequencesInSheetTextNeverReachTheTerminal() throws Exception {
        cli.write(
                "site/drugs/testamab.yaml",
                valid().replace(
                                "summary: testamab is a test medicine. It calms the test.",
                                "summary: \"Red \\e[31mtext\\e[0m, a bell \\a, a C1 CSI \\x9b2J and DEL \\x7f.\""));
        for (String format : List.of("text", "markdown", "html", "json")) {
            Result r = cli.run("info", "testamab", "--data", "site", "--format", format, "--color", "never");
            assertEquals(0, r.code(), r::toString);
            assertTrue(
                    r.out().codePoints().noneMatch(c -> (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f)),
                    format + ": " + r.out());
        }
        String json = cli.run("info", "testamab", "--data", "site", "--format", "json")
                .out();
        assertTrue(
                json.contains("Red \\u001B[31mtext\\u001B[0m, a bell \\u0007, a C1 CSI \\u009b2J and DEL \\u007f."),
                "JSON keeps the text, escaped: " + json);
        cli.write("site/drugs/evil.yaml", "id: [\u001b]2;pwned\u0007");
        Result err = cli.run("info", "evil", "--data", "site");
        assertFalse(err.err().contains("\u001b"), "error messages are made safe too: " + err.err());
    }

    @Test
    void traversalNamesMatchNothing() {
        cli.write("site/drugs/testamab.yaml", valid());
        cli.write("secret.yaml", valid());
        for (String name : List.of("../secret", "/work/secret", "../../etc/passwd", "drugs/../../secret", ".", "")) {
            Result r = cli.run("info", name, "--data", "site");
            assertEquals(3, r.code(), name + ": " + r);
            assertEquals("", r.out());
        }
    }

    @Test
    void missingFolders() {
        refused(cli.run("info", "baricitinib", "--data", "nope"), 2, "data folder 'nope' does not exist");
        cli.write("afile", "x");
        refused(cli.run("info", "baricitinib", "--data", "afile"), 2, "data folder 'afile' is not a folder");
        refused(cli.env("MEDCOUNSEL_DATA", "gone").run("list"), 2, "data folder 'gone' does not exist");
    }

    /** The files in a leaflet folder, but for the folder where the index keeps what each leaflet is. */
    static List<String> files(Cli cli, String dir) throws Exception {
        try (Stream<Path> s = Files.list(cli.fs.getPath(dir))) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals(".leaflets"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void outputUnderAPlainFile() throws Exception {
        cli.write("plain", "x");
        refused(cli.run("leaflet", "--all", "--out", "plain/leaflets"), 1, "cannot make the folder 'plain/leaflets'");
        refused(cli.run("leaflet", "--all", "--out", "plain"), 1, "cannot write to 'plain': it is a file");
        assertEquals("x", Files.readString(cli.fs.getPath("plain")));
    }

    @Test
    void aTargetThatCannotBeReplacedStopsTheRunWithNothingPartial() throws Exception {
        cli.write("out/selumetinib.html/keep", "a folder where the leaflet should go");
        Result r = cli.run("leaflet", "selumetinib", "--out", "out", "--force");
        refused(r, 1, "cannot write out/selumetinib.html: ");
        assertEquals(List.of("selumetinib.html"), files(cli, "out"), "no temporary files, no index");
    }

    @Test
    void aFullDiskStopsTheRunWithNothingPartial() throws Exception {
        Cli small = new Cli(48 * 1024);
        Result r = small.run("leaflet", "--all", "--out", "out");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().matches("medcounsel: cannot write out/[a-z0-9]+\\.html: out of disk space\\n"), r.err());
        for (String f : files(small, "out")) {
            assertFalse(f.startsWith("."), "temporary file left: " + f);
            assertTrue(Files.readString(small.fs.getPath("out", f)).endsWith("</html>\n"), "whole: " + f);
        }
    }

    @Test
    void twoRunsWritingTheSameFolderLeaveOnlyWholeFiles() throws Exception {
        for (int i = 0; i < 40; i++) {
            cli.write("site/drugs/d" + i + ".yaml", TestSheets.drug("d" + i, "B" + i, null));
        }
        CompletableFuture<Result> html = CompletableFuture.supplyAsync(
                () -> cli.run("leaflet", "--all", "--data", "site", "--out", "out", "--force", "-q"));
        CompletableFuture<Result> again = CompletableFuture.supplyAsync(
                () -> cli.run("leaflet", "--all", "--data", "site", "--out", "out", "--force", "-q"));
        // One run writes; a run that overlaps it refuses (the folder is locked) and writes nothing.
        for (Result r : List.of(html.get(), again.get())) {
            assertTrue(r.code() == 0 || r.err().contains("another leaflet run"), r::toString);
        }
        assertTrue(html.get().code() == 0 || again.get().code() == 0, "at least one run wrote");
        List<String> written = files(cli, "out");
        int bundled = BundledData.drugIds().size();
        assertEquals(
                40 + bundled + 1,
                written.size(),
                "40 site leaflets, " + bundled + " bundled and the index: " + written);
        for (String f : written) {
            assertTrue(Files.readString(cli.fs.getPath("out", f)).endsWith("</html>\n"), "whole: " + f);
        }
    }
}
