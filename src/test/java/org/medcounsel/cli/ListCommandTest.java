package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medcounsel.BundledData;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.TestSheets;

/** {@code medcounsel list}: columns on a terminal, TSV when piped, JSON, filters, where sheets came from. */
class ListCommandTest {
    final Cli cli = new Cli();

    static List<String> ids(Result r) {
        List<String> ids = new ArrayList<>();
        for (String line : r.out().split("\n")) if (!line.isEmpty()) ids.add(line.split("\t")[0]);
        return ids;
    }

    @Test
    void pipedItIsTabSeparatedWithoutAHeaderIdFirst() {
        Result r = cli.run("list");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("abrocitinib\tCibinqo\tJAK inhibitors\tbundled\ten, es, zh-Hans\n"), r.out());
        for (String line : r.out().split("\n")) assertEquals(5, line.split("\t", -1).length, line);
    }

    @Test
    void onATerminalColumnsAlignUnderAHeader() {
        Result r = cli.terminal(true).run("list", "--color", "never");
        assertEquals(0, r.code(), r::toString);
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].matches("drug +brands +class +from +languages"), lines[0]);
        assertFalse(r.out().contains("\t"));
        int column = lines[0].indexOf("class");
        for (int i = 1; i < lines.length; i++) {
            String c = lines[i].substring(column);
            assertTrue(c.startsWith("JAK inhibitors") || c.startsWith("MEK inhibitors"), lines[i]);
        }
        assertTrue(lines[1].endsWith("  bundled  en, es, zh-Hans"), lines[1]);
    }

    @Test
    void theSourceColumnNamesTheSiteFolderAndWhatItReplaces() {
        cli.write("site/drugs/baricitinib.yaml", TestSheets.drug("baricitinib", "Olumiant", null));
        cli.write("site/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", null));
        Result piped = cli.run("list", "--data", "site");
        assertTrue(piped.out().contains("baricitinib\tOlumiant\t-\tsite\ten\n"), piped.out());
        assertTrue(piped.out().contains("testamab\tTestix\t-\tsite\ten\n"), piped.out());
        assertTrue(
                piped.out().contains("abrocitinib\tCibinqo\tJAK inhibitors\tbundled\ten, es, zh-Hans\n"), piped.out());

        Cli t = new Cli().terminal(true);
        t.write("site/drugs/baricitinib.yaml", TestSheets.drug("baricitinib", "Olumiant", null));
        t.write("site/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", null));
        Result table = t.run("list", "--data", "site", "--color", "never");
        assertTrue(
                table.out().matches("(?s).*\nbaricitinib +Olumiant +- +site, instead of the bundled sheet +en\n.*"),
                table.out());
        assertTrue(table.out().matches("(?s).*\ntestamab +Testix +- +site +en\n.*"), table.out());
    }

    @Test
    void jsonParsesAndSaysWhereEachSheetCameFrom() throws IOException {
        cli.write("site/drugs/baricitinib.yaml", TestSheets.drug("baricitinib", "Olumiant", null));
        Result r = cli.run("list", "--data", "site", "--format", "json");
        assertEquals(0, r.code(), r::toString);
        JsonNode all = new ObjectMapper().readTree(r.out());
        assertEquals(BundledData.drugIds().size(), all.size(), "the bundled drugs, one of them the site's");
        JsonNode bari = all.get(1);
        assertEquals("baricitinib", bari.get("id").asText());
        assertEquals("site", bari.get("source").asText());
        assertTrue(bari.get("replaces").asBoolean());
        assertEquals("Cibinqo", all.get(0).get("brands").get(0).asText());
        assertEquals("JAK inhibitors", all.get(0).get("class").asText());
        assertEquals("bundled", all.get(0).get("source").asText());
        // The site's baricitinib replaces the bundled one, so the bundled translations are not of it.
        assertEquals(
                "[{\"lang\":\"en\",\"status\":\"english\"}]",
                bari.get("languages").toString());
        assertEquals(
                "[{\"lang\":\"en\",\"status\":\"english\"},{\"lang\":\"es\",\"status\":\"unchecked\"},"
                        + "{\"lang\":\"zh-Hans\",\"status\":\"unchecked\"}]",
                all.get(0).get("languages").toString());
    }

    @Test
    void aStaleOrIncompleteTranslationIsMarkedInTheLanguagesColumn() {
        cli.write("site/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", null));
        cli.write("site/drugs/testamab.es.yaml", TranslationTest.spanish("0000000000000000"));
        cli.write(
                "site/drugs/testamab.zh-Hans.yaml",
                "translation:\n  lang: zh-Hans\n  of: x\n  by: someone\nsummary: 测试药。\n");
        Result r = cli.run("list", "--data", "site");
        assertTrue(r.out().contains("testamab\tTestix\t-\tsite\ten, es (stale), zh-Hans (incomplete)\n"), r.out());
    }

    @Test
    void classFilter() {
        Result r = cli.run("list", "--class", "mek-inhibitor");
        assertEquals(List.of("mirdametinib", "selumetinib"), ids(r));
    }

    @Test
    void anUnknownClassIsAUsageErrorNamingTheKnownOnes() {
        Result r = cli.run("list", "--class", "jak");
        assertEquals(Exit.USAGE, r.code());
        assertTrue(
                r.err().startsWith("medcounsel: unknown class 'jak' (known: jak-inhibitor, mek-inhibitor)"), r.err());
    }

    @Test
    void forFindsUsesThroughSynonymsBothWays() {
        assertEquals(List.of("abrocitinib", "baricitinib", "upadacitinib"), ids(cli.run("list", "--for", "eczema")));
        assertEquals(
                List.of("abrocitinib", "baricitinib", "upadacitinib"),
                ids(cli.run("list", "--for", "atopic dermatitis")));
        List<String> hair = ids(cli.run("list", "--for", "hair loss"));
        assertTrue(hair.contains("ritlecitinib") && hair.contains("deuruxolitinib"), hair.toString());
        assertFalse(hair.contains("selumetinib"), hair.toString());
    }

    @Test
    void forMatchesAUseId() {
        cli.write(
                "site/drugs/testamab.yaml",
                TestSheets.drug("testamab", "Testix", null)
                        .replace("  - condition: Test disease\n", "  - id: tdx\n    condition: Test disease\n"));
        assertEquals(List.of("testamab"), ids(cli.run("list", "--for", "tdx", "--data", "site")));
    }

    @Test
    void filtersCombineAndNothingMatchingIsExitOne() {
        Result r = cli.run("list", "--class", "mek-inhibitor", "--for", "eczema");
        assertEquals(Exit.DATA_ERROR, r.code());
        assertEquals("", r.out());
        assertEquals("medcounsel: no drug matches --class mek-inhibitor --for 'eczema'\n", r.err());
    }
}
