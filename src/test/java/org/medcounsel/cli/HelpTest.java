package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.TestSheets;

/** Help that helps: help and help COMMAND, did-you-mean, the short usage, and options before the command. */
class HelpTest {
    private final Cli cli = new Cli();

    /** Every command a user may type. */
    static List<String> commands() {
        List<String> names = new ArrayList<>(MedcounselCommand.SUBCOMMANDS.keySet());
        names.remove("__complete");
        names.add("shell");
        return names;
    }

    @Test
    void noArgumentsPrintsTheShortUsageWithEveryCommandOnOneLine() {
        Result r = cli.run();
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.out().startsWith("Usage: medcounsel [COMMON OPTIONS] COMMAND"), r.out());
        for (String command : commands()) {
            assertTrue(
                    r.out().lines().anyMatch(l -> l.matches("  " + command + " +[A-Z].*\\.")),
                    command + " on one line:\n" + r.out());
        }
        assertTrue(r.out().lines().count() <= 24, "a short usage fits one screen:\n" + r.out());
        assertTrue(r.out().contains("medcounsel help COMMAND"), r.out());
    }

    @Test
    void helpListsTheCommandsAndTheCommonOptions() {
        Result r = cli.run("help");
        assertEquals(0, r.code(), r.toString());
        for (String command : commands()) {
            assertTrue(r.out().contains("\n  " + command + " "), command + " listed:\n" + r.out());
        }
        for (String option :
                List.of("--data=DIR", "--color=WHEN", "--width=N", "--format F", "--lang L", "--no-pager", "--debug")) {
            assertTrue(r.out().contains(option), option + ":\n" + r.out());
        }
        assertEquals(r.out(), cli.run("--help").out(), "help is --help");
    }

    @Test
    void helpCommandShowsThatCommandsOwnHelp() {
        Result r = cli.run("help", "screen");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("Usage: medcounsel screen"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  12 +do not start\\n.*"), r.out());
        assertEquals(r.out(), cli.run("screen", "--help").out());
    }

    @Test
    void helpForAnUnknownCommandSuggestsTheNearestOne() {
        Result r = cli.run("help", "risk");
        assertEquals(2, r.code(), r.toString());
        assertEquals("medcounsel: unknown command 'risk' (did you mean 'risks'?)\n", r.err());
        assertEquals("", r.out());
        assertTrue(cli.run("help", "zzzz").err().contains("run 'medcounsel help' for the list"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"inf", "ifno", "rsiks", "scren", "lis", "chek", "comp"})
    void aMistypedCommandGetsDidYouMean(String typed) {
        Result r = cli.run(typed, "baricitinib");
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out());
        assertTrue(
                r.err().matches("medcounsel: unknown command '" + typed + "' \\(did you mean '[a-z]+'\\?\\)\n"),
                r.err());
    }

    @Test
    void theSuggestionIsTheNearestCommand() {
        assertTrue(cli.run("inf", "x").err().contains("'info'"));
        assertTrue(cli.run("rsiks", "x").err().contains("'risks'"));
        assertTrue(cli.run("scren", "x").err().contains("'screen'"));
        assertTrue(cli.run("comp", "x").err().contains("'compare'")
                || cli.run("comp", "x").err().contains("'completion'"));
    }

    @Test
    void aDrugTypedWhereTheCommandGoesGetsAHint() {
        Result r = cli.run("Olumiant");
        assertEquals(2, r.code(), r.toString());
        assertEquals(
                "medcounsel: 'Olumiant' is a drug, not a command (try 'medcounsel info Olumiant' or 'medcounsel brief"
                        + " Olumiant')\n",
                r.err());
        Result nothing = cli.run("paracetamolx");
        assertEquals(
                "medcounsel: unknown command 'paracetamolx' (run 'medcounsel help' for the list)\n", nothing.err());
    }

    @Test
    void everyCommandsHelpEndsWithExamples() {
        for (String command : commands()) {
            Result r = cli.run(command, "--help");
            assertEquals(0, r.code(), command + ": " + r);
            List<String> lines = r.out().lines().toList();
            int heading = lines.lastIndexOf("Examples:");
            assertTrue(heading > 0, command + " has examples:\n" + r.out());
            List<String> examples = lines.subList(heading + 1, lines.size());
            assertTrue(examples.size() >= 2, command + ": " + examples);
            assertTrue(
                    examples.stream().allMatch(l -> l.startsWith("  medcounsel ") || l.startsWith("  printf ")),
                    command + ": " + examples);
            assertTrue(
                    examples.stream().anyMatch(l -> l.contains(" " + command)) || command.equals("help"),
                    command + "'s examples use it: " + examples);
        }
    }

    @Test
    void commonOptionsMayComeBeforeTheCommand() {
        cli.write("site/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", null));
        Result after = cli.run("info", "testamab", "--data", "site", "--width", "40", "--color", "always");
        assertEquals(0, after.code(), after.toString());
        Result before = cli.run("--data", "site", "--width", "40", "--color", "always", "info", "testamab");
        assertEquals(after, before);
        assertEquals(after, cli.run("--data=site", "--width=40", "--color=always", "info", "testamab"));
        assertTrue(before.out().contains("\u001b["), "colour as asked");
        assertTrue(
                before.out().lines().filter(l -> !l.strip().contains(" ")).count()
                                + before.out()
                                        .lines()
                                        .filter(l -> l.length() <= 40)
                                        .count()
                        >= before.out().lines().count(),
                "40 columns:\n" + before.out());
    }

    @Test
    void formatBeforeTheCommandGivesJson() throws Exception {
        Result r = cli.run("--format", "json", "stop", "olumiant");
        assertEquals(0, r.code(), r.toString());
        assertEquals(
                "baricitinib", new ObjectMapper().readTree(r.out()).path("drug").asText(), r.out());
    }

    @Test
    void aCommonOptionTheCommandLacksIsAUsageErrorNamingTheCommand() {
        Result r = cli.run("--format", "json", "completion", "bash");
        assertEquals(2, r.code(), r.toString());
        assertEquals("medcounsel: 'completion' has no --format option (see 'medcounsel help completion')\n", r.err());
        assertEquals("", r.out());
        // Help takes them and ignores them, so an alias with --data still asks for help.
        Result help = cli.run("--width=60", "--data", "site", "help", "info");
        assertEquals(cli.run("help", "info"), help);
    }

    @Test
    void noPagerIsAcceptedBeforeOrAfterTheCommand() {
        Result plain = cli.run("stop", "olumiant");
        assertEquals(plain, cli.run("--no-pager", "stop", "olumiant"));
        assertEquals(plain, cli.run("stop", "--no-pager", "olumiant"));
        // After --, it is a name like any other.
        assertEquals(3, cli.run("stop", "--", "--no-pager").code());
    }

    @Test
    void optionsWithoutACommandPrintTheShortUsage() {
        Result r = cli.run("--data", "site");
        assertEquals(2, r.code());
        assertTrue(r.out().startsWith("Usage: medcounsel"), r.out());
    }
}
