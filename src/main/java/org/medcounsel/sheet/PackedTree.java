package org.medcounsel.sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The bundled sheets, read once at build time: each {@code .yaml} in the jar has a {@code .tree}
 * beside it holding the same {@link YamlNode} tree, lines included, in a compact binary form.
 *
 * <p>Why: parsing YAML is most of the cost of a counselling command after start-up (the YAML
 * parser's classes must be loaded and run cold in every new JVM). Decoding a tree takes a small
 * fraction of that, and the loader binds the decoded tree exactly as it binds a parsed one, so
 * messages and behaviour are the same. Site sheets are read as YAML, and their trees kept packed
 * in the cache folder for the next run ({@link #cached}).
 */
public final class PackedTree {
    /** The suffix of a packed tree, which sits beside the {@code .yaml} it was read from. */
    public static final String SUFFIX = ".tree";

    private static final int MAGIC = 0x4d43_5431; // "MCT1"
    private static final int CACHE_MAGIC = 0x4d43_4332; // "MCC2": a tree in the cache, with the bytes it was made from
    private static final byte MAPPING = 'M';
    private static final byte SEQUENCE = 'S';

    private PackedTree() {}

    /** The tree as bytes. */
    public static byte[] pack(YamlNode root) {
        return pack(MAGIC, null, root);
    }

    /**
     * The tree packed in {@code bytes}, read from the file users know as {@code file}; a damaged
     * tree is a located {@link SheetException}, never a half-read value.
     */
    public static YamlNode unpack(String file, byte[] bytes) {
        return unpack(file, MAGIC, null, bytes).orElseThrow(() -> damaged(file));
    }

    /**
     * A site sheet's tree, kept packed in the cache folder: unpacked from there when it was packed
     * from the file as it is now (same place, same bytes), else parsed and packed there for the
     * next run. Parsing YAML costs a short run more than anything else it does with a sheet;
     * reading the few kilobytes of a sheet to key its copy on them costs next to nothing, and an
     * edit that keeps the file's size and time is still seen.
     */
    static YamlNode cached(Path cacheDir, SheetFile file) {
        if (file.packed() || file.location().isEmpty()) { // already packed, or bundled: nothing to keep
            return file.tree();
        }
        byte[] text = file.bytes();
        Path cached = CacheFolder.file(cacheDir, "tree-", file.location(), SUFFIX);
        String madeFrom = file.location() + "\n" + CacheFolder.contentKey(text);
        Optional<byte[]> bytes = CacheFolder.read(cached);
        if (bytes.isPresent()) {
            try {
                Optional<YamlNode> tree = unpack(cached.toString(), CACHE_MAGIC, madeFrom, bytes.get());
                if (tree.isPresent()) {
                    return tree.get();
                }
            } catch (SheetException damaged) {
                // A damaged cache file is only a miss: read the sheet and replace it.
            }
        }
        YamlNode tree = YamlReader.read(file.name(), text);
        CacheFolder.write(cached, pack(CACHE_MAGIC, madeFrom, tree));
        return tree;
    }

    private static byte[] pack(int magic, String madeFrom, YamlNode root) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            if (madeFrom != null) {
                text(out, madeFrom);
            }
            write(out, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return bytes.toByteArray();
    }

    /** Empty when the bytes were packed from something other than {@code madeFrom}. */
    private static Optional<YamlNode> unpack(String file, int magic, String madeFrom, byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (bytes.length < 4 || in.readInt() != magic) {
                throw damaged(file);
            }
            if (madeFrom != null && !text(file, in).equals(madeFrom)) {
                return Optional.empty();
            }
            YamlNode root = read(file, in, 1);
            if (in.available() != 0) {
                throw damaged(file);
            }
            return Optional.of(root);
        } catch (EOFException e) {
            throw damaged(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading from memory
        }
    }

    private static void write(DataOutputStream out, YamlNode node) throws IOException {
        out.writeInt(node.line());
        if (node instanceof YamlNode.Mapping m) {
            out.writeByte(MAPPING);
            out.writeInt(m.entries().size());
            for (YamlNode.Entry e : m.entries().values()) {
                text(out, e.key());
                out.writeInt(e.keyLine());
                write(out, e.value());
            }
        } else if (node instanceof YamlNode.Sequence s) {
            out.writeByte(SEQUENCE);
            out.writeInt(s.items().size());
            for (YamlNode item : s.items()) {
                write(out, item);
            }
        } else {
            YamlNode.Scalar scalar = (YamlNode.Scalar) node;
            out.writeByte(scalar.kind().ordinal());
            text(out, scalar.text());
        }
    }

    private static YamlNode read(String file, DataInputStream in, int depth) throws IOException {
        if (depth > YamlReader.MAX_DEPTH) {
            throw damaged(file);
        }
        int line = in.readInt();
        byte tag = in.readByte();
        if (tag == MAPPING) {
            int size = count(file, in);
            Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                String key = text(file, in);
                entries.put(key, new YamlNode.Entry(key, in.readInt(), read(file, in, depth + 1)));
            }
            return new YamlNode.Mapping(entries, line);
        }
        if (tag == SEQUENCE) {
            int size = count(file, in);
            List<YamlNode> items = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                items.add(read(file, in, depth + 1));
            }
            return new YamlNode.Sequence(items, line);
        }
        YamlNode.ScalarKind[] kinds = YamlNode.ScalarKind.values();
        if (tag < 0 || tag >= kinds.length) {
            throw damaged(file);
        }
        return new YamlNode.Scalar(text(file, in), kinds[tag], line);
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String text(String file, DataInputStream in) throws IOException {
        byte[] utf8 = new byte[count(file, in)];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** A length that fits in what is left of the input (so a damaged one cannot ask for gigabytes). */
    private static int count(String file, DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw damaged(file);
        }
        return n;
    }

    private static SheetException damaged(String file) {
        return new SheetException(file, 0, "the packed form of this bundled sheet is damaged; rebuild medcounsel");
    }

    /**
     * Build step: packs every {@code .yaml} under the folder given (the bundled data as copied into
     * the classes folder). A file that is not valid YAML is left unpacked, so a run reports its
     * problem with file and line exactly as for any sheet.
     */
    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        int packed = 0;
        for (Path yaml : files) {
            String name = yaml.getFileName().toString();
            Path tree = yaml.resolveSibling(name.substring(0, name.length() - ".yaml".length()) + SUFFIX);
            Files.deleteIfExists(tree);
            try {
                Files.write(tree, pack(YamlReader.read(data.relativize(yaml).toString(), Files.readAllBytes(yaml))));
                packed++;
            } catch (SheetException e) {
                System.out.println("medcounsel: not packed (it will be read as YAML): " + e.getMessage());
            }
        }
        System.out.println("medcounsel: packed " + packed + " of " + files.size() + " bundled sheets");
    }
}
