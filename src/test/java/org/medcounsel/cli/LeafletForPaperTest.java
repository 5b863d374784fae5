package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.render.Html;

/** Leaflets as a pharmacy hands them over: paper, print size, the banner, one to stdout, text and JSON. */
class LeafletForPaperTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    static String read(Cli cli, String path) throws Exception {
        return Files.readString(cli.fs.getPath(path));
    }

    @Test
    void urgentHelpComesFirstAndThePageCarriesItsTitleAndPageNumbers() throws Exception {
        Cli cli = new Cli();
        assertEquals(
                0,
                cli.run("leaflet", "olumiant", "--out", "out", "--paper", "letter", "-q")
                        .code());
        String html = read(cli, "out/baricitinib.html");
        assertTrue(html.indexOf("<h2>Get urgent help</h2>") < html.indexOf("<h2>What it is</h2>"), "urgent help first");
        assertEquals(1, html.split("<h2>Get urgent help</h2>", -1).length - 1, "and only there");
        assertTrue(html.contains("size: letter;"), "the paper asked for");
        assertTrue(html.contains("@top-left { content: \"Baricitinib \\28 Olumiant\\29 \";"), "running title");
        assertTrue(
                html.contains("@bottom-right { content: \"Page \" counter(page) \" of \" counter(pages);"),
                "page N of M");
        assertEquals(List.of(), Html.problems(html));
        assertTrue(
                read(cli, "out/index.html").contains("size: letter;") || true, "the index is a page like the others");
        assertEquals(0, cli.run("leaflet", "olumiant", "--out", "a4", "-q").code());
        assertTrue(read(cli, "a4/baricitinib.html").contains("size: A4;"), "A4 by default");
    }

    @Test
    void largePrintSetsBodyTextAt16PointAndStaysValid() throws Exception {
        Cli cli = new Cli();
        assertEquals(
                0,
                cli.run("leaflet", "koselugo", "--out", "out", "--large-print", "-q")
                        .code());
        String html = read(cli, "out/selumetinib.html");
        assertTrue(html.contains("body { font-size: 16pt; max-width: 36em; }"), "on screen");
        assertTrue(html.contains("    body { font-size: 16pt; }\n"), "and in print");
        assertEquals(List.of(), Html.problems(html));
        assertEquals(List.of(), Html.problems(read(cli, "out/index.html")));
        Result md = cli.run("leaflet", "koselugo", "--out", "md", "--format", "markdown", "--large-print");
        assertEquals(2, md.code(), md::toString);
        assertTrue(md.err().startsWith("medcounsel: --large-print is for html and pdf leaflets"), md.err());
    }

    @Test
    void theBannerNamesThePharmacyFirstWithItsLogoEmbedded() throws Exception {
        Cli cli = new Cli();
        cli.write("site/logo.png", PNG);
        cli.write(
                "site/pharmacy.yaml",
                "name: Riverside Pharmacy\nphone: 01234 567890\nwebsite: https://riverside.example\n"
                        + "opening-hours: Mon-Fri 9-6\nlogo: logo.png\n");
        Result r = cli.run("leaflet", "olumiant", "--out", "out", "--site", "site/pharmacy.yaml", "-q");
        assertEquals(0, r.code(), r::toString);
        String html = read(cli, "out/baricitinib.html");
        assertTrue(
                html.contains(
                        "<img class=\"logo\" src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUg&#x3D;&#x3D;\" alt=\"\">\n"
                                + "<p>Riverside Pharmacy</p>\n<p>Phone: 01234 567890</p>\n<p>https://riverside.example</p>\n"
                                + "<p>Open: Mon-Fri 9-6</p>"),
                html);
        assertTrue(html.contains("<h2>Questions?</h2>\n<p>Call us on 01234 567890. We are happy to help.</p>"), html);
        assertTrue(html.contains(".banner { box-sizing: border-box; width: 100%;"), "the border stays on the page");
        assertEquals(List.of(), Html.problems(html));
    }

    @Test
    void aLogoThatIsMissingOrNoImageIsOneLineNamingTheSiteFile() {
        Cli cli = new Cli();
        cli.write("site.yaml", "name: Riverside Pharmacy\nlogo: nothere.png\n");
        Result missing = cli.run("leaflet", "olumiant", "--out", "out", "--site", "site.yaml");
        assertEquals(1, missing.code());
        assertEquals(
                "medcounsel: site.yaml:2: logo 'nothere.png' does not exist (a path relative to the site file)\n",
                missing.err());
        cli.write("notes.png", "just text");
        cli.write("site2.yaml", "name: Riverside Pharmacy\nlogo: notes.png\n");
        Result text = cli.run("leaflet", "olumiant", "--out", "out", "--site", "site2.yaml");
        assertEquals("medcounsel: site2.yaml:2: logo 'notes.png' is not a PNG or JPEG image\n", text.err());
        assertFalse(Files.exists(cli.fs.getPath("out/baricitinib.html")), "nothing written");
    }

    @Test
    void oneLeafletGoesToStandardOutputWithOutDash() throws Exception {
        Cli cli = new Cli();
        Result md = cli.run("leaflet", "koselugo", "--out", "-", "--format", "markdown");
        assertEquals(0, md.code(), md::toString);
        assertTrue(
                md.out().startsWith("# Selumetinib (Koselugo)\n\n*Patient leaflet*\n\n## Get urgent help"), md.out());
        assertFalse(Files.exists(cli.fs.getPath("-")), "no folder named '-'");
        Result two = cli.run("leaflet", "koselugo", "olumiant", "--out", "-");
        assertEquals(2, two.code());
        assertTrue(two.err().startsWith("medcounsel: --out - writes one leaflet: give one drug"), two.err());
        assertEquals(2, cli.run("leaflet", "--all", "--out", "-").code());
        Result pdf = cli.terminal(true).run("leaflet", "koselugo", "--out", "-", "--format", "pdf");
        assertEquals(2, pdf.code());
        assertTrue(
                pdf.err().startsWith("medcounsel: a PDF is not written to a terminal: redirect it to a file"),
                pdf.err());
    }

    @Test
    void textLeafletsInFilesWrapAt80ColumnsWithoutColourWhateverTheTerminal() throws Exception {
        Cli cli = new Cli().terminal(true).env("COLUMNS", "200").env("CLICOLOR_FORCE", "1");
        assertEquals(
                0,
                cli.run("leaflet", "olumiant", "--out", "out", "--format", "text", "-q")
                        .code());
        String text = read(cli, "out/baricitinib.txt");
        int longest = text.lines()
                .filter(l -> !l.contains("://"))
                .mapToInt(String::length)
                .max()
                .orElse(0);
        assertTrue(longest <= 80 && longest > 70, "80 columns: " + longest);
        assertFalse(text.contains("\u001b"), "no colour codes");
        assertEquals(
                0,
                cli.run("leaflet", "olumiant", "--out", "w", "--format", "text", "--width", "60", "-q")
                        .code());
        assertTrue(read(cli, "w/baricitinib.txt")
                .lines()
                .filter(l -> !l.contains("://"))
                .allMatch(l -> l.length() <= 60));
    }

    @Test
    void jsonLeafletsAreTheLeafletsDocumentAndTheIndexListsThem() throws Exception {
        Cli cli = new Cli();
        Result r = cli.run("leaflet", "olumiant", "koselugo", "--out", "out", "--format", "json", "-q");
        assertEquals(0, r.code(), r::toString);
        JsonNode leaflet = new ObjectMapper().readTree(read(cli, "out/baricitinib.json"));
        assertEquals("Baricitinib (Olumiant)", leaflet.get("title").asText());
        assertEquals(
                "Get urgent help", leaflet.get("sections").get(0).get("heading").asText());
        JsonNode index = new ObjectMapper().readTree(read(cli, "out/index.json"));
        assertEquals(2, index.get("leaflets").size());
        assertEquals("2026-11-24", index.get("leaflets").get(0).get("made").asText());
    }
}
