package org.medcounsel.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A leaflet folder's index, made afresh from what the folder holds: every leaflet file of the
 * format, whoever made it and when. What a leaflet is (title, uses, review date, the date it was
 * made) is kept beside it, in a small JSON file under {@code .leaflets/}, written with it; a
 * leaflet without one (copied in by hand) is listed by its file name and its file's date.
 */
public final class LeafletIndex {
    /** Reads the descriptions back; they are written as all JSON is, by {@link JsonOut}. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private LeafletIndex() {}

    /** Keeps what {@code entry}'s leaflet is, for the index: written whole, like the leaflet. */
    public static void describe(Path descriptions, Renderer.Entry entry) {
        StringWriter d = new StringWriter();
        JsonOut.write(
                JsonOut.object(
                        "title", entry.title(),
                        "uses", entry.uses(),
                        "reviewed", entry.reviewed(),
                        "made", entry.made()),
                new PrintWriter(d));
        try {
            Files.createDirectories(descriptions);
            AtomicFiles.write(
                    descriptions.resolve(entry.file() + ".json"),
                    d.toString().getBytes(StandardCharsets.UTF_8),
                    descriptions.getFileName() + "/" + entry.file() + ".json");
        } catch (IOException e) {
            throw new UncheckedIOException(
                    new IOException("cannot describe " + entry.file() + " for the index: " + e.getMessage(), e));
        }
    }

    /**
     * Every leaflet in {@code dir} whose name ends in {@code .ext} (the index itself aside), by
     * title: the index lists them all, not just the ones this run wrote.
     */
    public static List<Renderer.Entry> entries(Path dir, String ext, String indexName, String descriptions)
            throws IOException {
        List<Renderer.Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*." + ext)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.equals(indexName) || name.startsWith(".") || !Files.isRegularFile(file)) continue;
                entries.add(entry(file, dir.resolve(descriptions).resolve(name + ".json")));
            }
        }
        entries.sort(Comparator.comparing((Renderer.Entry e) -> e.title().toLowerCase(Locale.ROOT))
                .thenComparing(Renderer.Entry::file));
        return entries;
    }

    private static Renderer.Entry entry(Path file, Path description) throws IOException {
        String name = file.getFileName().toString();
        String made = Files.getLastModifiedTime(file)
                .toInstant()
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .toString();
        if (Files.isRegularFile(description)) {
            try {
                JsonNode d = JSON.readTree(Files.readAllBytes(description));
                return new Renderer.Entry(
                        name,
                        text(d, "title", name),
                        text(d, "uses", ""),
                        text(d, "reviewed", ""),
                        text(d, "made", made));
            } catch (IOException e) {
                // A description that cannot be read: the leaflet is still listed, by its name.
            }
        }
        return new Renderer.Entry(name, name, "", "", made);
    }

    private static String text(JsonNode d, String field, String otherwise) {
        JsonNode v = d.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : otherwise;
    }
}
