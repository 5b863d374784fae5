package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.TestSheets;

/** {@code medcounsel search}: the sentences that mention something, in every sheet, one a line. */
class SearchCommandTest {
    final Cli cli = new Cli().env("XDG_CACHE_HOME", "/cache");

    static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    @Test
    void eachHitIsOneLineWithTheDrugTheSectionAndTheSentence() {
        Result r = cli.run("search", "shingles");
        assertEquals(0, r.code(), r::toString);
        assertTrue(
                r.out().contains("abrocitinib\tside effects\tShingles, a painful rash with blisters and a fever.\n"),
                r.out());
        for (String line : lines(r.out())) {
            String[] cells = line.split("\t", -1);
            assertEquals(3, cells.length, line);
            assertTrue(
                    cells[2].toLowerCase().contains("shingles")
                            || cells[2].toLowerCase().contains("zoster"),
                    line);
        }
        assertFalse(
                r.out().contains("Tell your doctor straight away if you get a painful rash"),
                "the sentence, not the whole paragraph");
    }

    @Test
    void layAndMedicalWordsFindEachOtherBothWays() {
        Result lay = cli.run("search", "eczema");
        Result medical = cli.run("search", "atopic", "dermatitis");
        assertEquals(0, lay.code(), lay::toString);
        assertTrue(lay.out().contains("\tAlso called atopic dermatitis.\n"), "eczema finds atopic dermatitis: " + lay);
        assertTrue(medical.out().contains("eczema"), "atopic dermatitis finds eczema: " + medical);

        cli.write(
                "site/drugs/testamab.yaml",
                TestSheets.drug("testamab", "Testix", null)
                        .replace("It calms the test.", "It can cause a deep vein thrombosis."));
        Result clot = cli.run("search", "blood clot", "--data", "site");
        assertTrue(clot.out().contains("testamab\tsummary\tIt can cause a deep vein thrombosis.\n"), clot.toString());
    }

    @Test
    void severalWordsMustAllBeInTheSameSentence() {
        Result r = cli.run("search", "shingles", "vaccine");
        assertEquals(0, r.code(), r::toString);
        for (String line : lines(r.out())) {
            assertTrue(line.toLowerCase().contains("vaccin"), line);
        }
        assertFalse(r.out().contains("Shingles, a painful rash"), r.out());
    }

    @Test
    void nothingFoundIsExitOneWithAMessage() {
        Result r = cli.run("search", "xyzzy");
        assertEquals(Exit.DATA_ERROR, r.code());
        assertEquals("", r.out());
        assertEquals("medcounsel: no sheet mentions 'xyzzy'\n", r.err());
    }

    @Test
    void jsonGivesTheHitsAndWhatTheQueryBecame() throws IOException {
        Result r = cli.run("search", "hair loss", "--format", "json");
        assertEquals(0, r.code(), r::toString);
        JsonNode tree = new ObjectMapper().readTree(r.out());
        assertEquals("hair loss", tree.get("terms").get(0).get("asked").asText());
        List<String> alternatives = new ArrayList<>();
        tree.get("terms").get(0).get("alternatives").forEach(a -> alternatives.add(a.asText()));
        assertTrue(alternatives.contains("alopecia"), alternatives.toString());
        assertTrue(tree.get("hits").size() > 0);
        JsonNode hit = tree.get("hits").get(0);
        assertEquals("drug", hit.get("kind").asText());
        assertTrue(hit.get("sentence").asText().toLowerCase().matches(".*(alopecia|hair loss|bald).*"), hit.toString());
    }

    @Test
    void onATerminalColumnsAlignAndTheMatchIsHighlighted() {
        Result r = cli.terminal(true).env("TERM", "xterm").run("search", "shingles", "--color", "always");
        assertEquals(0, r.code(), r::toString);
        assertFalse(r.out().contains("\t"), "no tabs on a terminal");
        assertTrue(r.out().contains("\u001b[1;4mShingles\u001b[0m, a painful rash"), r.out());
        Result plain = new Cli().run("search", "shingles", "--color", "always");
        assertFalse(plain.out().contains("\u001b[1;4m"), "piped output is never styled: it is TSV");
    }

