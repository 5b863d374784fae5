package org.medcounsel.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The bundled sheets are shipped as packed trees (read at build time): a packed sheet must read
 * back exactly as its YAML does, lines included, and a damaged one must fail cleanly.
 */
class PackedTreeTest {
    static List<Path> bundledYaml() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("data"))) {
            return files.filter(p -> p.toString().endsWith(".yaml") && !p.startsWith(Path.of("data", "examples")))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyBundledSheetReadsBackAsItsYamlDoes() throws IOException {
        List<Path> files = bundledYaml();
        assertTrue(files.size() >= 8, "facts, a class and six drugs: " + files);
        for (Path file : files) {
            YamlNode parsed = YamlReader.read(file.toString(), Files.readAllBytes(file));
            assertEquals(parsed, PackedTree.unpack(file.toString(), PackedTree.pack(parsed)), file.toString());
        }
    }

    @Test
    void aProblemInAPackedSheetIsReportedOnTheYamlLine() {
        String yaml = "id: testamab\nname: Testamab\nreviewed: someday\n";
        YamlNode packed = PackedTree.unpack(
                "drugs/testamab.yaml", PackedTree.pack(YamlReader.read("drugs/testamab.yaml", yaml.getBytes())));
        SheetException e = assertThrows(
                SheetException.class,
                () -> SheetLoader.drug("drugs/testamab.yaml", packed, "testamab", SheetLoaderTest.REFS));
        assertTrue(
                e.problems().stream().anyMatch(p -> p.located().startsWith("drugs/testamab.yaml:3:")),
                e.problems().toString());
    }

    @Test
    void everyTruncationOfAPackedSheetIsAClearError() throws IOException {
        Path file = Path.of("data/drugs/baricitinib.yaml");
        byte[] packed = PackedTree.pack(YamlReader.read("data/drugs/baricitinib.yaml", Files.readAllBytes(file)));
        for (int length = 0; length < packed.length; length += 7) {
            byte[] cut = Arrays.copyOf(packed, length);
            SheetException e = assertThrows(
                    SheetException.class,
                    () -> PackedTree.unpack("data/drugs/baricitinib.yaml", cut),
                    "cut at " + length);
            assertEquals(
                    "data/drugs/baricitinib.yaml: the packed form of this bundled sheet is damaged; "
                            + "rebuild medcounsel",
                    e.getMessage());
        }
        byte[] longer = Arrays.copyOf(packed, packed.length + 1);
        assertThrows(SheetException.class, () -> PackedTree.unpack("x.yaml", longer), "trailing bytes");
    }

    @Property(tries = 300)
    void anyTreeReadsBack(@ForAll("trees") YamlNode tree) {
        assertEquals(tree, PackedTree.unpack("t.yaml", PackedTree.pack(tree)));
    }

    @Property(tries = 500)
    void anyBytesGiveATreeOrASheetException(@ForAll byte[] noise) {
        byte[] bytes = new byte[noise.length + 4];
        bytes[0] = 'M';
        bytes[1] = 'C';
        bytes[2] = 'T';
        bytes[3] = '1';
        System.arraycopy(noise, 0, bytes, 4, noise.length);
        try {
            PackedTree.unpack("t.yaml", bytes);
        } catch (SheetException expected) {
            assertTrue(expected.getMessage().startsWith("t.yaml: "), expected.getMessage());
        }
    }

    /** Trees up to five levels deep: scalars of every kind, lists and maps, any lines. */
    @Provide
    Arbitrary<YamlNode> trees() {
        return Arbitraries.recursive(this::scalar, inner -> Arbitraries.oneOf(sequence(inner), mapping(inner)), 0, 5);
    }

    Arbitrary<YamlNode> scalar() {
        // No lone surrogates: text decoded from UTF-8 never has one.
        Arbitrary<String> text =
                Arbitraries.strings().ofMaxLength(40).withCharRange(' ', '~').withChars("é語€\n\0");
        return Combinators.combine(text, Arbitraries.of(YamlNode.ScalarKind.class), lines())
                .as(YamlNode.Scalar::new);
    }

    Arbitrary<YamlNode> sequence(Arbitrary<YamlNode> items) {
        return Combinators.combine(items.list().ofMaxSize(4), lines()).as(YamlNode.Sequence::new);
    }

    Arbitrary<YamlNode> mapping(Arbitrary<YamlNode> values) {
        Arbitrary<Map<String, YamlNode.Entry>> entries = Arbitraries.maps(
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12), values)
                .ofMaxSize(4)
                .map(m -> {
                    Map<String, YamlNode.Entry> out = new LinkedHashMap<>();
                    m.forEach((k, v) -> out.put(k, new YamlNode.Entry(k, v.line(), v)));
                    return out;
                });
        return Combinators.combine(entries, lines()).as(YamlNode.Mapping::new);
    }

    Arbitrary<Integer> lines() {
        return Arbitraries.integers().between(0, 5000);
    }
}
