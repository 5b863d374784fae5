package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;
import org.medcounsel.BundledData;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.TestSheets;

/** The config files: where they are, what wins (command line > environment > user's > system's), and their errors. */
class ConfigTest {
    static final String USER = "/home/p/.config/medcounsel/config.yaml";
    static final String SYSTEM = "/etc/xdg/medcounsel/config.yaml";

    static Cli cli() {
        return new Cli().env("HOME", "/home/p");
    }

    /** The longest line of a text answer: how wide it was wrapped. */
    static int widest(Result r) {
        return r.out()
                .lines()
                .filter(l -> !l.contains("://"))
                .mapToInt(String::length)
                .max()
                .orElse(0);
    }

    @Test
    void widthComesFromTheCommandLineThenColumnsThenTheUsersFileThenTheSystems() {
        Cli cli = cli();
        cli.write(SYSTEM, "width: 40\n");
        assertTrue(widest(cli.run("info", "olumiant")) <= 40, "the system's file");
        cli.write(USER, "width: 50\n");
        int user = widest(cli.run("info", "olumiant"));
        assertTrue(user <= 50 && user > 40, "the user's file over the system's: " + user);
        int columns = widest(cli.env("COLUMNS", "70").run("info", "olumiant"));
        assertTrue(columns <= 70 && columns > 60, "COLUMNS over the files: " + columns);
        int line = widest(cli.run("info", "olumiant", "--width", "90"));
        assertTrue(line <= 90 && line > 80, "the command line over all: " + line);
    }

