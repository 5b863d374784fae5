package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.medcounsel.BundledData;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.TestSheets;
import org.medcounsel.sheet.Formulary;

/**
 * {@code brief} (the counter card from each sheet's key points) and {@code risks} in the order of a
 * conversation: urgent help first with the action leading, key warnings, and the history last.
 */
class BriefAndRisksOrderTest {
    final Cli cli = new Cli();

    /** The ids of every bundled drug sheet, read from the data folder the jar is built from. */
    static List<String> bundled() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("data/drugs"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .filter(n -> !n.contains(".")) // translations are not sheets of their own
                    .sorted()
                    .toList();
        }
    }

    static JsonNode sheet(String id) throws IOException {
        return new YAMLMapper().readTree(Path.of("data/drugs", id + ".yaml").toFile());
    }

    /** The output with every run of spaces and line breaks made one space: wrapped text reads whole. */
    static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    static List<String> sections(String out) {
        List<String> headings = new ArrayList<>();
        String[] lines = out.split("\n");
        for (int i = 1; i < lines.length; i++) {
            // A heading stands alone after a blank line, flush left.
            if (lines[i - 1].isEmpty() && !lines[i].isEmpty() && !lines[i].startsWith(" ")) {
                headings.add(lines[i]);
            }
        }
        return headings;
    }

    Cli withSite(String drugYaml, String classYaml) {
        cli.write("site/drugs/testamab.yaml", drugYaml);
        cli.write("site/classes/test-blocker.yaml", classYaml);
        return cli;
    }

    @Test
    void briefForEveryBundledDrugFitsTwentyFourLinesAtEightyColumnsAndSaysEachKeyPoint() throws IOException {
        List<String> ids = bundled();
        // The tool bundles every sheet in data/drugs, and nothing else.
        assertEquals(List.copyOf(BundledData.drugIds()), ids);
        assertEquals(BundledData.drugIds(), Formulary.withSites(List.of()).drugIds());
        for (String id : ids) {
            Result r = cli.run("brief", id, "--width", "80");
            assertEquals(0, r.code(), r::toString);
            assertEquals("", r.err(), id);
            List<String> lines = r.out().lines().toList();
            assertTrue(lines.size() <= 24, id + " takes " + lines.size() + " lines:\n" + r.out());
            assertTrue(lines.stream().allMatch(l -> l.length() <= 80), id + ":\n" + r.out());
            JsonNode points = sheet(id).get("key-points");
            String out = flat(r.out());
            for (String field : List.of("for", "take", "missed-dose", "get-help")) {
                assertTrue(out.contains(flat(points.get(field).asText())), id + " " + field + ":\n" + r.out());
            }
            assertEquals(3, points.get("watch").size(), id);
            for (JsonNode watch : points.get("watch")) {
                assertTrue(r.out().contains("  - " + watch.asText() + "\n"), id + ":\n" + r.out());
            }
        }
    }

    @Test
    void briefIsOneCardWithTheTeachBackQuestionAndNoSourcesBlock() {
        Result r = cli.run("brief", "Olumiant", "--width", "80");
        assertEquals(0, r.code(), r::toString);
        String out = r.out();
        assertTrue(out.startsWith("Baricitinib (Olumiant) - At the counter\n"), out);
        int forWhat = out.indexOf("What it is for:");
        int take = out.indexOf("How to take it:");
        int missed = out.indexOf("If you miss a dose:");
        int watch = out.indexOf("Watch for:");
        int help = out.indexOf("GET HELP AT ONCE: Call an ambulance");
        int ask = out.indexOf("Ask: \"Tell me how you will take it.\"");
        assertTrue(0 < forWhat && forWhat < take && take < missed && missed < watch && watch < help && help < ask, out);
        assertTrue(out.contains("Full sheet: medcounsel info baricitinib\n"), out);
        assertTrue(out.contains("Checked against the product labels on 2026-11-23.\n"), out);
        assertFalse(out.contains("Sources"), "the card points to the full sheet instead:\n" + out);
        assertFalse(out.contains("https://"), out);
    }

    @Test
    void briefOfSeveralDrugsGivesOneCardEachInTheOrderAsked() {
        Result r = cli.run("brief", "koselugo", "xeljanz");
        assertEquals(0, r.code(), r::toString);
        int selumetinib = r.out().indexOf("Selumetinib (Koselugo) - At the counter");
        int tofacitinib = r.out().indexOf("Tofacitinib (Xeljanz, Xeljanz XR) - At the counter");
        assertTrue(0 <= selumetinib && selumetinib < tofacitinib, r.out());
    }

    @Test
    void briefInJsonMarkdownAndHtmlCarriesTheSamePoints() throws IOException {
        JsonNode doc = new ObjectMapper()
                .readTree(cli.run("brief", "rinvoq", "--format", "json").out());
        assertEquals("brief", doc.get("section").asText());
        JsonNode blocks = doc.get("sections").get(0).get("blocks");
        JsonNode watch = blocks.get(3);
        assertEquals("bullets", watch.get("type").asText());
        assertEquals(sheet("upadacitinib").get("key-points").get("watch"), watch.get("items"));
        assertEquals("urgent", blocks.get(4).get("severity").asText());

        String md = cli.run("brief", "rinvoq", "--format", "markdown").out();
        assertTrue(md.contains("**Ask:** \"Tell me how you will take it.\""), md);
        assertFalse(md.contains("## Sources"), md);
        String html = cli.run("brief", "rinvoq", "--format", "html").out();
        assertTrue(html.contains("Tell me how you will take it."), html);
        assertFalse(html.contains("<h2>Sources</h2>"), html);
    }

    @Test
    void briefHelpEndsWithExamples() {
        Result r = cli.run("brief", "--help");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("\nExamples:\n  medcounsel brief olumiant\n"), r.out());
    }

    @Test
    void risksOpensWithUrgentHelpWhoseFirstLineIsTheActionForEveryBundledDrug() throws IOException {
        for (String id : bundled()) {
            Result r = cli.run("risks", id, "--width", "80");
            assertEquals(0, r.code(), r::toString);
            List<String> lines = r.out().lines().toList();
            assertEquals("", lines.get(2), id);
            assertEquals("Get urgent help", lines.get(3), id + ":\n" + r.out());
            assertEquals("  GET HELP AT ONCE:", lines.get(4), id);
            // The action leads: a verb telling the patient what to do, before any sign.
            assertTrue(
                    lines.get(5).startsWith("  ! Call an ambulance at once")
                            || lines.get(5).startsWith("  ! Get medical help at once"),
                    id + ": " + lines.get(5));
            assertEquals("Important warnings", sections(r.out()).get(1), id);
        }
    }

    @Test
    void theHistoryBehindTheWarningsComesLastAndTheKeyWarningsStayShort() {
        Result r = cli.run("risks", "xeljanz", "--width", "80", "--sources");
        assertEquals(0, r.code(), r::toString);
        String out = r.out();
        List<String> headings = sections(out);
        assertEquals(
                List.of(
                        "Get urgent help",
                        "Important warnings",
                        "Side effects",
                        "Checks and tests",
                        "Staying safe",
                        "Why these warnings"),
                headings.subList(0, 6),
                out);
        int warnings = out.indexOf("\nImportant warnings\n");
        int sideEffects = out.indexOf("\nSide effects\n");
        int background = out.indexOf("\nWhy these warnings\n");
        int oral = out.indexOf("ORAL Surveillance");
        assertTrue(background < oral, "the study is told under its own heading, last:\n" + out);
        assertFalse(out.substring(warnings, sideEffects).contains("FDA"), out);
        // Each key warning is a sentence or two.
        for (String item : flat(out.substring(warnings, sideEffects)).split(" ! ")) {
            assertTrue(item.split("[.!?] ").length <= 3, item);
        }
    }

    @Test
    void aSiteActionComesFirstEvenAfterTheClassSignsAreMergedIn() {
        String drug = TestSheets.drug("testamab", "Testix", "test-blocker")
                .replace("urgent-help:\n", "urgent-action: Stop testamab and call your team at once.\nurgent-help:\n");
        String drugClass = TestSheets.drugClass("test-blocker")
                .replace("urgent-help:\n", "urgent-action: Call an ambulance at once for a stroke.\nurgent-help:\n")
                .replace("warnings:\n", "background:\n  - A test study in 2020 made the warning.\nwarnings:\n");
        Result r = withSite(drug, drugClass).run("risks", "testamab", "--data", "site");
        assertEquals(0, r.code(), r::toString);
        assertTrue(
                r.out()
                        .contains("Get urgent help\n"
                                + "  GET HELP AT ONCE:\n"
                                + "  ! Call an ambulance at once for a stroke.\n"
                                + "  ! Stop testamab and call your team at once.\n"
                                + "  ! Class sign of a stroke.\n"
                                + "  ! Fainting from testamab.\n"),
                r.out());
        assertTrue(r.out().contains("Why these warnings\n  A test study in 2020 made the warning.\n"), r.out());
        assertTrue(r.out().indexOf("Why these warnings") > r.out().indexOf("Checks and tests"), r.out());
    }

    @Test
    void aSiteSheetWhoseCardIsTooLongFailsCheckNamingTheFile() {
        String longWords = "Take it with water in the morning and again at night with food. ".repeat(12);
        String drug = TestSheets.drug("testamab", "Testix", "test-blocker")
                .replace("  take: One tablet a day, with a drink of water.\n", "  take: " + longWords.strip() + "\n");
        Result r = withSite(drug, TestSheets.drugClass("test-blocker")).run("check", "--data", "site");
        assertEquals(1, r.code(), r::toString);
        assertTrue(
                r.out()
                        .matches("(?s).*site/drugs/testamab\\.yaml:\\d+: error: the counter card \\('brief testamab'\\)"
                                + " takes \\d+ lines at 80 columns, over 24.*"),
                r.out());
        Result fine = withSite(
                        TestSheets.drug("testamab", "Testix", "test-blocker"), TestSheets.drugClass("test-blocker"))
                .run("check", "--data", "site");
        assertEquals(0, fine.code(), fine::toString);
    }

    @Test
    void watchTakesExactlyThreeItems() {
        String drug = TestSheets.drug("testamab", "Testix", "test-blocker")
                .replace("  watch: [A rash., A cough., A headache.]\n", "  watch: [A rash., A cough.]\n");
        Result r = withSite(drug, TestSheets.drugClass("test-blocker")).run("check", "--data", "site");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().contains("'watch' needs exactly 3 items, not 2"), r.out());
    }

    @Test
    void aSiteSheetWithoutKeyPointsHasNoCardButEverythingElseWorks() {
        String drug =
                TestSheets.drug("testamab", "Testix", "test-blocker").replaceAll("(?s)key-points:\n(  .*?\n)+", "");
        assertFalse(drug.contains("key-points"), drug);
        withSite(drug, TestSheets.drugClass("test-blocker"));

        Result brief = cli.run("brief", "testamab", "--data", "site");
        assertEquals(1, brief.code(), brief::toString);
        assertEquals("", brief.out(), "nothing half-printed");
        assertTrue(brief.err().contains("site/drugs/testamab.yaml: testamab has no key points"), brief.err());
        assertTrue(brief.err().contains("use medcounsel info testamab"), brief.err());
        assertEquals(1, brief.err().lines().count(), brief.err());

        Result both = cli.run("brief", "olumiant", "testamab", "--data", "site");
        assertEquals(1, both.code(), both::toString);
        assertEquals("", both.out(), "every sheet is checked before a card is printed");

        assertEquals(0, cli.run("info", "testamab", "--data", "site").code());
        Result check = cli.run("check", "--data", "site");
        assertEquals(0, check.code(), check::toString);
        assertTrue(
                check.out().contains("warning: no 'key-points': 'brief' has no counter card for testamab"),
                check.out());
        assertEquals(1, cli.run("check", "--data", "site", "--strict").code());
    }

    @Test
    void infoSaysHowToTakeItBeforeTheLongListOfThingsToTellTheDoctor() throws IOException {
        Result r = cli.run("info", "olumiant");
        assertEquals(0, r.code(), r::toString);
        assertEquals(
                List.of(
                        "What it is",
                        "What it is used for",
                        "How to take it",
                        "If you miss a dose",
                        "When it starts to work",
                        "Before you take it",
                        "If you take too much",
                        "How to store it"),
                sections(r.out()).subList(0, 8),
                r.out());
        // The printed leaflet keeps the EU leaflet's order.
        Result leaflet = cli.run("leaflet", "olumiant", "--out", "out", "--format", "text", "-q");
        assertEquals(0, leaflet.code(), leaflet::toString);
        String text = Files.readString(cli.fs.getPath("out/baricitinib.txt"));
        assertTrue(text.indexOf("\nBefore you take it\n") < text.indexOf("\nHow to take it\n"), text);
    }
}
