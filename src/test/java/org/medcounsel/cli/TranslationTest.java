package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medcounsel.BundledData;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.TestSheets;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.Sheets;
import org.medcounsel.sheet.Shelf.Kind;
import org.medcounsel.sheet.Translation;
import org.medcounsel.sheet.YamlReader;

/**
 * Counselling in the patient's language: the language asked for (flag, config file, locale), a
 * whole document in one language or English with a note, stale translations said out loud, and
 * translations that can change words only, never a rule or a number.
 */
class TranslationTest {
    final Cli cli = new Cli();

    static final String SHEET = TestSheets.drug("sitedrug", "Sitix", null);

    /** A complete Spanish translation of the test sheet, made from {@code of}. */
    static String spanish(String of) {
        return "translation:\n  lang: es\n  of: " + of + "\n  by: Ana Ruiz, traductora\n"
                + "summary: sitedrug es un medicamento de prueba. Calma la prueba.\n"
                + "uses:\n  - condition: Enfermedad de prueba\n"
                + "how-to-take:\n  - Tome uno al día con agua.\n"
                + "missed-dose: Tome la siguiente dosis a la hora de siempre.\n"
                + "overdose: Llame a su médico enseguida.\n"
                + "key-points:\n  for: Para la enfermedad de prueba.\n  take: Una tableta al día, con agua.\n"
                + "  missed-dose: Sáltela y siga como siempre.\n"
                + "  watch: [Un sarpullido., Tos., Dolor de cabeza.]\n"
                + "  get-help: Llame a una ambulancia enseguida si se desmaya.\n"
                + "side-effects:\n  - effects: [Dolor de cabeza]\n    what-to-do: Dígaselo a su médico si sigue.\n"
                + "urgent-help:\n  - Desmayos por sitedrug.\n"
                + "monitoring:\n  - Un análisis de sangre para sitedrug.\n"
                + "stopping:\n  advice: [No deje sitedrug por su cuenta.]\n  after: [La enfermedad puede volver.]\n"
                + "screening:\n  - fact: pregnant\n    advice: No empiece sitedrug en el embarazo.\n"
                + "  - reminder: Revise el hemograma para sitedrug.\n";
    }

    static String fingerprint(String yaml) {
        return Translation.fingerprint(YamlReader.read("x", yaml.getBytes(StandardCharsets.UTF_8)));
    }

    Cli site(String overlay) {
        cli.write("site/drugs/sitedrug.yaml", SHEET);
        if (overlay != null) cli.write("site/drugs/sitedrug.es.yaml", overlay);
        return cli;
    }

    @Test
    void aTranslatedSheetIsShownWholeInItsLanguageWithItsCreditsAndTheNumbersOfTheEnglish() {
        Result r = site(spanish(fingerprint(SHEET))).run("info", "sitedrug", "--data", "site", "--lang", "es");
        assertEquals(0, r.code(), r.toString());
        assertEquals("", r.err());
        assertTrue(r.out().contains("Tome uno al día con agua."), r.out());
        assertTrue(r.out().contains("Qué es"), "the headings come from words.es.yaml: " + r.out());
        assertFalse(r.out().contains("What it is"), r.out());
        assertFalse(r.out().contains("Take one a day"), r.out());
        assertTrue(r.out().contains("Ana Ruiz, traductora"), "it says who translated it");
        assertFalse(r.out().contains("This translation may be out of date"), r.out());
    }

