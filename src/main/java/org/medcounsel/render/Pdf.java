package org.medcounsel.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * PDFs (leaflets and screenings), made by code that is not in the tool's jar: the PDF libraries and the class that
 * drives them ({@code org.medcounsel.pdf.OpenHtmlToPdf}) are in a {@code pdf/} folder beside the
 * jar, and are loaded here, by name, the first time a PDF is asked for. So the jar the
 * counselling commands start from is the same size with or without PDF support, and never loads
 * a class of it. (Run from the build's own classes, as the tests do, the classes are already on
 * the class path and are used as they are.)
 */
public final class Pdf {
    /** Makes a PDF from a complete HTML page. */
    public interface Maker {
        /**
         * The PDF of {@code html}; {@code fonts} are TrueType files for the scripts the built-in
         * font does not cover, tried in turn for each character it lacks.
         */
        byte[] pdf(String html, String baseUri, List<Path> fonts);
    }

    /**
     * The PDF of a complete HTML page, with the fonts its scripts need: the one way leaflets and
     * screenings become PDFs. A missing PDF library or font is an I/O failure naming what to
     * install, as a file that cannot be read is.
     *
     * @throws MissingException when the PDF code is not where it should be
     * @throws FontException when no font is found for a script the page uses
     */
    public static byte[] of(String html, Map<String, String> env) {
        return maker().pdf(html, "file:///", fontsFor(html, env));
    }

    /** The variable that names a TrueType font file to use for scripts the built-in font lacks. */
    public static final String FONT_VARIABLE = "MEDCOUNSEL_FONT";

    /**
     * The fonts a page needs beside the built-in one (which covers the Latin alphabet): for each
     * other script in its text (Chinese, say), the font {@code MEDCOUNSEL_FONT} names, or else a
     * TrueType font on the system that has its letters (asked of fontconfig's fc-list). A tagged
     * PDF must embed every glyph, so a page whose script no font covers is refused, saying what
     * to install.
     *
     * @throws FontException when no font is found for a script the page uses
     */
    public static List<Path> fontsFor(String html, Map<String, String> env) {
        Map<Character.UnicodeScript, Integer> scripts = new LinkedHashMap<>();
        html.codePoints().filter(cp -> cp > 0x24F).forEach(cp -> {
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            if (s != Character.UnicodeScript.LATIN
                    && s != Character.UnicodeScript.COMMON
                    && s != Character.UnicodeScript.INHERITED) {
                scripts.putIfAbsent(s, cp);
            }
        });
        List<Path> fonts = new ArrayList<>();
        if (scripts.isEmpty()) return fonts;
        String named = env.getOrDefault(FONT_VARIABLE, "");
        if (!named.isBlank()) {
            Path file = Path.of(named);
            if (!Files.isRegularFile(file)) {
                throw new FontException(FONT_VARIABLE + " names " + named + ", which is not a file");
            }
            fonts.add(file);
            return fonts;
        }
        for (Map.Entry<Character.UnicodeScript, Integer> e : scripts.entrySet()) {
            // Asked once per script and run: a batch of PDFs starts fc-list once, not per page.
            Path found = FOUND.computeIfAbsent(e.getKey(), s -> Optional.ofNullable(systemFont(e.getValue())))
                    .orElse(null);
            if (found == null) {
                String name = e.getKey().name().charAt(0)
                        + e.getKey().name().substring(1).toLowerCase(Locale.ROOT);
                throw new FontException("no TrueType font on this system has the " + name + " letters this PDF"
                        + " needs: install one (on Debian or Ubuntu: apt install fonts-droid-fallback for Chinese),"
                        + " or set " + FONT_VARIABLE + " to a .ttf file that has them");
            }
            if (!fonts.contains(found)) fonts.add(found);
        }
        return fonts;
    }

    private static final Map<Character.UnicodeScript, Optional<Path>> FOUND = new ConcurrentHashMap<>();

    /** A TrueType (.ttf) font file that has the character {@code cp}, from fc-list; null for none. */
    private static Path systemFont(int cp) {
        try {
            Process p = new ProcessBuilder(
                            "fc-list", ":charset=" + Integer.toHexString(cp) + ":fontformat=TrueType", "file")
                    .redirectErrorStream(true)
                    .start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) return null;
            return out.lines()
                    .map(l -> l.replaceFirst(":\\s*$", "").strip())
                    .filter(l -> l.toLowerCase(Locale.ROOT).endsWith(".ttf"))
                    .sorted()
                    .map(Path::of)
                    .filter(Files::isRegularFile)
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            return null; // no fontconfig: nothing found
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** No font for a script a PDF needs. */
    public static final class FontException extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        FontException(String message) {
            super(message, new IOException(message));
        }
    }

    static final String IMPLEMENTATION = "org.medcounsel.pdf.OpenHtmlToPdf";

    private static Maker maker;

    private Pdf() {}

    /** The PDF maker, loaded once (made PDFs go through {@link #of}). */
    static synchronized Maker maker() {
        if (maker == null) {
            maker = load();
        }
        return maker;
    }

    private static Maker load() {
        try {
            return make(Class.forName(IMPLEMENTATION));
        } catch (ClassNotFoundException e) {
            // Not on the class path: the jar's own pdf/ folder.
        }
        Path folder = folder();
        List<URL> jars = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.jar")) {
            for (Path jar : files) jars.add(jar.toUri().toURL());
        } catch (IOException e) {
            throw new MissingException(folder);
        }
        if (jars.isEmpty()) throw new MissingException(folder);
        // Never closed: the maker is kept for the rest of the run.
        @SuppressWarnings("resource")
        URLClassLoader loader = new URLClassLoader(jars.toArray(URL[]::new), Pdf.class.getClassLoader());
        try {
            return make(Class.forName(IMPLEMENTATION, true, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MissingException(folder);
        }
    }

    private static Maker make(Class<?> type) {
        try {
            return (Maker) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start the PDF maker " + type.getName(), e);
        }
    }

    /** The pdf/ folder beside the jar this class was loaded from. */
    static Path folder() {
        try {
            Path jar = Path.of(Pdf.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return jar.resolveSibling("pdf");
        } catch (Exception e) {
            return Path.of("pdf");
        }
    }

    /** The PDF code is not where it should be: a broken install, named by folder. */
    public static final class MissingException extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        MissingException(Path folder) {
            this("PDF leaflets need the PDF libraries in " + folder
                    + ", which are missing or damaged; rebuild (mvn package) or reinstall medcounsel");
        }

        private MissingException(String message) {
            super(message, new IOException(message));
        }
    }
}
