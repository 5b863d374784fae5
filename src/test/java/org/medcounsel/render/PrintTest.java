package org.medcounsel.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcounsel.Main;
import org.medcounsel.cli.Environment;
import org.medcounsel.cli.Prompter;

/** A leaflet printed to PDF by headless Chromium, as a pharmacy would print it. */
@Tag("slow") // left out of the quick loop: mvn test -DexcludedGroups=slow
class PrintTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** A tool the test needs: skipped with a message on a developer's machine, a failure under CI=true. */
    static void require(Path tool, String packageName) {
        String message = tool + " is not installed (apt-get install " + packageName + "); .ci/run installs it";
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(Files.isExecutable(tool), message);
        }
        assumeTrue(Files.isExecutable(tool), "SKIPPED: " + message);
    }

    /** Writes leaflets with the given arguments into dir/leaflets. */
    static void leaflet(Path dir, String... args) {
        Environment env = Environment.of(FileSystems.getDefault(), Map.of(), false, Clock.systemUTC(), Prompter.NONE);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("leaflet"));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", dir.resolve("leaflets").toString(), "-q"));
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), env, all.toArray(String[]::new));
        assertEquals(0, code, err::toString);
    }

    @Test
    void aLeafletPrintsToAMultiPagePdf(@TempDir Path dir) throws Exception {
        require(CHROMIUM, "chromium");
        leaflet(dir, "baricitinib");
        Path pdf = print(dir, dir.resolve("leaflets/baricitinib.html"));
        byte[] bytes = Files.readAllBytes(pdf);
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        assertTrue(raw.startsWith("%PDF-"), "a PDF file");
        assertTrue(raw.stripTrailing().endsWith("%%EOF"), "a whole PDF file");
        Matcher pages = Pattern.compile("/Type\\s*/Page(?![s\\w])").matcher(raw);
        int count = 0;
        while (pages.find()) count++;
        assertTrue(count >= 2 && count <= 30, "a leaflet of a few pages, not " + count);
        assertTrue(List.of(raw.split("/Font")).size() > 1, "text is set in fonts, not drawn as images");
    }

    @Test
    void printedFromABrowserPage1HasTheBannerAndUrgentHelpAndEveryPageItsNumber(@TempDir Path dir) throws Exception {
        require(CHROMIUM, "chromium");
        require(Path.of("/usr/bin/pdftotext"), "poppler-utils");
        Files.writeString(
                dir.resolve("site.yaml"),
                "name: Riverside Community Pharmacy With A Long Name\naddress: 12 High Street, Newtown NT1 2AB\n"
                        + "phone: 01234 567890\nwebsite: https://riverside-community-pharmacy.example/leaflets\n");
        leaflet(
                dir,
                "baricitinib",
                "--paper",
                "letter",
                "--site",
                dir.resolve("site.yaml").toString());
        Path pdf = print(dir, dir.resolve("leaflets/baricitinib.html"));
        String info = run(dir, "pdfinfo", pdf.toString());
        assertTrue(info.contains("612 x 792 pts (letter)"), info);
        Matcher m = Pattern.compile("Pages:\\s+(\\d+)").matcher(info);
        assertTrue(m.find(), info);
        int pages = Integer.parseInt(m.group(1));
        String first = run(dir, "pdftotext", "-f", "1", "-l", "1", pdf.toString(), "-");
        assertTrue(first.contains("Riverside Community Pharmacy With A Long Name"), first);
        assertTrue(first.contains("riverside-community-pharmacy.example/leaflets"), "the banner fits: " + first);
        assertTrue(first.contains("Get urgent help") && first.contains("Call an ambulance"), first);
        for (int page = 1; page <= pages; page++) {
            String text = run(dir, "pdftotext", "-f", "" + page, "-l", "" + page, pdf.toString(), "-");
            assertTrue(text.contains("Page " + page + " of " + pages), "page " + page + ": " + text);
        }
        // The banner's words lie inside the page, right margin included.
        String boxes = run(dir, "pdftotext", "-f", "1", "-l", "1", "-bbox", pdf.toString(), "-");
        Matcher words = Pattern.compile("xMax=\"([\\d.]+)\"").matcher(boxes);
        while (words.find()) {
            assertTrue(Double.parseDouble(words.group(1)) < 612 - 30, "a word past the right margin: " + words.group());
        }
    }

    static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("tool.log").toFile())
                .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
        return Files.readString(dir.resolve("tool.log"));
    }

    /** Prints a page to PDF with headless Chromium; returns the PDF. */
    static Path print(Path dir, Path html) throws Exception {
        Path pdf = dir.resolve("printed.pdf");
        Process chromium = new ProcessBuilder(
                        CHROMIUM.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + dir.resolve("profile"),
                        "--no-pdf-header-footer",
                        "--print-to-pdf=" + pdf,
                        html.toUri().toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("chromium.log").toFile())
                .start();
        assertTrue(chromium.waitFor(120, TimeUnit.SECONDS), "Chromium finished");
        assertTrue(Files.exists(pdf), () -> "no PDF; Chromium said: " + read(dir.resolve("chromium.log")));
        return pdf;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "(no log)";
        }
    }
}
