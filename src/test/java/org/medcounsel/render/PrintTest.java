package org.medcounsel.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcounsel.Main;
import org.medcounsel.cli.Environment;
import org.medcounsel.cli.Prompter;

/** A leaflet printed to PDF by headless Chromium, as a pharmacy would print it. */
class PrintTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void aLeafletPrintsToAMultiPagePdf(@TempDir Path dir) throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM),
                "SKIPPED: headless Chromium is not installed (apt-get install chromium); .ci/run installs it");
        Environment env = Environment.of(
                java.nio.file.FileSystems.getDefault(), Map.of(), false, Clock.systemUTC(), Prompter.NONE);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                new PrintWriter(out),
                new PrintWriter(err),
                env,
                "leaflet",
                "baricitinib",
                "--out",
                dir.resolve("leaflets").toString(),
                "-q");
        assertEquals(0, code, err::toString);
        Path html = dir.resolve("leaflets/baricitinib.html");
        Path pdf = dir.resolve("baricitinib.pdf");
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

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "(no log)";
        }
    }
}