    @Test
    void theLanguageComesFromTheFlagThenTheConfigFileThenTheLocale() {
        site(spanish(fingerprint(SHEET)));
        String english = cli.run("info", "sitedrug", "--data", "site").out();
        String inSpanish =
                cli.run("info", "sitedrug", "--data", "site", "--lang", "es").out();
        cli.env("LANG", "es_MX.UTF-8");
        assertEquals(inSpanish, cli.run("info", "sitedrug", "--data", "site").out(), "LANG es_MX finds es");
        cli.env("LC_ALL", "C");
        assertEquals(english, cli.run("info", "sitedrug", "--data", "site").out(), "LC_ALL wins, and C is English");
        cli.env("LC_ALL", "").env("LC_MESSAGES", "en_GB.UTF-8");
        assertEquals(english, cli.run("info", "sitedrug", "--data", "site").out(), "LC_MESSAGES before LANG");
        cli.env("XDG_CONFIG_HOME", "/work/cfg").write("cfg/medcounsel/config.yaml", "lang: es\n");
        assertEquals(inSpanish, cli.run("info", "sitedrug", "--data", "site").out(), "the config file wins");
        assertEquals(
                english,
                cli.run("info", "sitedrug", "--data", "site", "--lang", "en").out(),
                "the flag wins");
        assertEquals(
                english,
                cli.run("--lang", "en", "info", "sitedrug", "--data", "site").out(),
                "before the command");
        Result compare = cli.run("--lang", "es", "compare", "baricitinib", "tofacitinib");
        assertEquals(2, compare.code(), "compare is in English only, and says so: " + compare);
        Result bad = cli.run("info", "sitedrug", "--data", "site", "--lang", "!!");
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("--lang"), bad.err());
    }

    @Test
    void aLocaleInALanguageTheDataHasNoWordsForMeansEnglishWithoutANote() {
        String english = cli.run("info", "baricitinib").out();
        Result r = cli.env("LANG", "de_DE.UTF-8").run("info", "baricitinib");
        assertEquals(english, r.out());
        assertEquals("", r.err());
        Result asked = cli.run("info", "baricitinib", "--lang", "de");
        assertEquals(english, asked.out());
        assertEquals(
                "medcounsel: note: there is no German (de) translation of baricitinib; showing baricitinib in English\n",
                asked.err(),
                "asked for by name, it is said");
    }

    @Test
    void chineseLocalesMeanSimplifiedChinese() {
        cli.env("LANG", "zh_CN.UTF-8");
        Result r = cli.run("info", "baricitinib");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("这是什么药"), r.out());
        assertTrue(r.out().contains("4 mg"), "numbers stay as in English");
        // Chinese punctuation from the words file: after a label, and after the review date.
        assertTrue(r.out().contains("\n  类风湿关节炎（关节疼痛、僵硬和肿胀）： 获批用途。"), r.out());
        assertTrue(r.out().contains(" 2026-11-23。\n"), r.out());
    }

    @Test
    void withoutACompleteTranslationTheWholeDocumentIsEnglishWithOneNote() {
        site(null);
        String english = cli.run("risks", "sitedrug", "--data", "site").out();
        Result none = cli.run("risks", "sitedrug", "--data", "site", "--lang", "es");
        assertEquals(english, none.out(), "never a mix of languages");
        assertEquals(
                "medcounsel: note: there is no Spanish (es) translation of sitedrug; showing sitedrug in English\n",
                none.err());

        site(spanish(fingerprint(SHEET)).replace("monitoring:\n  - Un análisis de sangre para sitedrug.\n", ""));
        Result partial = cli.run("risks", "sitedrug", "--data", "site", "--lang", "es");
        assertEquals(english, partial.out(), "a translation that leaves one text out is not used at all");
        assertTrue(partial.err().contains("does not translate 1 text (first: monitoring[1]"), partial.err());
        Result json = cli.run("risks", "sitedrug", "--data", "site", "--lang", "es", "--format", "json");
        assertTrue(json.out().contains("\"lang\" : \"en\""), json.out());
        assertTrue(json.out().contains("\"fallback\" :"), json.out());
    }

    @Test
    void aStaleTranslationIsWarnedOfInBothLanguagesEverywhereAndLeafletRefusesIt() {
        site(spanish("0000000000000000"));
        Result text = cli.run("info", "sitedrug", "--data", "site", "--lang", "es");
        assertEquals(0, text.code(), text.toString());
        assertTrue(text.out().contains("Esta traducción puede estar desactualizada"), text.out());
        assertTrue(text.out().contains("This translation may be out of date"), text.out());
        assertTrue(text.err().contains("may be out of date"), text.err());

        Result json = cli.run("info", "sitedrug", "--data", "site", "--lang", "es", "--format", "json");
        assertTrue(
                json.out()
                        .replaceAll("\\s", "")
                        .contains("\"translation\":{\"lang\":\"es\",\"asked\":\"es\",\"stale\":true"),
                json.out());

        Result html = cli.run("info", "sitedrug", "--data", "site", "--lang", "es", "--format", "html");
        assertTrue(html.out().contains("<html lang=\"es\">"), html.out());
        assertTrue(html.out().contains("<p lang=\"en\"><strong>This translation may be out of date"), html.out());

        Result check = cli.run("check", "--data", "site");
        assertTrue(
                check.out()
                                .contains("site/drugs/sitedrug.es.yaml: warning: made from the English sheet as it was"
                                        + " (0000000000000000)")
                        || check.out().contains("stale-translation"),
                check.out());
        assertTrue(check.out().contains(fingerprint(SHEET)), "check gives the fingerprint to write: " + check.out());

        Result leaflet = cli.run("leaflet", "sitedrug", "--data", "site", "--lang", "es", "--out", "out");
        assertEquals(1, leaflet.code(), leaflet.toString());
        assertTrue(leaflet.err().contains("--allow-stale-translation"), leaflet.err());
        assertFalse(Files.exists(cli.fs.getPath("/work/out/sitedrug.html")));
        Result allowed = cli.run(
                "leaflet", "sitedrug", "--data", "site", "--lang", "es", "--out", "out", "--allow-stale-translation");
        assertEquals(0, allowed.code(), allowed.toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "screening:\n  - fact: pregnant\n    level: caution\n",
                "screening:\n  - fact: age\n",
                "sources:\n  - title: Otra\n",
                "reviewed: 2030-01-01\n",
                "side-effects:\n  - how-often: rare\n"
            })
    void aTranslationThatTriesToChangeARuleOrAFactIsRefusedWithItsLine(String change) {
        String overlay = spanish(fingerprint(SHEET));
        String key = change.substring(0, change.indexOf(':') + 1);
        int at = overlay.indexOf("\n" + key);
        overlay = at < 0 ? overlay + change : overlay.substring(0, at + 1) + change;
        site(overlay);
        Result r = cli.run("info", "sitedrug", "--data", "site", "--lang", "es");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("medcounsel: site/drugs/sitedrug.es.yaml:"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals("", r.out(), "nothing is printed from a broken translation");
    }

    @Test
    void aTranslationThatChangesANumberInATextIsRefused() {
        site(spanish(fingerprint(SHEET)).replace("Tome uno al día con agua.", "Tome 2 al día con agua."));
        Result r = cli.run("info", "sitedrug", "--data", "site", "--lang", "es");
        assertEquals(1, r.code(), r.toString());
        assertEquals(
                "medcounsel: site/drugs/sitedrug.es.yaml:9: 'how-to-take[1]': its numbers (2) are not the English"
                        + " text's (none): a translation may never change a number\n",
                r.err());
    }

    /** Every bundled translation: the same rules, sources and numbers as the English sheet. */
    @Test
    void noBundledTranslationChangesARuleASourceOrANumber() {
        Formulary formulary = Formulary.withSites(List.of());
        int checked = 0;
        for (String id : formulary.drugIds()) {
            Drug english = formulary.drug(id);
            for (String lang : formulary.languages(Kind.DRUG, id)) {
                Drug translated = formulary.drug(id, lang);
                assertEquals(lang, translated.language().shown(), id + " " + lang + ": " + translated.language());
                assertFalse(translated.language().stale(), id + " " + lang + " is stale");
                assertEquals(english.screening().size(), translated.screening().size());
                for (int i = 0; i < english.screening().size(); i++) {
                    var a = english.screening().get(i);
                    var b = translated.screening().get(i);
                    assertEquals(a.getClass(), b.getClass());
                    assertEquals(a.source(), b.source());
                    if (a instanceof Sheets.Question q && b instanceof Sheets.Question t) {
                        // Everything but the advice text is the English rule's.
                        assertEquals(
                                new Sheets.Question(
                                        q.fact(),
                                        q.level(),
                                        t.advice(),
                                        q.source(),
                                        q.atLeast(),
                                        q.atMost(),
                                        q.below(),
                                        q.above(),
                                        q.includes(),
                                        q.is(),
                                        q.uses()),
                                t);
                        assertEquals(Translation.numbers(q.advice()), Translation.numbers(t.advice()));
                    }
                }
                assertEquals(english.sources(), translated.sources());
                assertEquals(english.reviewed(), translated.reviewed());
                assertEquals(english.sheet().brands(), translated.sheet().brands());
                checked++;
            }
        }
        Map<String, Integer> translated = BundledData.drugTranslations();
        assertEquals(
                translated.get("es") + translated.get("zh-Hans"), checked, "in Spanish and in Chinese: " + translated);
    }

    /** A translation changes words only: the same patient gets the same verdict, findings and exit code. */
    @Test
    void screeningGivesTheSameVerdictInEveryLanguage() throws Exception {
        String patient = Files.readString(Path.of("data/examples/patient.yaml"));
        cli.write("patient.yaml", patient);
        List<List<String>> patients = List.of(
                List.of("--patient", "patient.yaml"),
                List.of("-f", "age=70", "-f", "egfr=25", "-f", "pregnant=yes"),
                List.of("-f", "age=15", "-f", "medicines=ketoconazole"),
                List.of());
        ObjectMapper json = new ObjectMapper();
        int compared = 0;
        for (String drug : Formulary.withSites(List.of()).drugIds()) {
            for (List<String> given : patients) {
                List<String> args = new ArrayList<>(List.of("screen", drug, "--format", "json"));
                args.addAll(given);
                Result english = cli.run(args.toArray(String[]::new));
                var en = json.readTree(english.out());
                for (String lang : List.of("es", "zh-Hans")) {
                    List<String> in = new ArrayList<>(args);
                    in.addAll(List.of("--lang", lang));
                    Result r = cli.run(in.toArray(String[]::new));
                    assertEquals(english.code(), r.code(), drug + " " + lang + " " + given + ": " + r.err());
                    var t = json.readTree(r.out());
                    assertEquals(lang, t.get("lang").asText(), drug + " " + lang);
                    assertEquals(en.get("verdict"), t.get("verdict"), drug + " " + lang + " " + given);
                    assertEquals(en.get("unanswered"), t.get("unanswered"), drug + " " + lang + " " + given);
                    assertEquals(en.get("items").size(), t.get("items").size(), drug + " " + lang + " " + given);
                    for (int i = 0; i < en.get("items").size(); i++) {
                        for (String field : List.of("fact", "type", "answer", "level", "status", "flagged")) {
                            assertEquals(
                                    en.get("items").get(i).get(field),
                                    t.get("items").get(i).get(field),
                                    drug + " " + lang + " " + given + " item " + i + " " + field);
                        }
                    }
                    compared++;
                }
            }
        }
        assertEquals(BundledData.drugIds().size() * patients.size() * 2, compared);
    }

    @Test
    void theQuestionsArePrintedAndExportedInTheLanguageAskedFor() {
        Result template = cli.run("screen", "baricitinib", "--template", "--lang", "es");
        assertEquals(0, template.code(), template.toString());
        assertTrue(template.out().contains("# ¿"), template.out());
        assertTrue(template.out().contains("\nage:"), "the keys stay as they are: " + template.out());
        Result fhir = cli.run("questionnaire", "baricitinib", "--lang", "zh-Hans");
        assertEquals(0, fhir.code(), fhir.toString());
        assertTrue(fhir.out().contains("\"language\" : \"zh-Hans\""), fhir.out());
        assertTrue(fhir.out().contains("您多大年纪"), fhir.out());
    }

    @Test
    void checkRefusesAScriptTheLanguageIsNotWrittenIn() {
        site(spanish(fingerprint(SHEET)).replace("Tome uno al día con agua.", "Tome uno al día con agua. 每天一次。"));
        Result r = cli.run("check", "--data", "site");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("site/drugs/sitedrug.es.yaml:"), r.out());
        assertTrue(r.out().contains("text in a script (Han) that es is not written in"), r.out());
    }

    @Test
    void checkNamesATranslationOfNoSheetAndOneThatIsNeverUsed() {
        cli.write("site/drugs/nosuchdrug.es.yaml", spanish("x"));
        cli.write("site/drugs/baricitinib.yaml", TestSheets.drug("baricitinib", "Olumiant", null));
        Result r = cli.run("check", "--data", "site");
        assertEquals(1, r.code(), r.toString());
        assertTrue(
                r.out()
                        .contains("site/drugs/nosuchdrug.es.yaml: error: not read: a translation of 'nosuchdrug', which"
                                + " has no drug sheet"),
                r.out());
        assertTrue(
                r.out().contains("data/drugs/baricitinib.es.yaml: warning: never used")
                        || !r.out().contains("data/drugs/baricitinib.es.yaml"),
                "the bundled translation of a replaced sheet is not checked against the site's sheet: " + r.out());
    }

    @Test
    void staleQuestionsMakeAScreeningStaleToo() {
        cli.write(
                "site/facts.yaml",
                "facts:\n  - key: pregnant\n    type: yes-no\n    question: Are you pregnant now?\n");
        Result r = cli.run("screen", "baricitinib", "--lang", "es", "--data", "site", "--format", "json");
        assertTrue(
                r.out()
                        .replaceAll("\\s", "")
                        .contains("\"translation\":{\"lang\":\"es\",\"asked\":\"es\",\"stale\":true"),
                r.out());
    }

    @Test
    void aBatchOfLeafletsSaysWhichWereLeftInEnglishAndEachIsWholeInOneLanguage() throws Exception {
        site(null);
        Result r = cli.run("leaflet", "--all", "--data", "site", "--lang", "es", "--out", "out");
        assertEquals(0, r.code(), r.toString());
        assertTrue(
                r.err()
                        .contains(
                                "medcounsel: note: there is no Spanish (es) translation of sitedrug; showing sitedrug in"
                                        + " English\n"),
                r.err());
        assertEquals(
                1, r.err().lines().filter(l -> l.contains("note: there is no")).count(), r.err());
        String site = Files.readString(cli.fs.getPath("/work/out/sitedrug.html"));
        String bundled = Files.readString(cli.fs.getPath("/work/out/baricitinib.html"));
        assertTrue(site.contains("<html lang=\"en\">") && site.contains(">What it is<"), site);
        assertTrue(bundled.contains("<html lang=\"es\">") && bundled.contains(">Qué es<"), bundled);
    }

    @Test
    void checkOfOneTranslationFileComparesItWithTheEnglishSheetBesideIt() {
        site(spanish(fingerprint(SHEET)).replace("Tome uno al día con agua.", "Tome 2 al día con agua."));
        Result r = cli.run("check", "site/drugs/sitedrug.es.yaml");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("site/drugs/sitedrug.es.yaml:"), r.out());
        assertTrue(r.out().contains("a translation may never change a number"), r.out());
        site(spanish("0123456789abcdef"));
        Result stale = cli.run("check", "site/drugs/sitedrug.es.yaml");
        assertEquals(0, stale.code(), stale.toString());
        assertTrue(stale.out().contains("then set 'of: " + fingerprint(SHEET) + "'"), stale.out());
        assertEquals(
                1, cli.run("check", "--strict", "site/drugs/sitedrug.es.yaml").code(), "a warning fails --strict");
        Result bundled = cli.run("check", "/work/site/drugs/../../site/drugs/sitedrug.es.yaml");
        assertTrue(bundled.out().contains("checked 1 file"), bundled.out());
    }

    @Test
    void aTranslatedWordMustKeepItsPlaceholders() {
        site(spanish(fingerprint(SHEET)));
        cli.write("site/words.es.yaml", "translation:\n  lang: es\n  of: x\n  by: Ana\npage-of: \"Página {page}\"\n");
        Result r = cli.run("info", "sitedrug", "--data", "site", "--lang", "es");
        assertEquals(1, r.code(), r.toString());
        assertEquals(
                "medcounsel: site/words.es.yaml:5: 'page-of': keep the placeholders as in English: [{page}, {pages}]\n",
                r.err());
    }

    @Test
    void aSiteRewordingOfAWordItDoesNotTranslateMakesTheTranslationStale() {
        site(spanish(fingerprint(SHEET)));
        cli.write("site/words.yaml", "disclaimer: Ask your pharmacist if anything is not clear.\n");
        Result r = cli.run("info", "sitedrug", "--data", "site", "--lang", "es", "--format", "json");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().replaceAll("\\s", "").contains("\"stale\":true"), r.out());
    }

    @Test
    void checkGradesEachTranslationInItsLanguagesOwnMeasureAndWarnsOfAHardOne() {
        Result bundled = cli.run("check", "--grades");
        assertEquals(0, bundled.code(), bundled.toString());
        assertTrue(bundled.out().matches("(?s).*\nbaricitinib\\.es: INFLESZ [6-9]\\d\\.\\d\n.*"), bundled.out());
        assertTrue(
                bundled.out().matches("(?s).*\nbaricitinib\\.zh-Hans: 1\\d\\.\\d characters a sentence\n.*"),
                bundled.out());
        String hard = "La administración concomitante de inhibidores potentes del citocromo incrementa"
                + " considerablemente la exposición sistémica al principio activo";
        site(spanish(fingerprint(SHEET))
                .replace("sitedrug es un medicamento de prueba. Calma la prueba.", hard)
                .replace("Llame a su médico enseguida.", hard)
                .replace("Tome uno al día con agua.", hard));
        Result r = cli.run("check", "--data", "site");
        assertTrue(r.out().contains("site/drugs/sitedrug.es.yaml: warning: reads at INFLESZ"), r.out());
    }
}