    @Test
    void dataFoldersComeFromTheFileUnlessMedcounselDataIsSet() {
        Cli cli = cli();
        cli.write("/home/p/.config/medcounsel/sheets/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", null));
        cli.write("/srv/other/drugs/otheramab.yaml", TestSheets.drug("otheramab", "Otherix", null));
        cli.write(USER, "data:\n  - sheets\n");
        Result list = cli.run("list");
        assertTrue(list.out().contains("testamab"), "a relative folder is taken from the file's folder: " + list);
        Result env = cli.env("MEDCOUNSEL_DATA", "/srv/other").run("list");
        assertTrue(env.out().contains("otheramab") && !env.out().contains("testamab"), "MEDCOUNSEL_DATA wins: " + env);
    }

    @Test
    void colourAndPaperAndSiteAndPager() throws Exception {
        Cli cli = cli().terminal(true);
        cli.write(USER, "color: always\npaper: letter\nsite: pharmacy.yaml\npager: most -s\n");
        cli.write("/home/p/.config/medcounsel/pharmacy.yaml", "name: Riverside Pharmacy\nphone: 01234 567890\n");
        assertTrue(cli.run("info", "olumiant").out().contains("\u001b["), "color: always");
        assertFalse(cli.env("NO_COLOR", "1").run("info", "olumiant").out().contains("\u001b["), "NO_COLOR wins");
        assertEquals(0, cli.run("leaflet", "olumiant", "--out", "out", "-q").code());
        String html = Files.readString(cli.fs.getPath("out/baricitinib.html"));
        assertTrue(html.contains("size: letter;"), "the paper from the file");
        assertTrue(html.contains("<p>Riverside Pharmacy</p>"), "the site file from the file, found beside it");
        assertEquals(
                0,
                cli.run("leaflet", "olumiant", "--out", "a4", "--paper", "a4", "-q")
                        .code());
        assertTrue(
                Files.readString(cli.fs.getPath("a4/baricitinib.html")).contains("size: A4;"), "the command line wins");
        assertEquals("most -s", Pager.command(cli.environment()));
        assertEquals("less -R", Pager.command(cli.env("PAGER", "less -R").environment()), "PAGER wins");
    }

    @Test
    void aBadKeyOrValueIsOneLineWithFileAndLineAndExit1() {
        Cli cli = cli();
        cli.write(USER, "width: 60\ncolour: never\n");
        Result key = cli.run("info", "olumiant");
        assertEquals(1, key.code());
        assertEquals(
                "medcounsel: " + USER + ":2: unknown field 'colour' in config file (did you mean 'color'?)\n",
                key.err());
        assertEquals("", key.out(), "nothing runs on a broken config");
        cli.write(USER, "paper: a5\n");
        assertEquals(
                "medcounsel: " + USER + ":1: 'paper' must be one of a4, letter, not 'a5' (did you mean 'a4'?)\n",
                cli.run("list").err());
        cli.write(USER, "width: 12\n");
        assertEquals(
                "medcounsel: " + USER + ":1: width must be a whole number from 20 to 400\n",
                cli.run("list").err());
        cli.write(SYSTEM, "data: /not/a/list\n");
        cli.write(USER, "");
        Result system = cli.run("list");
        assertEquals(1, system.code());
        assertTrue(system.err().startsWith("medcounsel: " + SYSTEM + ":1: "), system.err());
        assertEquals(0, cli.run("__complete", "table").code(), "a Tab press never fails");
    }

    @Test
    void configPathShowAndInit() throws Exception {
        Cli cli = cli();
        Result path = cli.run("config", "path");
        assertEquals("user:   " + USER + " (not there)\nsystem: " + SYSTEM + " (not there)\n", path.out());
        Result init = cli.run("config", "init");
        assertEquals(0, init.code(), init::toString);
        assertEquals("wrote " + USER + "\n", init.out());
        assertTrue(Files.readString(cli.fs.getPath(USER)).contains("# paper: a4"), "a commented starting file");
        Result again = cli.run("config", "init");
        assertEquals(1, again.code());
        assertTrue(again.err().contains("is there already"), again.err());
        Result shown = cli.run("config", "show");
        assertEquals(0, shown.code(), "the starting file is valid: " + shown);
        assertTrue(shown.out().contains("paper      a4"), shown.out());
        cli.write(USER, "paper: letter\n");
        cli.write(SYSTEM, "width: 72\n");
        String show = cli.env("NO_COLOR", "1").run("config", "show").out();
        assertTrue(show.matches("(?s).*paper +letter +\\(" + USER + ":1\\).*"), show);
        assertTrue(show.matches("(?s).*width +72 +\\(" + SYSTEM + ":1\\).*"), show);
        assertTrue(show.matches("(?s).*color +never +\\(environment \\(NO_COLOR\\)\\).*"), show);
        assertTrue(cli.run("config", "path").out().startsWith("user:   " + USER + "\n"), "now there");
        assertTrue(cli.env("XDG_CONFIG_HOME", "/cfg")
                .run("config", "path")
                .out()
                .startsWith("user:   /cfg/medcounsel/config.yaml"));
    }

    /** The version's line about the bundled sheets, from what data/ holds. */
    static String bundledLine() {
        SortedSet<String> dates = BundledData.reviewedDates();
        StringBuilder translated = new StringBuilder();
        BundledData.drugTranslations().forEach((tag, n) -> translated
                .append(translated.length() == 0 ? "; translated into " : ", ")
                .append(tag + " (" + n + (n == 1 ? " drug)" : " drugs)")));
        int drugs = BundledData.drugIds().size();
        int classes = BundledData.classIds().size();
        return "  bundled: " + drugs + (drugs == 1 ? " drug sheet, " : " drug sheets, ") + classes
                + (classes == 1 ? " class sheet" : " class sheets") + ", reviewed " + dates.first()
                + (dates.first().equals(dates.last()) ? "" : " to " + dates.last()) + translated;
    }

    @Test
    void versionNamesTheBuildTheRuntimeAndTheData() {
        Cli cli = cli();
        cli.write("/srv/site/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", null));
        cli.write("/srv/site/drugs/testamab.es.yaml", TranslationTest.spanish("x"));
        Result v = cli.env("MEDCOUNSEL_DATA", "/srv/site").run("--version");
        assertEquals(0, v.code(), v::toString);
        String[] lines = v.out().split("\n");
        assertTrue(lines[0].matches("medcounsel \\S+ \\(built .+\\)"), lines[0]);
        assertTrue(lines[1].startsWith("Java " + System.getProperty("java.version")), lines[1]);
        // The bundled sheets and the site's one drug.
        assertEquals(
                "Data: " + (BundledData.drugIds().size() + 1) + " drug sheets and "
                        + BundledData.classIds().size() + " class sheets",
                lines[2]);
        assertEquals(bundledLine(), lines[3]);
        assertEquals(
                "  /srv/site: 1 drug sheet, 0 class sheets, reviewed 2026-10-01; translated into es (1 drug)",
                lines[4]);
    }
}
