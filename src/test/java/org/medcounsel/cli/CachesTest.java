package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.TestSheets;

/**
 * What medcounsel keeps in its cache folder between runs (name indexes, packed site sheets) saves
 * time and never changes an answer: an edited sheet is read afresh, and a damaged or unwritable
 * cache only costs time.
 */
class CachesTest {
    final Cli cli = new Cli().env("XDG_CACHE_HOME", "/cache");

    Cli withSite(String brand) {
        cli.write("site/drugs/testamab.yaml", TestSheets.drug("testamab", brand, "test-blocker"));
        cli.write("site/classes/test-blocker.yaml", TestSheets.drugClass("test-blocker"));
        return cli;
    }

    List<Path> cached() throws IOException {
        Path dir = cli.fs.getPath("/cache/medcounsel");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    static String title(Result r) {
        assertEquals(0, r.code(), r::toString);
        return r.out().lines().findFirst().orElse("");
    }

    @Test
    void aSiteSheetIsKeptPackedAndItsEditsAreSeen() throws IOException {
        withSite("Testix");
        assertEquals("testamab (Testix) - About this medicine", title(cli.run("info", "testamab", "--data", "site")));
        assertEquals(
                2,
                cached().stream().filter(p -> p.toString().endsWith(".tree")).count(),
                "drug and class: " + cached());

        cli.write("site/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix Forte", "test-blocker"));
        assertEquals(
                "testamab (Testix Forte) - About this medicine",
                title(cli.run("info", "testamab", "--data", "site")),
                "an edited sheet is read afresh");
    }

    @Test
    void passesOverTheWholeFormularyPackNoDrugSheets() throws IOException {
        withSite("Testix");
        for (int i = 0; i < 20; i++) {
            cli.write("site/drugs/drug" + i + ".yaml", TestSheets.drug("drug" + i, "Brand" + i, "test-blocker"));
        }
        assertEquals(0, cli.run("list", "--data", "site").code());
        assertEquals(
                0,
                cli.run("leaflet", "--all", "--data", "site", "--out", "out", "-q")
                        .code());
        assertEquals(
                1,
                cached().stream().filter(p -> p.toString().endsWith(".tree")).count(),
                "21 drug sheets, one class sheet: only the class sheet is kept, " + cached());
    }

    @Test
    void anEditThatKeepsTheSizeAndTimeIsSeen() throws IOException {
        Path sheet = withSite("Testix")
                .write("site/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", "test-blocker"));
        FileTime written = Files.getLastModifiedTime(sheet);
        assertEquals("testamab (Testix) - About this medicine", title(cli.run("info", "testamab", "--data", "site")));

