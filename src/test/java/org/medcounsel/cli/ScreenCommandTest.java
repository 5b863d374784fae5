package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.TestSheets;
import org.medcounsel.shell.TerminalPrompter;

/** {@code screen} for a real patient: rules, precedence, verdicts, exit codes, bad input, --ask. */
class ScreenCommandTest {
    final Cli cli = new Cli();

    static final String FACTS = TestSheets.FACTS;

    static final String RULES = "screening:\n"
            + "  - {fact: egfr, below: 30, level: do-not-start, advice: Kidneys too weak., source: label}\n"
            + "  - {fact: egfr, at-least: 30, at-most: 60, level: caution, advice: Use the lower dose., source: label}\n"
            + "  - {fact: age, at-least: 75, level: caution, advice: Use the lower dose when old., source: label}\n"
            + "  - {fact: medicines, includes: [probenecid], level: caution, advice: Halve the dose., source: label}\n";

    @BeforeEach
    void site() {
        cli.write("site/facts.yaml", FACTS);
        cli.write("site/classes/test-blocker.yaml", TestSheets.drugClass("test-blocker"));
        cli.write(
                "site/drugs/testamab.yaml",
                TestSheets.drug("testamab", "Testix", "test-blocker").replace("screening:\n", RULES));
    }

    Result screen(String... args) {
        List<String> all = new ArrayList<>(List.of("screen", "testamab", "--data", "site", "--width", "1000"));
        all.addAll(List.of(args));
        Result r = cli.run(all.toArray(String[]::new));
        // The site's facts.yaml words some bundled questions its own way, which each run notes first
        // (ScreeningTrustTest and SiteRewordingTest hold that); the tests here are about what follows.
        return new Result(r.code(), r.out(), r.err().replaceFirst("^" + Pattern.quote(REWORDED), ""));
    }

    static final String REWORDED = ScreeningTrustTest.REWORDED;

    static final String[] ALL_SAFE = {
        "-f", "pregnant=no", "-f", "smoker=no", "-f", "age=40", "-f", "egfr=90", "-f", "medicines=ibuprofen"
    };

