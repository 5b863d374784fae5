package org.medcounsel.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medcounsel.TestSheets;
import org.medcounsel.sheet.Sheets.Fact;
import org.medcounsel.sheet.Sheets.FactType;
import org.medcounsel.sheet.Sheets.Question;
import org.medcounsel.sheet.Sheets.Reminder;

class SheetLoaderTest {
    static final Facts FACTS = new Facts(Map.of(
            "pregnant",
            fact("pregnant", FactType.YES_NO),
            "smoker",
            fact("smoker", FactType.YES_NO),
            "age",
            fact("age", FactType.NUMBER),
            "medicines",
            fact("medicines", FactType.LIST)));
    static final References REFS = References.of(FACTS, Set.of("test-blocker"));

    static Fact fact(String key, FactType type) {
        return new Fact(
                key, type, "Is it " + key + "?", "", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, List.of(), "");
    }

    static Sheets.DrugSheet load(String yaml) {
        return SheetLoader.drug(
                "drugs/testamab.yaml",
                YamlReader.read("drugs/testamab.yaml", yaml.getBytes(StandardCharsets.UTF_8)),
                "testamab",
                REFS);
    }

    static Problem only(String yaml) {
        SheetException e = assertThrows(SheetException.class, () -> load(yaml));
        assertEquals(1, e.problems().size(), () -> "problems: " + e.problems());
        return e.problems().get(0);
    }

    static String valid() {
        return TestSheets.drug("testamab", "Testix", "test-blocker");
    }

    @Test
    void validSheetLoadsEveryField() {
        var sheet = load(valid());
        assertEquals("testamab", sheet.id());
        assertEquals(List.of("Testix"), sheet.brands());
        assertEquals("test-blocker", sheet.drugClass().orElseThrow());
        assertEquals(
                "Take one a day with water.",
                sheet.get(SheetShapes.DRUG_HOW_TO_TAKE).get(0));
        assertEquals(2, sheet.screening().size());
        Question q = (Question) sheet.screening().get(0);
        assertEquals("pregnant", q.fact());
        assertEquals("Testix label", q.source().orElseThrow().title());
        assertTrue(sheet.screening().get(1) instanceof Reminder);
    }

    @Test
    void foldedTextIsJoinedIntoOneParagraph() {
        var sheet = load(valid().replace(
                        "summary: testamab is a test medicine. It calms the test.",
                        "summary: >-\n  First line\n  second line."));
        assertEquals("First line second line.", sheet.get(SheetShapes.DRUG_SUMMARY));
    }

    @Test
    void unknownFieldIsNamedWithItsLineAndASuggestion() {
        Problem p = only(valid().replace("summary:", "sumary:"));
        assertEquals("drugs/testamab.yaml", p.file());
        assertEquals(10, p.line());
        assertTrue(p.message().contains("unknown field 'sumary'"), p.message());
        assertTrue(p.message().contains("did you mean 'summary'"), p.message());
    }

    @Test
    void missingRequiredFieldIsAnError() {
        Problem p = only(valid().replace("missed-dose: Take the next dose at the usual time.\n", ""));
        assertTrue(p.message().contains("missing required field 'missed-dose' in drug sheet"), p.message());
    }

    @Test
    void wrongTypesAreErrors() {
        assertTrue(only(valid().replace("brands: [Testix]", "brands: Testix"))
                .message()
                .contains("'brands' must be a list"));
        assertTrue(only(valid().replace("reviewed: 2026-10-01", "reviewed: last week"))
                .message()
                .contains("'reviewed' must be a date (YYYY-MM-DD)"));
        assertTrue(only(valid().replace("status: licensed", "status: approved"))
                .message()
                .contains("must be one of licensed, off-label, under-study"));
        Problem number = only(valid().replace("name: testamab", "name: 42"));
        assertTrue(number.message().contains("put it in quotes"), number.message());
        assertEquals(2, number.line());
    }

    @Test
    void duplicateKeyNamesBothLines() {
        Problem p = only(valid().replace(
                        "overdose: Call your doctor at once.\n",
                        "overdose: Call your doctor at once.\noverdose: Again.\n"));
        assertEquals(19, p.line());
        assertTrue(p.message().contains("duplicate field 'overdose' (first given on line 18)"), p.message());
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        SheetException e = assertThrows(
                SheetException.class,
                () -> load(valid().replace("summary:", "sumary:").replace("status: licensed", "status: maybe")));
        assertEquals(2, e.problems().size(), e.problems().toString());
    }

    @Test
    void brokenYamlIsALocatedError() {
        Problem p = only("id: testamab\nbrands: [a, b\nname: x\n");
        assertTrue(p.message().startsWith("not valid YAML"), p.message());
        assertTrue(p.line() >= 2, "line " + p.line());
    }

    @Test
    void anchorsAndAliasesAreRefused() {
        Problem p = only(valid().replace("brands: [Testix]", "brands: &b [Testix]"));
        assertTrue(p.message().contains("anchors and aliases"), p.message());
    }

    @Test
    void emptyBinaryAndNonUtf8FilesAreRefused() {
        assertTrue(
                assertThrows(SheetException.class, () -> load("")).getMessage().contains("the file is empty"));
        assertTrue(assertThrows(SheetException.class, () -> load("id: a\0b"))
                .getMessage()
                .contains("binary"));
        SheetException latin1 = assertThrows(
                SheetException.class,
                () -> SheetLoader.drug(
                        "drugs/x.yaml",
                        YamlReader.read("drugs/x.yaml", new byte[] {'i', 'd', ':', ' ', (byte) 0xE9}),
                        "x",
                        REFS));
        assertTrue(latin1.getMessage().contains("not UTF-8"), latin1.getMessage());
    }

    @Test
    void idMustMatchTheFileName() {
        SheetException e = assertThrows(
                SheetException.class,
                () -> SheetLoader.drug(
                        "drugs/other.yaml",
                        YamlReader.read("drugs/other.yaml", valid().getBytes(StandardCharsets.UTF_8)),
                        "other",
                        REFS));
        assertTrue(e.getMessage().contains("does not match the file name 'other.yaml'"), e.getMessage());
    }

    @Test
    void referencesToSourcesFactsAndClassesAreChecked() {
        assertTrue(only(valid().replace("    source: label\n  - reminder", "    source: lable\n  - reminder"))
                .message()
                .contains("source 'lable' is not one of this sheet's sources (did you mean 'label'?)"));
        assertTrue(only(valid().replace("fact: pregnant", "fact: pregnent"))
                .message()
                .contains("unknown fact 'pregnent' (did you mean 'pregnant'?)"));
        assertTrue(only(valid().replace("class: test-blocker", "class: tset-blocker"))
                .message()
                .contains("class 'tset-blocker' has no sheet"));
    }

    @Test
    void ruleShapeMustFitTheFactType() {
        assertTrue(only(valid().replace("fact: pregnant", "fact: age"))
                .message()
                .contains("needs at-least, at-most, below or above"));
        assertTrue(only(valid().replace("fact: pregnant\n", "fact: pregnant\n    at-least: 3\n"))
                .message()
                .contains("are for number facts"));
        assertTrue(only(valid().replace("fact: pregnant", "fact: medicines"))
                .message()
                .contains("needs 'includes'"));
        assertTrue(only(valid().replace("  - reminder: Check", "  - level: caution\n    reminder: Check"))
                .message()
                .contains("a reminder takes only 'reminder' and 'source'"));
    }
}