        // Same place, same size, same time: a copy keyed on those would be served stale.
        cli.write("site/drugs/testamab.yaml", TestSheets.drug("testamab", "Tastix", "test-blocker"));
        Files.setLastModifiedTime(sheet, written);
        assertEquals("testamab (Tastix) - About this medicine", title(cli.run("info", "testamab", "--data", "site")));
    }

    @Test
    void aCacheFileEditedBySomeoneElseIsNotServed() throws IOException {
        withSite("Testix");
        assertEquals("testamab (Testix) - About this medicine", title(cli.run("info", "testamab", "--data", "site")));
        int edited = 0;
        for (Path file : cached()) {
            byte[] bytes = Files.readAllBytes(file);
            byte[] forged = replace(bytes, "Testix", "Evilix");
            if (!Arrays.equals(bytes, forged)) {
                Files.write(file, forged);
                edited++;
            }
        }
        assertTrue(edited > 0, "the brand is in the cache: " + cached());
        Result r = cli.run("info", "testamab", "--data", "site");
        assertEquals("testamab (Testix) - About this medicine", title(r), "the sheet's own text, not the cache's");
        assertEquals("", r.err());
    }

    /**
     * A planted copy that passes every check of its own (a forger who knows the format, fixing
     * the checksum too) is served only from a folder nobody else can write: that is the defence.
     */
    @Test
    void aCacheFolderOthersCanWriteOrAnotherUserOwnsIsNotUsed() throws IOException {
        Path folder = cli.fs.getPath("/cache/medcounsel");
        withSite("Testix");
        assertEquals(0, cli.run("info", "testamab", "--data", "site").code());
        for (Path file : cached()) {
            Files.write(file, forge(Files.readAllBytes(file), "Testix", "Evilix"));
        }
        assertEquals(
                "testamab (Evilix) - About this medicine",
                title(cli.run("info", "testamab", "--data", "site")),
                "the planted copy is well formed: in the user's own private folder it is believed");

        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals("testamab (Testix) - About this medicine", title(cli.run("info", "testamab", "--data", "site")));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxr-x"));
        assertEquals("testamab (Testix) - About this medicine", title(cli.run("info", "testamab", "--data", "site")));

        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setOwner(folder, cli.fs.getUserPrincipalLookupService().lookupPrincipalByName("mallory"));
        assertEquals("testamab (Testix) - About this medicine", title(cli.run("info", "testamab", "--data", "site")));
    }

    @Test
    void nothingIsWrittenToACacheFolderOthersCanWrite() throws IOException {
        Path folder = Files.createDirectories(cli.fs.getPath("/cache/medcounsel"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        withSite("Testix");
        Result r = cli.run("info", "testix", "--data", "site");
        assertEquals("testamab (Testix) - About this medicine", title(r));
        assertEquals("", r.err());
        assertEquals(List.of(), cached(), "nothing kept where others could change it");
    }

    @Test
    void aNewCacheFolderIsTheUsersAlone() throws IOException {
        withSite("Testix");
        assertEquals(0, cli.run("info", "testamab", "--data", "site").code());
        assertEquals(
                "rwx------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.fs.getPath("/cache/medcounsel"))));
    }

    /** {@code bytes} with {@code from} (text) replaced by {@code to}, of the same length. */
    static byte[] replace(byte[] bytes, String from, String to) {
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        return latin.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * As {@link #replace}, then the cache file's checksum made to fit: a cache file is "MCK1", the
     * CRC-32 of what follows it, then what it keeps.
     */
    static byte[] forge(byte[] bytes, String from, String to) {
        byte[] forged = replace(bytes, from, to);
        CRC32 crc = new CRC32();
        crc.update(forged, 8, forged.length - 8);
        ByteBuffer.wrap(forged, 4, 4).putInt((int) crc.getValue());
        return forged;
    }

    @Test
    void aDamagedCacheFileIsReadAroundAndReplaced() throws IOException {
        withSite("Testix");
        String first = cli.run("risks", "testamab", "--data", "site").out();
        for (Path file : cached()) {
            Files.write(file, new byte[] {'M', 'C', 'C', '1', 0, 0, 0, 9, 'x'});
        }
        Result again = cli.run("risks", "testamab", "--data", "site");
        assertEquals(0, again.code(), again::toString);
        assertEquals("", again.err());
        assertEquals(first, again.out());
        assertTrue(cached().stream().allMatch(f -> size(f) > 100), "replaced: " + cached());
    }

    @Test
    void anUnwritableCacheOnlyCostsTime() {
        withSite("Testix").write("/cache/medcounsel", "a file where the cache folder should be");
        Result r = cli.run("info", "testix", "--data", "site");
        assertEquals("testamab (Testix) - About this medicine", title(r));
        assertEquals("", r.err());
    }

    @Test
    void aBrandTakenOffASheetIsNotFoundThroughTheKeptNameIndex() throws IOException {
        withSite("Testix");
        assertEquals("testamab (Testix) - About this medicine", title(cli.run("info", "testix", "--data", "site")));
        assertTrue(
                cached().stream().anyMatch(p -> p.getFileName().toString().startsWith("names-")), cached().toString());

        cli.write("site/drugs/testamab.yaml", TestSheets.drug("testamab", "Renamix", "test-blocker"));
        Result gone = cli.run("info", "testix", "--data", "site");
        assertEquals(Exit.UNKNOWN_DRUG, gone.code(), gone::toString);
        assertEquals(
                "testamab (Renamix) - About this medicine",
                title(cli.run("info", "renamix", "--data", "site")),
                "the rebuilt index has the new brand");
    }

    @Test
    void aSheetAddedToTheFolderIsFoundByBrand() {
        withSite("Testix");
        assertEquals(0, cli.run("info", "testix", "--data", "site").code());
        cli.write("site/drugs/newamab.yaml", TestSheets.drug("newamab", "Newix", "test-blocker"));
        assertEquals("newamab (Newix) - About this medicine", title(cli.run("info", "newix", "--data", "site")));
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
