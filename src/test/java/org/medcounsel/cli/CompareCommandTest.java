package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.TestSheets;
import org.medcounsel.render.Html;

/** {@code compare DRUG DRUG...}, run as a user runs it: arguments in, exit code and output out. */
class CompareCommandTest {
    final Cli cli = new Cli();

    static final List<String> ROWS = List.of(
            "What it is used for",
            "Ages it is licensed for",
            "How to take it",
            "Checks and tests",
            "Birth control after the last dose",
            "Key interactions",
            "If you miss a dose",
            "Checked against the product labels on");

    static void assertOk(Result r) {
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    /** The lines of one table row: from its label to the rule line that ends it. */
    static List<String> row(String out, String label) {
        List<String> lines = out.lines().toList();
        int start = lines.indexOf("  " + label);
        assertTrue(start >= 0, label + " in\n" + out);
        List<String> row = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("  ---") || line.isEmpty()) break;
            row.add(line);
        }
        return row;
    }

    /** The text of column {@code c} of a side-by-side row, as one line of words. */
    static String column(List<String> row, int c) {
        StringBuilder text = new StringBuilder();
        for (String line : row) {
            String[] cells = line.substring(2).split(" \\| ", -1);
            if (c < cells.length) text.append(' ').append(cells[c].strip());
        }
        return text.toString().replaceAll("\\s+", " ").strip();
    }

    @Test
    void twoDrugsStandSideBySideWithEveryTopicFromTheirSheets() {
        Result r = cli.run("compare", "olumiant", "XELJANZ", "--width", "80", "--color", "never");
        assertOk(r);
        String out = r.out();
        assertTrue(
                out.startsWith("Baricitinib (Olumiant) and Tofacitinib (Xeljanz, Xeljanz XR) - Side by side\n"), out);
        assertTrue(
                out.contains("\n  Baricitinib (Olumiant)                | Tofacitinib (Xeljanz, Xeljanz XR)\n"), out);
        int previous = 0;
        for (String label : ROWS) {
            int at = out.indexOf("\n  " + label + "\n");
            assertTrue(at > previous, label + " comes after the row before it\n" + out);
            previous = at;
        }
        List<String> birthControl = row(out, "Birth control after the last dose");
        assertTrue(column(birthControl, 0).contains("at least 1 week after your last dose"), birthControl::toString);
        assertTrue(column(birthControl, 1).contains("at least 4 weeks after your last dose"), birthControl::toString);
        List<String> interactions = row(out, "Key interactions");
        assertTrue(column(interactions, 0).contains("Caution: strong OAT3 inhibitor or probenecid"), out);
        assertTrue(column(interactions, 1).contains("Caution: strong CYP3A4 inhibitor or fluconazole"), out);
        assertTrue(column(row(out, "What it is used for"), 0).contains("Pemphigus vulgaris"), out);
        assertTrue(column(row(out, "What it is used for"), 0).contains("under study: not a licensed use"), out);
        assertTrue(column(row(out, "Ages it is licensed for"), 1).startsWith("Adults."), out);
        assertTrue(column(row(out, "Checks and tests"), 0).contains("A cholesterol test about 12 weeks"), out);
        assertTrue(out.contains("Sources:\n"), "the sources of both sheets close it");
        assertTrue(out.contains("olumiant-epar-pr") && out.contains("dailymed"), out);
        assertTrue(out.strip().endsWith("does not replace, the advice of the prescriber."), out);
    }

    @Test
    void aCellIsNeverCutWhateverTheWidth() {
        Result r = cli.run("compare", "xeljanz", "olumiant", "--width", "50", "--color", "never");
        assertOk(r);
        assertEquals(
                "If you forget a dose, take it when you remember on the same day. If you only remember the next"
                        + " day, skip the one you missed. Take your usual dose at the usual time. Never take two doses"
                        + " to make up for a missed one.",
                column(row(r.out(), "If you miss a dose"), 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 40, 60, 80, 100, 160})
    void noLineIsWiderThanTheWidthButOneWholeWord(int width) {
        for (List<String> drugs : List.of(
                List.of("olumiant", "xeljanz"),
                List.of("olumiant", "xeljanz", "rinvoq"),
                List.of("olumiant", "xeljanz", "rinvoq", "cibinqo", "koselugo"))) {
            List<String> args = new ArrayList<>(List.of("compare"));
            args.addAll(drugs);
            args.addAll(List.of("--width", String.valueOf(width), "--color", "always"));
            Result r = cli.run(args.toArray(String[]::new));
            assertOk(r);
            for (String line :
                    r.out().replaceAll("\u001b\\[[0-9;]*m", "").lines().toList()) {
                // A word longer than the room stands whole on its own line (an address, or "methotrexate." at 20).
                assertTrue(
                        line.length() <= width || !line.strip().contains(" ") || line.contains("://"),
                        width + " " + drugs + ": " + line);
                assertEquals(line.stripTrailing(), line, "no trailing spaces: " + line);
            }
        }
    }

    @Test
    void threeDrugsAtEightyColumnsStaySideBySide() {
        Result r = cli.run("compare", "olumiant", "xeljanz", "rinvoq", "--width", "80", "--color", "never");
        assertOk(r);
        List<String> missed = row(r.out(), "If you miss a dose");
        assertTrue(missed.stream().allMatch(l -> l.split(" \\| ", -1).length == 3), missed::toString);
        assertTrue(column(missed, 2).startsWith("If you forget a dose, take it when you remember on the same day."));
        assertTrue(r.out().startsWith("Baricitinib (Olumiant), Tofacitinib (Xeljanz, Xeljanz XR) and Upadacitinib"));
    }

    @Test
    void columnsTooNarrowToReadAreStackedUnderEachTopic() {
        Result r = cli.run("compare", "olumiant", "xeljanz", "rinvoq", "cibinqo", "--width", "80", "--color", "never");
        assertOk(r);
        String out = r.out();
        assertFalse(out.contains(" | "), "no columns narrower than a readable width:\n" + out);
        String missed = out.substring(out.indexOf("\n  If you miss a dose\n"));
        for (String name : List.of(
                "Baricitinib (Olumiant):",
                "Tofacitinib (Xeljanz, Xeljanz XR):",
                "Upadacitinib (Rinvoq, Rinvoq LQ):",
                "Abrocitinib (Cibinqo):")) {
            assertTrue(missed.contains("\n    " + name + "\n"), name + "\n" + missed);
        }
        assertTrue(
                missed.contains("      If you forget a dose, take it when you remember. But if your next dose is"),
                out);
    }

    @Test
    void markdownIsAPipeTableWithOneCellPerDrugAndNoHtml() {
        for (List<String> drugs : List.of(List.of("olumiant", "koselugo"), List.of("olumiant", "koselugo", "rinvoq"))) {
            List<String> args = new ArrayList<>(List.of("compare"));
            args.addAll(drugs);
            args.addAll(List.of("--format", "markdown"));
            Result r = cli.run(args.toArray(String[]::new));
            assertOk(r);
            String md = r.out();
            List<String> table = md.lines().filter(l -> l.startsWith("|")).toList();
            assertEquals(2 + ROWS.size(), table.size(), md);
            assertTrue(table.get(0).startsWith("| Topic | Baricitinib (Olumiant) | Selumetinib (Koselugo) |"), md);
            assertEquals("|---".repeat(drugs.size() + 1) + "|", table.get(1));
            Pattern pipe = Pattern.compile("(?<!\\\\)\\|");
            for (String line : table) {
                assertEquals(drugs.size() + 2, pipe.matcher(line).results().count(), line);
            }
            assertTrue(
                    table.get(2).startsWith("| **What it is used for** | \u2022 Rheumatoid arthritis"), table.get(2));
            assertTrue(
                    md.contains("at least 1 week after your last dose. If you use hormone birth control, add a"
                            + " condom."),
                    md);
            Node doc = Parser.builder().build().parse(md);
            List<Node> html = new ArrayList<>();
            doc.accept(new AbstractVisitor() {
                @Override
                public void visit(HtmlInline n) {
                    html.add(n);
                }

                @Override
                public void visit(HtmlBlock n) {
                    html.add(n);
                }
            });
            assertEquals(List.of(), html, md);
        }
    }

    @Test
    void sheetTextWithPipesAndMarkupNeverBreaksTheMarkdownTable() {
        cli.write(
                "site/drugs/testamab.yaml",
                TestSheets.drug("testamab", "Testix", null)
                        .replace("Take one a day with water.", "\"Take 1 | 2 a day, *not* <b>more</b>.\""));
        Result r = cli.run("compare", "testamab", "olumiant", "--data", "site", "--format", "markdown");
        assertOk(r);
        String line = r.out()
                .lines()
                .filter(l -> l.startsWith("| **How to take it**"))
                .findFirst()
                .orElseThrow();
        assertEquals(4, Pattern.compile("(?<!\\\\)\\|").matcher(line).results().count(), line);
        assertTrue(line.contains("Take 1 \\| 2 a day, \\*not\\* \\<b\\>more\\</b\\>."), line);
    }

    @Test
    void htmlIsARealTableAndValid() throws Exception {
        for (List<String> drugs : List.of(List.of("olumiant", "xeljanz"), List.of("olumiant", "xeljanz", "cibinqo"))) {
            List<String> args = new ArrayList<>(List.of("compare"));
            args.addAll(drugs);
            args.addAll(List.of("--format", "html"));
            Result r = cli.run(args.toArray(String[]::new));
            assertOk(r);
            String html = r.out();
            assertTrue(html.contains("<table>"), html);
            assertTrue(
                    html.contains("<tr><th scope=\"col\">Topic</th><th scope=\"col\">Baricitinib (Olumiant)</th>"
                            + "<th scope=\"col\">Tofacitinib (Xeljanz, Xeljanz XR)</th>"),
                    html);
            assertEquals(
                    ROWS.size(),
                    Pattern.compile("<th scope=\"row\">")
                            .matcher(html)
                            .results()
                            .count());
            assertEquals(
                    ROWS.size() * drugs.size(),
                    Pattern.compile("<td>").matcher(html).results().count());
            assertTrue(html.contains("<th scope=\"row\">Key interactions</th><td><ul><li>Caution: hormonal"), html);
            assertEquals(List.of(), Html.problems(html));
        }
    }

    @Test
    void jsonHasOneDocumentWithATableOfEveryDrug() throws Exception {
        for (List<String> drugs :
                List.of(List.of("koselugo", "mirdametinib"), List.of("koselugo", "mirdametinib", "cibinqo"))) {
            List<String> args = new ArrayList<>(List.of("compare"));
            args.addAll(drugs);
            args.addAll(List.of("--format", "json"));
            Result r = cli.run(args.toArray(String[]::new));
            assertOk(r);
            JsonNode doc = new ObjectMapper().readTree(r.out());
            assertTrue(doc.isObject(), "one document, not an array");
            assertEquals("compare", doc.get("section").asText());
            assertEquals(
                    drugs.size() == 2 ? "selumetinib,mirdametinib" : "selumetinib,mirdametinib,abrocitinib",
                    doc.get("drug").asText());
            JsonNode table = doc.get("sections").get(0).get("blocks").get(0);
            assertEquals("table", table.get("type").asText());
            assertEquals(drugs.size(), table.get("columns").size());
            List<String> labels = new ArrayList<>();
            table.get("rows").forEach(row -> {
                labels.add(row.get("label").asText());
                assertEquals(drugs.size(), row.get("cells").size(), row.toString());
                row.get("cells").forEach(cell -> assertTrue(cell.size() > 0, row.toString()));
            });
            assertEquals(ROWS, labels);
            JsonNode contraception = table.get("rows").get(4).get("cells");
            assertTrue(contraception.get(0).get(0).asText().startsWith("Women and men:"), contraception.toString());
            assertTrue(contraception.get(1).get(0).asText().contains("for 3 months after your last dose"));
            assertTrue(doc.get("sources").size() >= 2);
        }
    }

    @Test
    void aFactASheetDoesNotStateIsSaidInWordsNeverLeftBlank() throws Exception {
        cli.write("site/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", null));
        Result r = cli.run("compare", "testix", "olumiant", "--data", "site", "--width", "90", "--color", "never");
        assertOk(r);
        for (String label :
                List.of("Ages it is licensed for", "Birth control after the last dose", "Key interactions")) {
            assertEquals("not stated on this sheet", column(row(r.out(), label), 0), label);
            assertFalse(column(row(r.out(), label), 1).contains("not stated"), label);
        }
        assertEquals("Take one a day with water.", column(row(r.out(), "How to take it"), 0));
        JsonNode json = new ObjectMapper()
                .readTree(cli.run("compare", "testix", "olumiant", "--data", "site", "--format", "json")
                        .out());
        assertEquals(
                "[\"not stated on this sheet\"]",
                json.at("/sections/0/blocks/0/rows/1/cells/0").toString());
    }

    @Test
    void eachDrugsReviewDateIsARowAndTheFooterGivesTheOldest() {
        cli.write("site/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", null));
        Result r = cli.run("compare", "olumiant", "testamab", "--data", "site", "--color", "never");
        assertOk(r);
        assertEquals(
                "2026-11-23 2026-10-01",
                column(row(r.out(), "Checked against the product labels on"), 0) + " "
                        + column(row(r.out(), "Checked against the product labels on"), 1));
        assertTrue(r.out().contains("\nChecked against the product labels on 2026-10-01.\n"), r.out());
    }

    @Test
    void aSiteCanRewordTheRowsAndTheGapWord() {
        cli.write(
                "site/words.yaml", "heading-contraception: Contraception after stopping\nnot-stated: (sheet silent)\n");
        cli.write("site/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", null));
        Result r = cli.run("compare", "testamab", "olumiant", "--data", "site", "--color", "never");
        assertOk(r);
        assertEquals("(sheet silent)", column(row(r.out(), "Contraception after stopping"), 0));
    }

    @Test
    void anUnknownDrugExitsThreeBeforeAnythingIsPrinted() {
        Result r = cli.run("compare", "olumiant", "olumient", "xeljanz");
        assertEquals(3, r.code(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().contains("olumient") && r.err().contains("olumiant"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void fewerThanTwoDrugsIsAUsageError() {
        for (String[] args :
                List.of(new String[] {"compare", "olumiant"}, new String[] {"compare", "nosuchdrug"}, new String[] {
                    "compare", "olumiant", "BARICITINIB"
                })) {
            Result r = cli.run(args);
            assertEquals(2, r.code(), r::toString);
            assertEquals("", r.out(), r::toString);
            assertTrue(r.err().contains("compare needs at least 2"), r.err());
        }
        Result none = cli.run("compare");
        assertEquals(2, none.code(), none::toString);
        assertEquals("", none.out());
    }

    @Test
    void helpListsCompareAfterScreenAndEndsWithExamples() {
        Result help = cli.run("compare", "--help");
        assertEquals(0, help.code(), help::toString);
        assertTrue(help.out().contains("side by side"), help.out());
        assertTrue(help.out().contains("Examples:\n  medcounsel compare olumiant xeljanz\n"), help.out());
        String top = cli.run("--help").out();
        int screen = top.indexOf("\n  screen "),
                compare = top.indexOf("\n  compare "),
                facts = top.indexOf("\n  facts ");
        assertTrue(screen > 0 && compare > screen && facts > compare, top);
    }
}
