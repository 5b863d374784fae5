package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;

/**
 * {@code medcounsel check FILE} on every kind of file a data folder holds: each is checked as what
 * it is (sheet, translation, words, facts, medicines, synonyms, approvals), and a stale
 * translation of any kind says the fingerprint to write.
 */
class CheckFileTest {
    final Cli cli = new Cli();

    /** The bundled data files, as paths relative to the project (the example patient file is not data). */
    static Stream<String> bundledFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("data"))) {
            List<String> all = files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !p.startsWith(Path.of("data", "examples")))
                    .map(p -> p.toString().replace('\\', '/'))
                    .sorted()
                    .toList();
            return all.stream();
        }
    }

    /** A copy of the bundled data folder in the test's file tree, at {@code data/}. */
    void copyData() {
        try (Stream<Path> files = Files.walk(Path.of("data"))) {
            files.filter(Files::isRegularFile).forEach(p -> {
                try {
                    cli.write(p.toString().replace('\\', '/'), Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("bundledFiles")
    void everyBundledFileCheckedByPathIsClean(String file) {
        copyData();
        Result r = cli.run("check", "--strict", file);
        assertEquals(0, r.code(), r::toString);
        assertEquals("checked 1 file: 0 errors, 0 warnings\n", r.out(), r::toString);
    }

    @Test
    void aStaleWordsTranslationSaysTheFingerprintToWriteAndWritingItMakesCheckClean() throws IOException {
        copyData();
        Path words = cli.fs.getPath("data/words.yaml");
        String english = Files.readString(words);
        assertTrue(english.contains("\ndisclaimer: "), english);
        cli.write(
                "data/words.yaml",
                english.replaceFirst("\ndisclaimer: [^\\n]*", "\ndisclaimer: This guide supports your prescriber."));

        Result stale = cli.run("check", "data/words.es.yaml");
        assertEquals(0, stale.code(), stale::toString);
        Matcher fp = Pattern.compile(
                        "data/words\\.es\\.yaml:3: warning: made from words\\.yaml as it was \\(([0-9a-f]{16})\\); it has"
                                + " changed since\\. Bring the text up to date, then set 'of: ([0-9a-f]{16})'\\n")
                .matcher(stale.out());
        assertTrue(fp.find(), stale.out());
        assertFalse(fp.group(1).equals(fp.group(2)), stale.out());
        assertEquals(1, cli.run("check", "--strict", "data/words.es.yaml").code(), "a warning fails --strict");

        Path spanish = cli.fs.getPath("data/words.es.yaml");
        cli.write("data/words.es.yaml", Files.readString(spanish).replace("of: " + fp.group(1), "of: " + fp.group(2)));
        Result fixed = cli.run("check", "--strict", "data/words.es.yaml");
        assertEquals(0, fixed.code(), fixed::toString);
        assertEquals("checked 1 file: 0 errors, 0 warnings\n", fixed.out());
    }

    @Test
    void aStaleFactsTranslationInASiteFolderSaysTheFingerprintInTheWholeCheckToo() throws IOException {
        copyData();
        String facts = Files.readString(cli.fs.getPath("data/facts.es.yaml"));
        cli.write("site/facts.es.yaml", facts.replaceFirst("of: [0-9a-f]+", "of: 0123456789abcdef"));
        String fingerprint = facts.replaceFirst("(?s).*?of: ([0-9a-f]+).*", "$1");

        Result one = cli.run("check", "site/facts.es.yaml");
        assertEquals(0, one.code(), one::toString);
        assertTrue(
                one.out()
                        .contains("site/facts.es.yaml:3: warning: made from facts.yaml as it was (0123456789abcdef)"
                                + "; it has changed since. Bring the text up to date, then set 'of: " + fingerprint
                                + "'\n"),
                one.out());

        Result all = cli.run("check", "--data", "site");
        assertEquals(0, all.code(), all::toString);
        assertTrue(all.out().contains("then set 'of: " + fingerprint + "'"), all.out());
        assertFalse(all.out().contains(": error:"), "a folder of translations only is read: " + all.out());
    }

    @Test
    void aBrokenWordsTranslationIsAnErrorNamingFileAndLine() throws IOException {
        copyData();
        String spanish = Files.readString(cli.fs.getPath("data/words.es.yaml"));
        cli.write(
                "data/words.es.yaml",
                spanish.replaceFirst("\npage-of: [^\\n]*", "\npage-of: \"Página {page}\"")
                        .replaceFirst("\nsources: [^\\n]*", "\nsourses: Fuentes"));
        int pageOf = lineOf(cli.fs.getPath("data/words.es.yaml"), "page-of:");
        int sourses = lineOf(cli.fs.getPath("data/words.es.yaml"), "sourses:");

        Result r = cli.run("check", "data/words.es.yaml");
        assertEquals(1, r.code(), r::toString);
        assertTrue(
                r.out().contains("data/words.es.yaml:" + sourses + ": error: 'sourses' is not in the English file"),
                r.out());
        assertTrue(
                r.out()
                        .contains("data/words.es.yaml:" + pageOf
                                + ": error: 'page-of': keep the placeholders as in English: [{page}, {pages}]"),
                r.out());
        assertTrue(r.out().endsWith("checked 1 file: 2 errors, 0 warnings\n"), r.out());
    }

    @Test
    void aWordsTranslationCopiedElsewhereIsCheckedAgainstTheBundledWords() throws IOException {
        copyData();
        cli.write("elsewhere/words.zh-Hans.yaml", Files.readAllBytes(cli.fs.getPath("data/words.zh-Hans.yaml")));
        Result r = cli.run("check", "--strict", "elsewhere/words.zh-Hans.yaml");
        assertEquals(0, r.code(), r::toString);
    }

    @Test
    void aSiteWordsFileIsCheckedOverTheBundledWords() {
        cli.write("site/words.yaml", "disclaimer: Ask us if anything is not clear.\nverdict-clear: fine\n");
        Result r = cli.run("check", "site/words.yaml");
        assertEquals(1, r.code(), r::toString);
        assertTrue(
                r.out().startsWith("site/words.yaml:2: error: 'verdict-clear' must begin with the verdict name"),
                r.out());
    }

    @Test
    void anApprovalOfNoSheetIsAnErrorAndAnUnknownFileSaysWhatItIsNot() {
        cli.write("site/approvals.yaml", "approvals:\n- drug: baricitinb\n  on: 2026-11-01\n  by: Ana Ruiz\n");
        Result r = cli.run("check", "site/approvals.yaml");
        assertEquals(1, r.code(), r::toString);
        assertTrue(
                r.out()
                        .startsWith(
                                "site/approvals.yaml:2: error: approval of 'baricitinb', which has no drug" + " sheet"),
                r.out());

        cli.write("notes/todo.yaml", "todo: ask Ana\n");
        Result unknown = cli.run("check", "notes/todo.yaml");
        assertEquals(1, unknown.code(), unknown::toString);
        assertEquals(2, unknown.out().lines().count(), "one line, and the count: " + unknown.out());
        assertTrue(unknown.out().startsWith("notes/todo.yaml: error: neither a drug nor a class sheet"), unknown.out());
        assertTrue(unknown.out().contains("nor a data file medcounsel reads by its name"), unknown.out());
    }

    private static int lineOf(Path file, String start) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) return i + 1;
        }
        throw new AssertionError(start + " not in " + file);
    }
}
