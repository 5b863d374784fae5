package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.Main;
import org.medcounsel.TestSheets;

/** Faults an adversarial review found (issue 15), each kept fixed: one line, a documented exit, nothing partial. */
class HardeningTest {
    final Cli cli = new Cli();

    /** Item 4: "@file" is a name like any other, never a file to read. */
    @Test
    void atFileArgumentsAreNotExpanded(@TempDir Path tmp) throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "olumiant\n");
        Result r = real(tmp, "info", "@" + secret);
        assertEquals(Exit.UNKNOWN_DRUG, r.code(), r::toString);
        assertTrue(r.err().startsWith("medcounsel: no drug sheet for '@" + secret + "'"), r.err());
        assertEquals(Exit.UNKNOWN_DRUG, real(tmp, "info", "--", "@" + secret).code());
    }

    /** Item 6: YAML's other number forms are located errors, not an internal error. */
    @Test
    void yamlNumberFormsInASheetAreLocatedErrors() {
        for (String number : List.of("0x4B", "7_5", ".inf", ".nan", "1e3")) {
            cli.write(
                    "site/drugs/testamab.yaml",
                    TestSheets.drug("testamab", "Testix", null)
                            .replace(
                                    "screening:\n",
                                    "screening:\n  - {fact: age, at-least: " + number
                                            + ", level: caution, advice: Old., source: label}\n"));
            Result r = cli.run("info", "testamab", "--data", "site");
            assertEquals(Exit.DATA_ERROR, r.code(), number + ": " + r);
            assertTrue(r.err().contains("site/drugs/testamab.yaml:"), number + ": " + r.err());
            assertFalse(r.err().contains("internal error"), number + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
    }

    /** Item 6: patient numbers are plain decimals. */
    @Test
    void patientNumbersArePlainDecimals() {
        for (String number : List.of("70d", "0x1p6", "1e1", "NaN", "Infinity")) {
            Result r = cli.run("screen", "baricitinib", "-f", "age=" + number);
            assertEquals(Exit.USAGE, r.code(), number);
            assertEquals("medcounsel: 'age' must be a number from 0 to 120 (years), not '" + number + "'\n", r.err());
        }
        assertEquals(
                Exit.INCOMPLETE,
                cli.run("screen", "baricitinib", "-f", "age=70.5").code());
    }

    /** Item 6: a rule that could never match is refused. */
    @Test
    void impossibleRuleBoundsAreRefused() {
        for (String bounds : List.of(
                "{fact: age, at-least: 130",
                "{fact: age, at-least: 60, below: 50",
                "{fact: age, above: 120",
                "{fact: egfr, below: 0")) {
            cli.write("site/facts.yaml", TestSheets.FACTS);
            cli.write(
                    "site/drugs/testamab.yaml",
                    TestSheets.drug("testamab", "Testix", null)
                            .replace(
                                    "screening:\n",
                                    "screening:\n  - " + bounds
                                            + ", level: caution, advice: Never., source: label}\n"));
            Result r = cli.run("check", "--data", "site");
            assertEquals(Exit.DATA_ERROR, r.code(), bounds);
            assertTrue(r.out().contains("error: this rule can never match"), bounds + ": " + r.out());
        }
    }

    /** Item 7: a script's exit is its most serious outcome; a later incomplete never hides do-not-start. */
    @Test
    void aShellScriptExitsWithItsMostSeriousOutcome() {
        Result r = new Cli()
                .input("screen baricitinib -f lymphocytes=0.3 -f use=atopic-dermatitis\n"
                        + "screen baricitinib\ninfo olumiant\n")
                .run("shell");
        assertEquals(Exit.DO_NOT_START, r.code(), r::toString);
        Result failed = new Cli().input("info nothing\nscreen baricitinib\n").run("shell");
        assertEquals(Exit.UNKNOWN_DRUG, failed.code(), "a failure outranks an incomplete screening");
    }

    /** Item 9: a second leaflet run into a folder another is writing refuses, whatever --force says. */
    @Test
    void aSecondLeafletRunIntoTheSameFolderRefuses() throws Exception {
        cli.write(
                "out/.medcounsel-leaflet.lock",
                String.valueOf(ProcessHandle.current().pid()));
        Result r = cli.run("leaflet", "selumetinib", "--out", "out", "--force");
        assertEquals(Exit.DATA_ERROR, r.code(), r::toString);
        assertTrue(
                r.err()
                        .contains("another leaflet run (process "
                                + ProcessHandle.current().pid() + ") is writing out"),
                r.err());
        assertFalse(Files.exists(cli.fs.getPath("out/selumetinib.html")));
        // A lock left by a process that has gone is taken over.
        cli.write("out/.medcounsel-leaflet.lock", "999999999");
        assertEquals(
                0,
                cli.run("leaflet", "selumetinib", "--out", "out", "--force", "-q")
                        .code());
        assertFalse(Files.exists(cli.fs.getPath("out/.medcounsel-leaflet.lock")), "the lock goes when the run ends");
    }

    /** Item 12: a site template may not write raw HTML, nor reach outside its folder, nor leave half a page. */
    @Test
    void siteTemplatesCannotWriteRawHtmlOrLeaveHalfAPage() throws Exception {
        cli.write("tpl/document.mustache", "<p>{{{pageTitle}}}</p>");
        Result raw = cli.run("info", "olumiant", "--format", "html", "--templates", "tpl");
        assertEquals(Exit.DATA_ERROR, raw.code());
        assertTrue(raw.err().contains("write raw HTML"), raw.err());
        cli.write("tpl/document.mustache", "<p>{{& pageTitle}}</p>");
        assertEquals(
                Exit.DATA_ERROR,
                cli.run("info", "olumiant", "--format", "html", "--templates", "tpl")
                        .code());
        cli.write("tpl/document.mustache", "<html>{{#documents}}{{title}}{{> broken}}{{/documents}}");
        cli.write("tpl/broken.mustache", "{{#unclosed}}");
        Result half = cli.run("info", "olumiant", "--format", "html", "--templates", "tpl");
        assertEquals(Exit.DATA_ERROR, half.code());
        assertEquals("", half.out(), "nothing half-written");
    }

    @Test
    void aSymlinkedTemplateOutsideItsFolderIsRefused(@TempDir Path tmp) throws Exception {
        Path outside = Files.writeString(tmp.resolve("outside.mustache"), "{{pageTitle}}");
        Path tpl = Files.createDirectories(tmp.resolve("tpl"));
        Files.createSymbolicLink(tpl.resolve("document.mustache"), outside);
        Result r = real(tmp, "info", "olumiant", "--format", "html", "--templates", tpl.toString());
        assertEquals(Exit.DATA_ERROR, r.code(), r::toString);
        assertTrue(r.err().contains("links outside the templates folder"), r.err());
    }

    /** Item 13: escape sequences and bidi controls in arguments are never echoed raw. */
    @Test
    void messagesNeverEchoEscapesOrBidiControls() {
        Result unknown = cli.run("info", "x\u001b[31mred\u202egnp");
        assertFalse(unknown.err().contains("\u001b"), unknown.err());
        assertFalse(unknown.err().contains("\u202e"), unknown.err());
        Result leaflet = cli.run("leaflet", "koselugo", "--out", "o\u001b[2Jut\u202e");
        assertEquals(0, leaflet.code(), leaflet::toString);
        assertFalse(leaflet.out().contains("\u001b") || leaflet.out().contains("\u202e"), leaflet.out());
    }

    /** Item 14: a long drug id works in leaflet too (a temporary name over the 255-byte limit failed). */
    @Test
    void aLongDrugIdWorksInLeaflet(@TempDir Path tmp) throws Exception {
        String id = "a".repeat(240);
        Path site = Files.createDirectories(tmp.resolve("site/drugs"));
        Files.writeString(site.resolve(id + ".yaml"), TestSheets.drug(id, "Longix", null));
        Result r = real(
                tmp,
                "leaflet",
                id,
                "--data",
                tmp.resolve("site").toString(),
                "--out",
                tmp.resolve("out").toString(),
                "-q");
        assertEquals(0, r.code(), r::toString);
        assertTrue(Files.exists(tmp.resolve("out/" + id + ".html")));
    }

    /** Item 14: COLUMNS=0 means unknown (80), not 20. */
    @Test
    void columnsZeroWrapsAt80() {
        Result r = new Cli().env("COLUMNS", "0").run("info", "olumiant");
        int longest = r.out()
                .lines()
                .filter(l -> !l.contains("https://")) // a web address stands whole, however long
                .mapToInt(String::length)
                .max()
                .orElse(0);
        assertTrue(longest > 60 && longest <= 80, "longest line " + longest);
    }

    /** Item 14: "permission denied", not an exception's name; "1 error", not "1 errors". */
    @Test
    void messagesSayWhatWentWrongInWords(@TempDir Path tmp) throws Exception {
        Path locked = Files.createDirectories(tmp.resolve("locked"));
        locked.toFile().setWritable(false);
        try {
            Result r = real(tmp, "leaflet", "koselugo", "--out", locked.toString(), "-q");
            if (!"root".equals(System.getProperty("user.name"))) {
                assertEquals(Exit.DATA_ERROR, r.code(), r::toString);
                assertTrue(r.err().contains("permission denied"), r.err());
                assertFalse(r.err().contains("Exception"), r.err());
            }
        } finally {
            locked.toFile().setWritable(true);
        }
        cli.write(
                "site/drugs/testamab.yaml",
                TestSheets.drug("testamab", "Testix", null).replace("summary:", "sumary:"));
        Result check = cli.run("check", "--data", "site");
        assertTrue(check.out().contains(": 1 error, "), check.out());
    }

    /** Runs the tool on the real file system (links, name lengths and permissions are real there). */
    static Result real(Path dir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment env = Environment.of(
                FileSystems.getDefault(),
                Map.of(
                        "HOME",
                        dir.toString(),
                        "XDG_CACHE_HOME",
                        dir.resolve("cache").toString()),
                false,
                Clock.fixed(Cli.NOW, ZoneOffset.UTC),
                Prompter.NONE);
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), env, args);
        return new Result(code, out.toString(), err.toString());
    }
}
