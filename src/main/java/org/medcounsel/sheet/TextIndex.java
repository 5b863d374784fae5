package org.medcounsel.sheet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.medcounsel.sheet.Shelf.Kind;

/**
 * One shelf's words, sheet by sheet, so a search reads only the sheets that may mention what it
 * asks for. A sheet's words are the distinct lower-case words of its text ({@link SheetText}).
 * Kept in the cache folder in shards of about a thousand sheets, each entry with the stamp
 * (modification time and size) of the file it was made from: an entry whose file changed is
 * made again, and a shard that is damaged, foreign or of another shelf is not used. The index
 * only narrows the search; every hit is read from the sheet itself.
 */
final class TextIndex {
    private static final String HEADER = "# medcounsel text index 1";
    private static final int SHARD = 1000;

    /** Stands for "not indexed: read the sheet" where a map cannot hold null. */
    private static final String UNREAD = "\u0000";

    private TextIndex() {}

    /** The words of each sheet of {@code kind} on {@code shelf}; a null value: read the sheet. */
    static Map<String, String> of(Shelf shelf, Kind kind, Optional<Path> cacheDir) {
        SortedSet<String> ids = shelf.ids(kind);
        int shards = Math.max(1, (ids.size() + SHARD - 1) / SHARD);
        Map<Integer, SortedSet<String>> byShard = new HashMap<>();
        for (String id : ids) {
            byShard.computeIfAbsent(Math.floorMod(id.hashCode(), shards), s -> new TreeSet<>())
                    .add(id);
        }
        // Shards are made side by side: building the index reads every sheet once (the cold run).
        Map<String, String> words = new ConcurrentHashMap<>();
        byShard.entrySet().parallelStream().forEach(e -> shard(shelf, kind, cacheDir, e.getKey(), shards, e.getValue())
                .forEach((id, w) -> words.put(id, w == null ? UNREAD : w)));
        Map<String, String> plain = new HashMap<>();
        words.forEach((id, w) -> plain.put(id, w.equals(UNREAD) ? null : w));
        return plain;
    }

    private static Map<String, String> shard(
            Shelf shelf, Kind kind, Optional<Path> cacheDir, int shard, int shards, SortedSet<String> ids) {
        String header = HEADER + "\t" + shelf.identity() + "\t" + kind.folder + "\t" + shard + "/" + shards;
        Optional<Path> file = cacheDir.map(dir -> CacheFolder.file(dir, "text-", header, ".tsv"));
        Map<String, String[]> kept = file.map(f -> read(f, header)).orElseGet(HashMap::new);
        Map<String, String> words = new HashMap<>();
        StringBuilder text = new StringBuilder(header).append('\n');
        boolean changed = kept.size() != ids.size();
        for (String id : ids) {
            Optional<SheetFile> sheet = shelf.sheet(kind, id);
            if (sheet.isEmpty()) continue;
            String stamp = sheet.get().stamp();
            String[] entry = kept.get(id);
            String w;
            if (entry != null && entry[0].equals(stamp)) {
                w = entry[1];
            } else {
                changed = true;
                try {
                    w = words(SheetText.of(sheet.get().tree()));
                } catch (SheetException e) {
                    words.put(id, null); // not even YAML: reading it says why
                    continue;
                }
            }
            words.put(id, w);
            text.append(id).append('\t').append(stamp).append('\t').append(w).append('\n');
        }
        if (changed && file.isPresent()) {
            CacheFolder.write(file.get(), text.toString().getBytes(StandardCharsets.UTF_8));
        }
        return words;
    }

    /** The distinct words of some passages, lower case, as " one two three ". */
    static String words(List<SheetText.Passage> passages) {
        TreeSet<String> words = new TreeSet<>();
        for (SheetText.Passage p : passages) {
            for (String w : p.sentence().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!w.isEmpty()) words.add(w);
            }
        }
        StringBuilder b = new StringBuilder(" ");
        words.forEach(w -> b.append(w).append(' '));
        return b.toString();
    }

    /**
     * Whether {@code words} (as {@link #words} makes them) may hold every term: for each term, some
     * alternative each of whose words begins a word of the sheet.
     */
    static boolean mayHold(String words, List<List<String>> terms) {
        if (words == null) return true;
        for (List<String> alternatives : terms) {
            boolean any = false;
            for (String alternative : alternatives) {
                boolean all = true;
                for (String w : alternative.split("[^\\p{L}\\p{N}]+")) {
                    if (!w.isEmpty() && !words.contains(" " + w)) {
                        all = false;
                        break;
                    }
                }
                if (all) {
                    any = true;
                    break;
                }
            }
            if (!any) return false;
        }
        return true;
    }

    private static Map<String, String[]> read(Path file, String header) {
        Map<String, String[]> kept = new HashMap<>();
        Optional<byte[]> bytes = CacheFolder.read(file);
        if (bytes.isEmpty()) return kept;
        String text = new String(bytes.get(), StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        if (nl < 0 || !text.substring(0, nl).equals(header)) return kept;
        int at = nl + 1;
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            if (end < 0) end = text.length();
            int t1 = text.indexOf('\t', at);
            int t2 = t1 < 0 ? -1 : text.indexOf('\t', t1 + 1);
            if (t2 > 0 && t2 < end) {
                kept.put(
                        text.substring(at, t1), new String[] {text.substring(t1 + 1, t2), text.substring(t2 + 1, end)});
            }
            at = end + 1;
        }
        return kept;
    }
}
