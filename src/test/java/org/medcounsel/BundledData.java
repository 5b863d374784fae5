package org.medcounsel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the build bundles, counted from the files in data/ (never from a number written in a
 * test): adding a drug sheet or a translation changes these, and no test needs editing for it.
 */
public final class BundledData {
    private BundledData() {}

    public static final Path DATA = Path.of("data");

    /** The ids of the sheets in data/drugs or data/classes: files {@code ID.yaml}, no language suffix. */
    public static SortedSet<String> ids(String folder) {
        SortedSet<String> ids = new TreeSet<>();
        for (String name : files(folder)) {
            String base = name.substring(0, name.length() - ".yaml".length());
            if (!base.contains(".")) ids.add(base);
        }
        return ids;
    }

    /** The bundled drug sheets' ids. */
    public static SortedSet<String> drugIds() {
        return ids("drugs");
    }

    /** The bundled class sheets' ids. */
    public static SortedSet<String> classIds() {
        return ids("classes");
    }

    /** For each language tag, how many drug sheets data/drugs translates into it ({@code ID.TAG.yaml}). */
    public static SortedMap<String, Integer> drugTranslations() {
        SortedMap<String, Integer> by = new TreeMap<>();
        SortedSet<String> drugs = drugIds();
        for (String name : files("drugs")) {
            String base = name.substring(0, name.length() - ".yaml".length());
            int dot = base.indexOf('.');
            if (dot > 0 && drugs.contains(base.substring(0, dot))) by.merge(base.substring(dot + 1), 1, Integer::sum);
        }
        return by;
    }

    /** The {@code reviewed} dates of every bundled drug and class sheet, oldest first. */
    public static SortedSet<String> reviewedDates() {
        SortedSet<String> dates = new TreeSet<>();
        Pattern reviewed = Pattern.compile("(?m)^reviewed: *(\\d{4}-\\d{2}-\\d{2})");
        for (String folder : List.of("drugs", "classes")) {
            for (String id : ids(folder)) {
                try {
                    Matcher m = reviewed.matcher(
                            Files.readString(DATA.resolve(folder).resolve(id + ".yaml")));
                    if (m.find()) dates.add(m.group(1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return dates;
    }

    private static List<String> files(String folder) {
        try (Stream<Path> files = Files.list(DATA.resolve(folder))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
