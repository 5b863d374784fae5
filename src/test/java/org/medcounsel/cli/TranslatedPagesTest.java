package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.render.Html;

/**
 * Pages in Spanish and in Chinese are valid HTML (the Nu HTML Checker), say their language, and
 * hold no English words of the interface: every heading and label comes from the language's own
 * words file.
 */
class TranslatedPagesTest {
    final Cli cli = new Cli();

    @ParameterizedTest
    @ValueSource(strings = {"es", "zh-Hans"})
    void everyCounsellingPageIsValidHtmlInTheLanguage(String lang) throws Exception {
        for (String command : List.of("info", "risks", "stop", "brief")) {
            Result r = cli.run(command, "baricitinib", "selumetinib", "--lang", lang, "--format", "html");
            assertEquals(0, r.code(), command + ": " + r);
            assertEquals("", r.err(), command);
            assertTrue(r.out().contains("<html lang=\"" + lang + "\">"), command);
            assertEquals(2, r.out().split("<article lang=\"" + lang + "\">", -1).length - 1, command);
            for (String english :
                    List.of("What it is", "Side effects", "Before you stop", "Sources", "Get urgent help")) {
                assertFalse(r.out().contains(">" + english + "<"), command + " shows '" + english + "'");
            }
            assertEquals(List.of(), Html.problems(r.out()), command + " in " + lang);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"es", "zh-Hans"})
    void leafletsLargePrintAndTheIndexAreValidHtmlInTheLanguage(String lang) throws Exception {
        cli.write("site.yaml", "name: Riverside Pharmacy\nphone: 01234 567890\nopening-hours: Mon-Fri 9-6\n");
        Result r = cli.run("leaflet", "--all", "--lang", lang, "--site", "site.yaml", "--large-print", "--out", "out");
        assertEquals(0, r.code(), r.toString());
        for (String drug : List.of("baricitinib", "mirdametinib", "upadacitinib")) {
            String page = Files.readString(cli.fs.getPath("/work/out/" + drug + ".html"), StandardCharsets.UTF_8);
            assertTrue(page.contains("<html lang=\"" + lang + "\">"), drug);
            assertTrue(page.contains("font-size: 16pt"), "large print: " + drug);
            assertFalse(page.contains("Phone: 01234"), "the banner's words are the language's too: " + drug);
            assertEquals(List.of(), Html.problems(page), drug + " in " + lang);
        }
        String index = Files.readString(cli.fs.getPath("/work/out/index.html"), StandardCharsets.UTF_8);
        assertEquals(List.of(), Html.problems(index));
    }
}
