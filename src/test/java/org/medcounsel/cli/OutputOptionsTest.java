package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medcounsel.Cli;

/** Colour and width rules, seen from the output. */
class OutputOptionsTest {
    static final String ESC = "\u001b[";

    @Test
    void autoColoursOnlyOnATerminal() {
        assertFalse(new Cli().run("risks", "baricitinib").out().contains(ESC), "not a terminal");
        assertTrue(
                new Cli().terminal(true).run("risks", "baricitinib").out().contains(ESC + "1;31m"),
                "urgent help is red on a terminal");
    }

    @Test
    void noColorAndDumbTerminalsTurnAutoOff() {
        assertFalse(new Cli()
                .terminal(true)
                .env("NO_COLOR", "1")
                .run("info", "baricitinib")
                .out()
                .contains(ESC));
        assertFalse(new Cli()
                .terminal(true)
                .env("TERM", "dumb")
                .run("info", "baricitinib")
                .out()
                .contains(ESC));
    }

    @Test
    void alwaysAndNeverOverrideEverything() {
        assertTrue(new Cli()
                .env("NO_COLOR", "1")
                .run("info", "baricitinib", "--color", "always")
                .out()
                .contains(ESC));
        assertFalse(new Cli()
                .terminal(true)
                .run("info", "baricitinib", "--color=never")
                .out()
                .contains(ESC));
    }

    @Test
    void severityIsInWordsWithoutColour() {
        String out = new Cli().run("risks", "baricitinib").out();
        assertTrue(out.contains("GET HELP AT ONCE:"), out);
        assertTrue(out.contains("WARNING:"), out);
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 40, 60, 80, 132})
    void everyLineFitsTheWidth(int width) {
        for (String command : new String[] {"info", "risks", "stop", "screen"}) {
            String out = new Cli()
                    .run(command, "baricitinib", "selumetinib", "--width", String.valueOf(width))
                    .out();
            // A word longer than the line (a web address) may overflow, but only standing alone.
            out.lines()
                    .forEach(line -> assertTrue(
                            line.codePointCount(0, line.length()) <= width
                                    || !line.strip().replaceFirst("^[-!] ", "").contains(" "),
                            command + " at " + width + ": " + line));
        }
    }

    @Test
    void widthComesFromColumnsElse80() {
        int longest = new Cli()
                .run("info", "baricitinib")
                .out()
                .lines()
                .filter(l -> !l.contains("https://")) // a web address stands whole, however long
                .mapToInt(String::length)
                .max()
                .orElse(0);
        assertTrue(longest <= 80 && longest > 70, "default 80, longest " + longest);
        int narrow = new Cli()
                .env("COLUMNS", "50")
                .run("info", "baricitinib")
                .out()
                .lines()
                .filter(l -> !l.contains("https://")) // a web address stands whole, however long
                .mapToInt(String::length)
                .max()
                .orElse(0);
        assertTrue(narrow <= 50 && narrow > 40, "COLUMNS=50, longest " + narrow);
        assertEquals(
                new Cli().run("info", "baricitinib").out(),
                new Cli().env("COLUMNS", "junk").run("info", "baricitinib").out());
    }
}
