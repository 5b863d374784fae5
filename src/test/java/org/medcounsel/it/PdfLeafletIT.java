package org.medcounsel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PDF leaflets from the real launcher, read back with poppler's tools as a pharmacy's printer
 * would see them: paper, tags, fonts, the running title and page numbers, what page 1 says, and
 * the size of the print.
 */
class PdfLeafletIT {
    @TempDir
    Path tmp;

    Map<String, String> env = Map.of();

    @BeforeEach
    void site() throws Exception {
        Tools.require("pdfinfo");
        BufferedImage logo = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(logo, "png", tmp.resolve("logo.png").toFile());
        Files.writeString(
                tmp.resolve("site.yaml"),
                "name: Riverside Community Pharmacy\naddress: 12 High Street, Newtown NT1 2AB\nphone: 01234 567890\n"
                        + "website: https://riverside-pharmacy.example\nopening-hours: Mon-Fri 9am-6pm\nlogo: logo.png\n");
    }

    String leaflet(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Tools.LAUNCHER.toString(), "leaflet"));
        command.addAll(Arrays.asList(args));
        return Tools.run(tmp, env, command.toArray(String[]::new));
    }

    static String info(Path pdf) throws Exception {
        return Tools.run(pdf.getParent(), Map.of(), "pdfinfo", pdf.toString());
    }

    static int pages(Path pdf) throws Exception {
        Matcher m = Pattern.compile("Pages:\\s+(\\d+)").matcher(info(pdf));
        assertTrue(m.find());
        return Integer.parseInt(m.group(1));
    }

    static String text(Path pdf, int page) throws Exception {
        return Tools.run(pdf.getParent(), Map.of(), "pdftotext", "-f", "" + page, "-l", "" + page, pdf.toString(), "-");
    }

    /** The body text's size in points: the commonest word height, over poppler's 1.24 line box. */
    static double bodyPoints(Path pdf) throws Exception {
        String boxes = Tools.run(pdf.getParent(), Map.of(), "pdftotext", "-bbox", pdf.toString(), "-");
        Map<Double, Long> heights = new HashMap<>();
        Matcher m = Pattern.compile("<word xMin=\"[\\d.]+\" yMin=\"([\\d.]+)\" xMax=\"[\\d.]+\" yMax=\"([\\d.]+)\"")
                .matcher(boxes);
        while (m.find()) {
            double h = Math.round((Double.parseDouble(m.group(2)) - Double.parseDouble(m.group(1))) * 10) / 10.0;
            heights.merge(h, 1L, Long::sum);
        }
        double commonest = heights.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        return commonest / 1.2386;
    }

    /**
     * No large blank gaps: on every page but the last, the text runs at least two thirds of the
     * way down (a long box runs on to the next page instead of leaving one half empty).
     */
    static void noLargeGaps(Path pdf, int pages) throws Exception {
        for (int page = 1; page < pages; page++) {
            String boxes = Tools.run(
                    pdf.getParent(),
                    Map.of(),
                    "pdftotext",
                    "-f",
                    "" + page,
                    "-l",
                    "" + page,
                    "-bbox",
                    pdf.toString(),
                    "-");
            Matcher size = Pattern.compile("<page width=\"[\\d.]+\" height=\"([\\d.]+)\"")
                    .matcher(boxes);
            assertTrue(size.find(), boxes);
            double height = Double.parseDouble(size.group(1));
            double lowest = 0;
            Matcher word = Pattern.compile("yMax=\"([\\d.]+)\">([^<]*)</word>").matcher(boxes);
            while (word.find()) {
                double y = Double.parseDouble(word.group(1));
                if (y < height - 60) lowest = Math.max(lowest, y); // the page number's footer aside
            }
            assertTrue(
                    lowest > height * 2 / 3,
                    "page " + page + " of " + pages + " ends its text at " + lowest + " of " + height + " pt");
        }
    }

    @Test
    void anA4LeafletIsTaggedEmbedsItsFontsAndPutsUrgentHelpAndTheBannerOnPage1() throws Exception {
        String run = leaflet("baricitinib", "--format", "pdf", "--site", "site.yaml", "--out", "out");
        Path pdf = tmp.resolve("out/baricitinib.pdf");
        assertTrue(Files.exists(pdf), run);
        String info = info(pdf);
        assertTrue(info.contains("Page size:       595.275 x 841.875 pts (A4)"), info);
        assertTrue(info.contains("Tagged:          yes"), "a tagged (accessible) PDF:\n" + info);
        assertTrue(info.contains("Title:           Baricitinib (Olumiant) - Patient leaflet"), info);
        String fonts = Tools.run(tmp, Map.of(), "pdffonts", pdf.toString());
        List<String> rows = fonts.lines().skip(2).toList();
        assertFalse(rows.isEmpty(), fonts);
        assertTrue(
                rows.stream().allMatch(r -> r.contains("AtkinsonHyperlegible") && r.matches(".* yes +yes +yes .*")),
                "every font embedded:\n" + fonts);
        int pages = pages(pdf);
        String first = text(pdf, 1);
        assertTrue(first.contains("Riverside Community Pharmacy"), first);
        assertTrue(first.contains("Open: Mon-Fri 9am-6pm") && first.contains("riverside-pharmacy.example"), first);
        assertTrue(first.contains("Get urgent help") && first.contains("Call an ambulance at once"), first);
        for (int page = 1; page <= pages; page++) {
            String text = text(pdf, page);
            assertTrue(text.contains("Page " + page + " of " + pages), "page " + page + ":\n" + text);
            assertTrue(text.startsWith("Baricitinib (Olumiant)"), "running title on page " + page + ":\n" + text);
        }
        String last = text(pdf, pages);
        assertTrue(last.contains("Call us on 01234 567890"), last);
        noLargeGaps(pdf, pages);
        assertTrue(bodyPoints(pdf) < 12, "normal print: " + bodyPoints(pdf));
        String index = Files.readString(tmp.resolve("out/index.html"));
        assertTrue(index.contains("<a href=\"baricitinib.pdf\">Baricitinib (Olumiant)</a>"), index);
    }

    /**
     * A Chinese leaflet: the system's Chinese font (fc-list finds it) is embedded beside the
     * built-in one, and page 1 has the urgent help and the page numbers in Chinese.
     */
    @Test
    void aChineseLeafletEmbedsAFontForItsScriptAndSaysEverythingInChinese() throws Exception {
        Tools.require("fc-list");
        requireChineseFont();
        String run =
                leaflet("baricitinib", "--lang", "zh-Hans", "--format", "pdf", "--site", "site.yaml", "--out", "out");
        Path pdf = tmp.resolve("out/baricitinib.pdf");
        assertTrue(Files.exists(pdf), run);
        assertTrue(info(pdf).contains("Tagged:          yes"), info(pdf));
        String fonts = Tools.run(tmp, Map.of(), "pdffonts", pdf.toString());
        List<String> rows = fonts.lines().skip(2).toList();
        assertTrue(rows.stream().allMatch(r -> r.matches(".* yes +yes +yes .*")), "every font embedded:\n" + fonts);
        assertTrue(rows.stream().anyMatch(r -> !r.contains("AtkinsonHyperlegible")), "a font for Chinese:\n" + fonts);
        int pages = pages(pdf);
        String first = text(pdf, 1);
        assertTrue(first.contains("紧急求助") && first.contains("立即求助"), first);
        assertTrue(first.contains("营业时间：Mon-Fri 9am-6pm"), first);
        assertFalse(first.contains("Get urgent help"), first);
        for (int page = 1; page <= pages; page++) {
            String text = text(pdf, page);
            assertTrue(text.contains("第 " + page + " 页，共 " + pages + " 页"), "page " + page + ":\n" + text);
        }
    }

    @Test
    void withoutAFontForTheScriptAChinesePdfIsRefusedSayingWhatToInstall() throws Exception {
        // No fontconfig on PATH, so no system font is found; nothing is written.
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        String out = chinesePdf(Map.of("PATH", bin.toString()));
        assertTrue(out.contains("no TrueType font on this system has the Han letters"), out);
        assertTrue(out.contains("MEDCOUNSEL_FONT"), out);
        assertFalse(Files.exists(tmp.resolve("out/baricitinib.pdf")), out);
        String named = chinesePdf(Map.of("PATH", bin.toString(), "MEDCOUNSEL_FONT", "/nowhere/font.ttf"));
        assertTrue(named.contains("MEDCOUNSEL_FONT names /nowhere/font.ttf, which is not a file"), named);
    }

    /** A Chinese PDF leaflet of baricitinib from the jar, run by this Java with {@code env}. */
    String chinesePdf(Map<String, String> env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Tools.ROOT.resolve("target/medcounsel.jar").toString();
        return Tools.run(
                tmp,
                env,
                java,
                "-jar",
                jar,
                "leaflet",
                "baricitinib",
                "--lang",
                "zh-Hans",
                "--format",
                "pdf",
                "--out",
                "out");
    }

    /** A Chinese TrueType font, as .ci/run installs (fonts-droid-fallback); CI=true fails without one. */
    static void requireChineseFont() throws Exception {
        boolean found = !Tools.run(Path.of("/"), Map.of(), "fc-list", ":charset=4e00:fontformat=TrueType", "file")
                .isBlank();
        String message = "no Chinese TrueType font (apt-get install fonts-droid-fallback; .ci/run installs it)";
        if ("true".equals(System.getenv("CI")) && !found) throw new AssertionError("CI=true, but " + message);
        Assumptions.assumeTrue(found, "SKIPPED: " + message);
    }

    @Test
    void letterPaperAndLargePrintAsAsked() throws Exception {
        leaflet("selumetinib", "--format", "pdf", "--paper", "letter", "--large-print", "--out", "out");
        Path pdf = tmp.resolve("out/selumetinib.pdf");
        assertTrue(info(pdf).contains("Page size:       612 x 792 pts (letter)"), info(pdf));
        assertTrue(bodyPoints(pdf) >= 15.9, "large print is 16 pt or more: " + bodyPoints(pdf));
        String first = text(pdf, 1);
        assertTrue(
                first.contains("GET HELP AT ONCE") && first.contains("Get medical help at once"),
                "the box's label stays with its first item:\n" + first);
        int pages = pages(pdf);
        noLargeGaps(pdf, pages);
        leaflet("selumetinib", "--format", "pdf", "--out", "normal");
        assertTrue(pages > pages(tmp.resolve("normal/selumetinib.pdf")), "large print takes more pages");
    }

    @Test
    void oneLeafletToStandardOutputIsAWholePdf() throws Exception {
        Tools.run(tmp, env, "sh", "-c", "'" + Tools.LAUNCHER + "' leaflet koselugo --format pdf --out - > k.pdf");
        assertTrue(info(tmp.resolve("k.pdf")).contains("Tagged:          yes"), info(tmp.resolve("k.pdf")));
        assertTrue(text(tmp.resolve("k.pdf"), 1).contains("Selumetinib (Koselugo)"));
        String refused = Tools.run(tmp, env, Tools.LAUNCHER.toString(), "leaflet", "--all", "--out", "-");
        assertTrue(refused.contains("--out - writes one leaflet"), refused);
    }

    @Test
    void aScreeningRecordPrintsToAPdfThatEndsWithASignatureLine() throws Exception {
        Tools.run(
                tmp,
                env,
                "sh",
                "-c",
                "'" + Tools.LAUNCHER + "' screen olumiant -f age=70 --record --patient-id P-0042"
                        + " --pharmacist 'A. Khan' --format pdf > screening.pdf");
        Path pdf = tmp.resolve("screening.pdf");
        assertTrue(info(pdf).contains("Tagged:          yes"), info(pdf));
        String all = Tools.run(tmp, Map.of(), "pdftotext", pdf.toString(), "-");
        // The record ends the report: after the signature line come only the sources and footer.
        int signed = all.indexOf("Signed by the pharmacist: ____");
        assertTrue(signed > all.indexOf("VERDICT"), all);
        String after = all.substring(signed);
        assertFalse(after.contains("VERDICT") || after.contains("Patient: P-0042"), after);
        assertTrue(text(pdf, pages(pdf)).contains("This guidance supports"), "the footer ends the last page");
        assertTrue(all.contains("Patient: P-0042") && all.contains("Pharmacist: A. Khan"), all);
        assertTrue(all.contains("SHA-256"), "each sheet's fingerprint: " + all);
    }

    @Test
    void theCounsellingCommandsNeverLoadThePdfCode() throws Exception {
        Path jar = Tools.ROOT.resolve("target/medcounsel.jar");
        String loaded =
                Tools.run(tmp, env, "java", "-Xlog:class+load=info", "-jar", jar.toString(), "info", "baricitinib");
        assertTrue(loaded.contains("org.medcounsel.cli.LeafletCommand"), "the log lists classes:\n" + loaded.length());
        for (String library : List.of(
                "com.openhtmltopdf",
                "org.apache.pdfbox",
                "org.jsoup",
                "org.medcounsel.pdf",
                "org.medcounsel.render.Pdf")) {
            assertFalse(loaded.contains(" " + library), "info loaded " + library);
        }
        String pdf = Tools.run(
                tmp,
                env,
                "java",
                "-Xlog:class+load=info",
                "-jar",
                jar.toString(),
                "leaflet",
                "koselugo",
                "--format",
                "pdf",
                "--out",
                "o");
        assertTrue(pdf.contains(" com.openhtmltopdf"), "while leaflet --format pdf does");
        long pdfClassesInJar;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            pdfClassesInJar = zip.stream()
                    .filter(e -> e.getName().startsWith("com/openhtmltopdf/")
                            || e.getName().startsWith("org/apache/pdfbox/")
                            || e.getName().startsWith("org/medcounsel/pdf/"))
                    .count();
        }
        assertEquals(0L, pdfClassesInJar, "the tool's jar holds no PDF code: it is in pdf/ beside it");
    }

    @Test
    void withoutThePdfFolderAPdfLeafletIsOneClearError() throws Exception {
        Path copy = Files.createDirectories(tmp.resolve("install"));
        Files.copy(Tools.ROOT.resolve("target/medcounsel.jar"), copy.resolve("medcounsel.jar"));
        String out = Tools.run(
                tmp,
                env,
                "java",
                "-jar",
                copy.resolve("medcounsel.jar").toString(),
                "leaflet",
                "koselugo",
                "--format",
                "pdf",
                "--out",
                "o");
        assertEquals(
                "medcounsel: PDF leaflets need the PDF libraries in " + copy.resolve("pdf")
                        + ", which are missing or damaged; rebuild (mvn package) or reinstall medcounsel\n",
                out);
        assertFalse(Files.exists(tmp.resolve("o/selumetinib.pdf")));
    }
}
