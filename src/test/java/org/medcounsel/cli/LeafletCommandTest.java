package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.medcounsel.BundledData;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.TestSheets;
import org.medcounsel.render.Html;

/** {@code leaflet}: whole files, refusal without --force, no partial file after a failure. */
class LeafletCommandTest {
    /** The files in a leaflet folder, but for the folder where the index keeps what each leaflet is. */
    static List<String> files(Cli cli, String dir) throws IOException {
        try (Stream<Path> s = Files.list(cli.fs.getPath(dir))) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals(".leaflets"))
                    .sorted()
                    .toList();
        }
    }

    static String read(Cli cli, String path) throws IOException {
        return Files.readString(cli.fs.getPath(path));
    }

    @Test
    void writesOneLeafletPerDrugAndAnIndex() throws Exception {
        Cli cli = new Cli();
        cli.write("site.yaml", "name: Riverside Pharmacy\naddress: 1 High Street\nphone: 01234 567890\n");
        Result r = cli.run("leaflet", "--all", "--out", "out", "--site", "site.yaml");
        assertEquals(0, r.code(), r::toString);
        int bundled = BundledData.drugIds().size();
        assertTrue(
                r.out()
                        .matches("written " + bundled + " leaflets to out in \\d+\\.\\d s \\(the index lists " + bundled
                                + "\\)\\n"),
                r.out());
        List<String> expected = new ArrayList<>(List.of("index.html"));
        BundledData.drugIds().forEach(id -> expected.add(id + ".html"));
        Collections.sort(expected);
        assertEquals(expected, files(cli, "out"));
        String leaflet = read(cli, "out/baricitinib.html");
        assertTrue(leaflet.contains("<p>Riverside Pharmacy</p>\n<p>1 High Street</p>\n<p>Phone: 01234 567890</p>"));
        for (String part : new String[] {
            "What it is", "Before you take it", "How to take it", "Side effects", "Before you stop", "Sources"
        }) {
            assertTrue(leaflet.contains("<h2>" + part + "</h2>"), part);
        }
        assertTrue(leaflet.indexOf("<h2>What it is</h2>") < leaflet.indexOf("<h2>Side effects</h2>"));
        assertTrue(leaflet.indexOf("<h2>Side effects</h2>") < leaflet.indexOf("<h2>Before you stop</h2>"));
        assertEquals(List.of(), Html.problems(leaflet));
        String index = read(cli, "out/index.html");
        assertTrue(
                index.contains("<tr><th scope=\"row\"><a href=\"baricitinib.html\">Baricitinib (Olumiant)</a></th>"
                        + "<td>Rheumatoid arthritis, "),
                index);
        assertTrue(index.contains("<td>2026-11-23</td><td>2026-11-24</td></tr>"), "reviewed, then made: " + index);
        assertEquals(List.of(), Html.problems(index));
    }

    @Test
    void markdownAndTextLeafletsHaveTheirOwnExtensions() throws Exception {
        Cli cli = new Cli();
        assertEquals(
                0,
                cli.run("leaflet", "olumiant", "koselugo", "--out", "md", "--format", "markdown", "-q")
                        .code());
        assertEquals(List.of("baricitinib.md", "index.md", "selumetinib.md"), files(cli, "md"));
        assertTrue(read(cli, "md/index.md")
                .contains("| [Baricitinib (Olumiant)](<baricitinib.md>) | Rheumatoid arthritis"));
        Result text = cli.run("leaflet", "baricitinib", "--out", "txt", "--format", "text", "--quiet");
        assertEquals("", text.out(), "--quiet prints nothing");
        assertFalse(read(cli, "txt/baricitinib.txt").contains("\u001b"), "files are never coloured");
    }

    @Test
    void withoutForceAnExistingTargetStopsEverythingBeforeAnythingIsWritten() throws Exception {
        Cli cli = new Cli();
        cli.write("out/selumetinib.html", "mine");
        Result r = cli.run("leaflet", "baricitinib", "selumetinib", "--out", "out");
        assertEquals(1, r.code());
        assertEquals(
                "medcounsel: not writing anything: selumetinib.html exists in out (use --force to replace)\n", r.err());
        assertEquals(List.of("selumetinib.html"), files(cli, "out"));
        assertEquals("mine", read(cli, "out/selumetinib.html"));
    }

    @Test
    void theIndexIsMadeAfreshFromEveryLeafletInTheFolder() throws Exception {
        Cli cli = new Cli();
        assertEquals(0, cli.run("leaflet", "selumetinib", "--out", "out").code());
        // A second run adds a leaflet to the folder: the index is no obstacle, and lists both.
        Result add = cli.run("leaflet", "olumiant", "--out", "out");
        assertEquals(0, add.code(), add::toString);
        assertTrue(
                add.out().contains("written 1 leaflet to out") && add.out().contains("(the index lists 2)"), add.out());
        String index = read(cli, "out/index.html");
        assertTrue(index.contains("href=\"selumetinib.html\">Selumetinib (Koselugo)<"), index);
        assertTrue(index.contains("href=\"baricitinib.html\">Baricitinib (Olumiant)<"), index);
        // Replacing one with --force keeps the other listed; a leaflet copied in by hand is listed too.
        cli.write("out/clinic-notes.html", "<!DOCTYPE html><title>ours</title>");
        assertEquals(
                0, cli.run("leaflet", "koselugo", "--out", "out", "--force").code());
        index = read(cli, "out/index.html");
        assertTrue(index.contains("href=\"baricitinib.html\">Baricitinib (Olumiant)<"), index);
        assertTrue(index.contains("href=\"selumetinib.html\">Selumetinib (Koselugo)<"), index);
        assertTrue(index.contains("href=\"clinic-notes.html\">clinic-notes.html<"), "listed by its name: " + index);
        assertEquals(List.of(), Html.problems(index));
        // A leaflet that is gone is no longer listed.
        Files.delete(cli.fs.getPath("out/baricitinib.html"));
        assertEquals(
                0, cli.run("leaflet", "koselugo", "--out", "out", "--force").code());
        assertFalse(read(cli, "out/index.html").contains("baricitinib.html"));
    }

    @Test
    void forceReplacesExistingLeaflets() throws Exception {
        Cli cli = new Cli();
        cli.write("out/selumetinib.html", "mine");
        cli.write("out/index.html", "old index");
        Result r = cli.run("leaflet", "selumetinib", "--out", "out", "--force");
        assertEquals(0, r.code(), r::toString);
        assertTrue(read(cli, "out/selumetinib.html").startsWith("<!DOCTYPE html>"));
        assertTrue(read(cli, "out/index.html").contains("selumetinib.html"));
    }

    @Test
    void aFullDiskStopsTheRunAndLeavesNoPartialOrTemporaryFile() throws Exception {
        Cli cli = new Cli(140 * 1024);
        for (int i = 0; i < 30; i++) {
            String id = String.format("drug%02d", i);
            cli.write("site/drugs/" + id + ".yaml", TestSheets.drug(id, "Brand" + i, null));
        }
        Result r = cli.run("leaflet", "--all", "--data", "site", "--out", "out", "--format", "html");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().matches("medcounsel: cannot write out/[a-z0-9]+\\.html: .*\\n"), r.err());
        List<String> left = files(cli, "out");
        assertTrue(left.size() > 1 && left.size() < 36, "some written, then the disk filled: " + left);
        assertFalse(left.contains("index.html"), "no index for a failed run");
        for (String f : left) {
            assertFalse(f.endsWith(".tmp") || f.startsWith("."), "temporary file left: " + f);
            assertTrue(read(cli, "out/" + f).endsWith("</html>\n"), "whole file: " + f);
        }
    }

    @Test
    void badArgumentsAreClearErrors() throws Exception {
        Cli cli = new Cli();
        assertEquals(2, cli.run("leaflet", "--out", "out").code(), "no drugs");
        assertEquals(
                2, cli.run("leaflet", "baricitinib", "--all", "--out", "out").code(), "both");
        assertEquals(2, cli.run("leaflet", "baricitinib").code(), "--out is required");
        assertEquals(3, cli.run("leaflet", "olumient", "--out", "out").code());
        cli.write("plain", "a file");
        Result underFile = cli.run("leaflet", "baricitinib", "--out", "plain/sub");
        assertEquals(1, underFile.code());
        assertTrue(underFile.err().startsWith("medcounsel: cannot make the folder 'plain/sub'"), underFile.err());
        Result isFile = cli.run("leaflet", "baricitinib", "--out", "plain");
        assertEquals("medcounsel: cannot write to 'plain': it is a file, not a folder\n", isFile.err());
        cli.write("badsite.yaml", "name: X\nfax: 1\n");
        Result site = cli.run("leaflet", "baricitinib", "--out", "o2", "--site", "badsite.yaml");
        assertEquals(2, site.code());
        assertTrue(site.err().startsWith("medcounsel: badsite.yaml:2: unknown field 'fax'"), site.err());
    }

    @Test
    void aProgressBarShowsOnlyOnATerminalForLongBatches() {
        Cli cli = new Cli().terminal(true);
        for (int i = 0; i < 25; i++) {
            cli.write("site/drugs/d" + i + ".yaml", TestSheets.drug("d" + i, "B" + i, null));
        }
        Result r = cli.run("leaflet", "--all", "--data", "site", "--out", "out");
        assertTrue(r.err().contains("\rwriting leaflets [##############################] 34/34"), r.err());
        assertTrue(cli.run("leaflet", "--all", "--data", "site", "--out", "out2", "-q")
                .err()
                .isEmpty());
        Result notTerminal = new Cli().run("leaflet", "--all", "--out", "o");
        assertEquals("", notTerminal.err());
    }
}