    @Test
    void classSheetsAndSiteSheetsAreSearched() {
        cli.write("site/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", "test-blocker"));
        cli.write("site/classes/test-blocker.yaml", TestSheets.drugClass("test-blocker"));
        Result r = cli.run("search", "testamab", "--data", "site");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("testamab\tstopping\tDo not stop testamab on your own.\n"), r.out());
        Result c = cli.run("search", "class warning", "--data", "site");
        assertEquals("test-blocker\twarnings\tClass warning about clots.\n", c.out());
    }

    // The text index kept in the cache folder.

    List<Path> indexes() throws IOException {
        Path dir = cli.fs.getPath("/cache/medcounsel");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("text-"))
                    .toList();
        }
    }

    Result searchSite(String word) {
        return cli.run("search", word, "--data", "site");
    }

    @Test
    void aChangedSheetIsReadAgainNotTakenFromTheIndex() throws IOException {
        cli.write("site/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", null));
        assertEquals(Exit.DATA_ERROR, searchSite("wombat").code());
        assertEquals(1, indexes().size(), "the site folder's words are kept");
        cli.write(
                "site/drugs/testamab.yaml",
                TestSheets.drug("testamab", "Testix", null)
                        .replace("It calms the test.", "It was first found in a wombat."));
        Result r = searchSite("wombat");
        assertEquals("testamab\tsummary\tIt was first found in a wombat.\n", r.out(), r::toString);
    }

    /** The kept index, with the sheet's words replaced by nothing and the checksum made to fit. */
    void forgeIndex() throws IOException {
        for (Path file : indexes()) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            String forged = text.replaceAll("(testamab\t[^\t\n]*\t)[^\n]*", "$1 nothing ");
            byte[] bytes = forged.getBytes(StandardCharsets.ISO_8859_1);
            CRC32 crc = new CRC32();
            crc.update(bytes, 8, bytes.length - 8);
            ByteBuffer.wrap(bytes, 4, 4).putInt((int) crc.getValue());
            Files.write(file, bytes);
        }
    }

    @Test
    void onlyTheUsersOwnIndexIsBelieved() throws IOException {
        cli.write("site/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", null));
        assertEquals(0, searchSite("testamab").code());
        forgeIndex();
        assertEquals(
                Exit.DATA_ERROR,
                searchSite("testamab").code(),
                "a well-formed index in the user's own folder is used: only the sheets it names are read");

        Path folder = cli.fs.getPath("/cache/medcounsel");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals(0, searchSite("testamab").code(), "an index others could have written is not used");
    }

    @Test
    void aDamagedIndexIsReadAroundAndRebuilt() throws IOException {
        cli.write("site/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", null));
        String first = searchSite("testamab").out();
        for (Path file : indexes()) {
            Files.write(file, new byte[] {'M', 'C', 'K', '1', 0, 0, 0, 9, 'x'});
        }
        Result again = searchSite("testamab");
        assertEquals(0, again.code(), again::toString);
        assertEquals(first, again.out());
        for (Path file : indexes()) assertTrue(Files.size(file) > 20, "rebuilt");
    }

    @Test
    void aSiteSynonymsFileAddsGroups() {
        cli.write("site/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", null));
        cli.write("site/synonyms.yaml", "groups:\n  - words: [cephalalgia, headache]\n");
        Result r = cli.run("search", "cephalalgia", "--data", "site");
        assertTrue(r.out().contains("testamab\tside effects\tHeadache\n"), r.toString());
        assertTrue(
                cli.run("search", "shingles", "--data", "site").out().contains("zoster")
                        || cli.run("search", "herpes zoster", "--data", "site")
                                .out()
                                .contains("hingles"),
                "the bundled groups still count");
    }

    @Test
    void aBrokenSynonymsFileIsNamed() {
        cli.write("site/synonyms.yaml", "groups:\n  - wrds: [a, b]\n");
        Result r = cli.run("search", "shingles", "--data", "site");
        assertEquals(Exit.DATA_ERROR, r.code());
        assertTrue(r.err().startsWith("medcounsel: site/synonyms.yaml:"), r.err());
        Result check = cli.run("check", "--data", "site");
        assertEquals(Exit.DATA_ERROR, check.code(), check.toString());
        assertTrue(check.out().contains("site/synonyms.yaml:2"), "check names the file and line:\n" + check);
    }
}