    /** Every question answered safely, but for the facts {@code extra} gives with -f (and other options). */
    Result safeExcept(String... extra) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i < ALL_SAFE.length; i += 2) {
            String[] kv = ALL_SAFE[i + 1].split("=", 2);
            facts.put(kv[0], kv[1]);
        }
        List<String> other = new ArrayList<>();
        for (int i = 0; i < extra.length; i++) {
            if ((extra[i].equals("-f") || extra[i].equals("--fact")) && i + 1 < extra.length) {
                String[] kv = extra[++i].split("=", 2);
                facts.put(kv[0], kv[1]);
            } else {
                other.add(extra[i]);
            }
        }
        List<String> args = new ArrayList<>();
        facts.forEach((k, v) -> args.addAll(List.of("-f", k + "=" + v)));
        args.addAll(other);
        return screen(args.toArray(String[]::new));
    }

    @Test
    void noAnswersListsEveryQuestionAsNotAskedAndExits10() {
        Result r = screen();
        assertEquals(Exit.INCOMPLETE, r.code(), r::toString);
        assertTrue(
                r.out()
                        .startsWith(
                                "testamab (Testix) - incomplete: nothing flagged so far; 5 questions not asked (smoker, egfr,"
                                        + " age, medicines, pregnant)\n"),
                r.out());
        assertTrue(r.out().contains("  - smoker: Do you smoke? (-f smoker=yes|no)\n"), r.out());
        assertTrue(r.out().contains("VERDICT: incomplete: 5 questions not asked; nothing flagged so far."), r.out());
        assertTrue(r.out().indexOf("Do you smoke?") < r.out().indexOf("Are you pregnant?"), "class rules first");
    }

    @Test
    void everyAnswerSafeIsClearAndExits0() {
        Result r = safeExcept();
        assertEquals(Exit.OK, r.code(), r::toString);
        assertTrue(r.out().contains("VERDICT: clear"), r.out());
        assertFalse(r.out().contains("Findings"), r.out());
        assertTrue(r.out().contains("Reminders for the pharmacist\n  - Class TB test.\n"), r.out());
    }

    @Test
    void aYesNoRuleInheritedFromTheClassGivesCaution() {
        Result r = safeExcept("-f", "smoker=yes");
        assertEquals(Exit.CAUTION, r.code(), r::toString);
        assertTrue(
                r.out().contains("CAUTION:\n  ! smoker yes: Class advice for smokers.\n  ! Source: Class warning\n"),
                r.out());
    }

    @Test
    void numberRulesUseTheirThresholds() {
        assertEquals(Exit.DO_NOT_START, safeExcept("-f", "egfr=29.5").code());
        assertEquals(Exit.CAUTION, safeExcept("-f", "egfr=30").code(), "30 is in 30-60");
        assertEquals(Exit.CAUTION, safeExcept("-f", "egfr=60").code(), "60 is in 30-60");
        assertEquals(Exit.OK, safeExcept("-f", "egfr=60.5").code());
        assertEquals(Exit.CAUTION, safeExcept("-f", "age=75").code());
        assertEquals(Exit.OK, safeExcept("-f", "age=74").code());
        Result r = safeExcept("-f", "egfr=45");
        assertTrue(
                r.out()
                        .contains("egfr 45 mL/min/1.73m2 (30 mL/min/1.73m2 or over and 60 mL/min/1.73m2 or under):"
                                + " Use the lower dose."),
                r.out());
    }

    @Test
    void aListRuleMatchesAnyNameInAnyCase() {
        Result r = safeExcept("-f", "medicines=Aspirin, PROBENECID");
        assertEquals(Exit.CAUTION, r.code(), r::toString);
        assertTrue(r.out().contains("Halve the dose."), r.out());
    }

    @Test
    void theHighestLevelWinsAndIsListedFirst() {
        Result r = safeExcept("-f", "smoker=yes", "-f", "pregnant=yes", "-f", "age=80");
        assertEquals(Exit.DO_NOT_START, r.code());
        String out = r.out();
        assertTrue(out.indexOf("DO NOT START:") < out.indexOf("CAUTION:"), out);
        assertTrue(out.contains("VERDICT: do not start: 3 findings"), out);
    }

    @Test
    void flagsWinOverThePatientFile() {
        cli.write("patient.yaml", "age: 80\nsmoker: yes\npregnant: no\negfr: 90\nmedicines: [ibuprofen]\n");
        assertEquals(Exit.CAUTION, screen("--patient", "patient.yaml").code());
        Result r = screen("--patient", "patient.yaml", "-f", "age=50", "--fact", "smoker=no");
        assertEquals(Exit.OK, r.code(), r::toString);
        assertTrue(r.out().contains("How old are you? Answer: 50 years."), r.out());
    }

    @Test
    void unknownKeysAndBadValuesAreUsageErrorsThatSayWhatIsValid() {
        Result key = screen("-f", "pregnent=no");
        assertEquals(Exit.USAGE, key.code());
        assertTrue(
                key.err().startsWith("medcounsel: unknown fact 'pregnent' (did you mean 'pregnant'?); valid facts: "),
                key.err());
        assertTrue(key.err().contains(" smoker, ") && key.err().contains(" egfr, "), key.err());
        assertEquals("", key.out());
        Result range = screen("-f", "age=130");
        assertEquals(Exit.USAGE, range.code());
        assertEquals("medcounsel: 'age' must be a number from 0 to 120 (years), not '130'\n", range.err());
        assertEquals(
                "medcounsel: 'smoker' must be yes or no, not 'sometimes'\n",
                screen("-f", "smoker=sometimes").err());
        assertEquals(Exit.USAGE, screen("-f", "age").code());
    }

    @Test
    void malformedPatientFilesNameTheFileAndLine() {
        cli.write("p1.yaml", "age: 70\nsmokr: no\n");
        assertTrue(screen("--patient", "p1.yaml")
                .err()
                .startsWith("medcounsel: p1.yaml:2: unknown fact 'smokr' (did you mean 'smoker'?); valid facts: "));
        cli.write("p2.yaml", "age: 70\nsmoker: [yes\n");
        Result broken = screen("--patient", "p2.yaml");
        assertEquals(Exit.USAGE, broken.code());
        assertTrue(broken.err().startsWith("medcounsel: p2.yaml:"), broken.err());
        assertTrue(broken.err().contains("not valid YAML"), broken.err());
        assertEquals(1, broken.err().lines().count(), "one line, no stack trace: " + broken.err());
        cli.write("p3.yaml", "age: old\n");
        assertEquals(
                "medcounsel: p3.yaml:1: 'age' must be a number from 0 to 120 (years), not 'old'\n",
                screen("--patient", "p3.yaml").err());
        cli.write("p4.yaml", "- age\n");
        assertTrue(screen("--patient", "p4.yaml").err().contains("p4.yaml:1: a patient file is a map"));
        Result missing = screen("--patient", "nope.yaml");
        assertEquals(Exit.USAGE, missing.code());
        assertEquals("medcounsel: patient file 'nope.yaml' does not exist\n", missing.err());
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        Result r = safeExcept("-f", "egfr=20", "--format", "json");
        assertEquals(Exit.DO_NOT_START, r.code());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("testamab", json.get("drug").asText());
        assertEquals("do-not-start", json.get("verdict").asText());
        JsonNode first = json.get("items").get(0);
        assertEquals("smoker", first.get("fact").asText(), "class rule first");
        assertEquals(false, first.get("answer").asBoolean());
        JsonNode egfr = json.get("items").get(1);
        assertEquals(
                List.of("fact", "type", "question", "answer", "level", "status", "flagged", "when", "advice", "source"),
                iterate(egfr.fieldNames()));
        assertTrue(json.get("complete").asBoolean());
        assertEquals(0, json.get("unanswered").size());
        assertEquals("ibuprofen", json.get("medicines").get(0).get("matched").asText());
        assertEquals("number", egfr.get("type").asText());
        assertEquals(20, egfr.get("answer").asInt());
        assertEquals("do-not-start", egfr.get("level").asText());
        assertTrue(egfr.get("flagged").asBoolean());
        assertEquals("Testix label", egfr.get("source").get("title").asText());
        assertEquals("Class TB test.", json.get("reminders").get(0).get("text").asText());
        JsonNode unanswered =
                new ObjectMapper().readTree(screen("--format", "json").out());
        assertTrue(unanswered.get("items").get(0).get("answer").isNull());
        assertNull(unanswered.get("items").get(0).get("missing"));
    }

    static List<String> iterate(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /** A JLine terminal fed with typed lines, as a person at the counter would answer. */
    static TerminalPrompter typed(String lines, ByteArrayOutputStream screen) throws Exception {
        DumbTerminal terminal = new DumbTerminal(
                "test",
                "dumb",
                new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)),
                screen,
                StandardCharsets.UTF_8);
        return TerminalPrompter.on(terminal);
    }

    @Test
    void askAsksEachOpenQuestionInTurnAndEnterSkips() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        // Asked in rule order: smoker (class), egfr, age, pregnant; medicines is already known.
        // Answer no, a bad then a good eGFR, 40, and skip pregnancy.
        cli.prompter(typed("no\nlots\n50\n40\n\n", screen));
        Result r = screen("--ask", "-f", "medicines=ibuprofen");
        String asked = screen.toString(StandardCharsets.UTF_8);
        assertTrue(asked.contains("(1 of 4) Do you smoke? [yes or no; Enter skips]"), asked);
        assertTrue(asked.contains("'egfr' must be a number from 0 to 200 (mL/min/1.73m2), not 'lots'"), asked);
        assertTrue(asked.contains("(4 of 4) Are you pregnant?"), asked);
        assertFalse(asked.contains("Which medicines"), "answered by -f, not asked: " + asked);
        // The eGFR gives a caution, but pregnancy (a do-not-start question) was skipped.
        assertEquals(Exit.INCOMPLETE, r.code(), r::toString);
        assertTrue(r.out().contains("Do you smoke? Answer: no."), r.out());
        assertTrue(r.out().contains("  - pregnant: Are you pregnant? (-f pregnant=yes|no)"), r.out());
        assertTrue(r.out().contains("egfr 50 mL/min/1.73m2 (30 mL/min/1.73m2 or over"), r.out());
    }

    @Test
    void askStopsAtEndOfInputKeepingTheAnswersSoFar() throws Exception {
        cli.prompter(typed("yes\n", new ByteArrayOutputStream()));
        Result r = screen("--ask");
        assertEquals(Exit.INCOMPLETE, r.code(), r::toString);
        assertTrue(r.out().contains("smoker yes: Class advice for smokers."), r.out());
        assertTrue(r.out().contains("  - pregnant: Are you pregnant? (-f pregnant=yes|no)"), r.out());
    }

    @Test
    void askRefusesWithoutATerminal() {
        Result r = screen("--ask");
        assertEquals(Exit.USAGE, r.code());
        assertEquals(
                "medcounsel: --ask needs a terminal for its questions and answers; give answers with --patient or -f"
                        + " (see 'medcounsel screen --help')\n",
                r.err());
    }

    @Test
    void severalDrugsExitWithTheHighestVerdict() {
        cli.write("site/drugs/otheramab.yaml", TestSheets.drug("otheramab", "Otix", null));
        Result r = cli.run("screen", "testamab", "otheramab", "--data", "site", "-f", "pregnant=yes");
        assertEquals(Exit.DO_NOT_START, r.code());
    }

    @Test
    void theBundledBaricitinibSheetFlagsItsLabelRules() {
        Cli bundled = new Cli();
        assertEquals(
                Exit.DO_NOT_START,
                bundled.run("screen", "baricitinib", "-f", "lymphocytes=0.4", "-f", "use=atopic-dermatitis")
                        .code());
        // A caution, but questions that could rule it out are still open: incomplete, finding shown.
        Result probenecid = bundled.run("screen", "olumiant", "-f", "medicines=probenecid 500 mg");
        assertEquals(Exit.INCOMPLETE, probenecid.code());
        assertTrue(
                probenecid.out().contains("probenecid 500 mg -> probenecid (strong OAT3 inhibitor)"), probenecid.out());
        assertEquals(
                Exit.DO_NOT_START,
                bundled.run("screen", "olumiant", "-f", "neutrophils=0.8", "-f", "use=rheumatoid-arthritis")
                        .code());
    }
}
