package org.medcounsel.render;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * PDF leaflets, made by code that is not in the tool's jar: the PDF libraries and the class that
 * drives them ({@code org.medcounsel.pdf.OpenHtmlToPdf}) are in a {@code pdf/} folder beside the
 * jar, and are loaded here, by name, the first time a PDF is asked for. So the jar the
 * counselling commands start from is the same size with or without PDF support, and never loads
 * a class of it. (Run from the build's own classes, as the tests do, the classes are already on
 * the class path and are used as they are.)
 */
public final class Pdf {
    /** Makes a PDF from a complete HTML page. */
    public interface Maker {
        byte[] pdf(String html, String baseUri);
    }

    static final String IMPLEMENTATION = "org.medcounsel.pdf.OpenHtmlToPdf";

    private static Maker maker;

    private Pdf() {}

    /** The PDF maker, loaded once. */
    public static synchronized Maker maker() {
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
    public static final class MissingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingException(Path folder) {
            super("PDF leaflets need the PDF libraries in " + folder
                    + ", which are missing or damaged; rebuild (mvn package) or reinstall medcounsel");
        }
    }
}
