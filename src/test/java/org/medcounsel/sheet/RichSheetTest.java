package org.medcounsel.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.medcounsel.Cli;

/**
 * The rich synthetic sheet uses every field the sheet model declares, and every field it uses
 * reaches the user: change any one value and some output changes. A field added to the model and
 * never bound or never shown fails here.
 */
class RichSheetTest {
    static final Path RICH = Path.of("src/test/resources/org/medcounsel/rich");
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final YAMLMapper YAML = new YAMLMapper();

    /** Every command the sheet's values can reach the user through. */
    static final List<List<String>> COMMANDS = List.of(
            List.of("info", "richamab", "--data", "rich", "--format", "json"),
            List.of("brief", "richamab", "--data", "rich", "--format", "json"),
            List.of("risks", "richamab", "--data", "rich", "--format", "json"),
            List.of("stop", "richamab", "--data", "rich", "--format", "json"),
            List.of(
                    "screen",
                    "richamab",
                    "--data",
                    "rich",
                    "--format",
                    "json",
                    "-f",
                    "pregnant=yes",
                    "-f",
                    "smoker=yes",
                    "-f",
                    "age=95",
                    "-f",
                    "egfr=20",
                    "-f",
                    "medicines=warfarin",
                    "-f",
                    "liver-impairment=severe",
                    "-f",
                    "use=poor-disease"),
            List.of("screen", "richamab", "--data", "rich"),
            List.of("compare", "richamab", "olumiant", "--data", "rich", "--format", "json"),
            // Last: it reads every bundled sheet, and few values show only there.
            List.of("list", "--data", "rich"));

    static Cli cli(JsonNode drug, JsonNode drugClass) {
        Cli cli = new Cli();
        cli.write("rich/facts.yaml", read("facts.yaml"));
        cli.write("rich/drugs/richamab.yaml", yaml(drug));
        cli.write("rich/classes/rich-blocker.yaml", yaml(drugClass));
        return cli;
    }

    static String read(String file) {
        try {
            return Files.readString(RICH.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String file) {
        try {
            return YAML.readTree(read(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String yaml(JsonNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every field path ("uses.detail") the shape declares, nested ones included. */
    static TreeSet<String> declared(Shape shape, String path) {
        TreeSet<String> all = new TreeSet<>();
        for (Shape.Field<?> f : shape.fields()) {
            String p = path.isEmpty() ? f.name() : path + "." + f.name();
            all.add(p);
            Shape.Type<?> type = f.type();
            if (type instanceof Shape.ListOf<?> list) type = list.item();
            if (type instanceof Shape.Obj<?> obj) all.addAll(declared(obj.shape(), p));
        }
        return all;
    }

    /** Every field path the YAML tree gives. */
    static TreeSet<String> given(JsonNode node, String path) {
        TreeSet<String> all = new TreeSet<>();
        if (node instanceof ArrayNode array) {
            array.forEach(item -> all.addAll(given(item, path)));
        } else if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> {
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                all.add(p);
                all.addAll(given(e.getValue(), p));
            });
        }
        return all;
    }

    @Test
    void theRichSheetsUseEveryDeclaredField() {
        assertEquals(declared(SheetShapes.DRUG, ""), given(tree("drugs/richamab.yaml"), ""));
        // The rules' own fields are the drug sheet's to show; the class gives each top-level field.
        TreeSet<String> classFields = declared(SheetShapes.CLASS, "");
        TreeSet<String> classGives = given(tree("classes/rich-blocker.yaml"), "");
        classFields.removeIf(f -> f.startsWith("screening."));
        classGives.removeIf(f -> f.startsWith("screening."));
        assertEquals(classFields, classGives);
    }

    /**
     * One change to a copy of a tree: a path for messages, whether the value changed is an id or
     * a reference to one (it then names nothing), and what to do to the copy.
     */
    record Change(String where, boolean ofId, Consumer<JsonNode> apply) {}

    /** Whether {@link #changed} makes the value another id (rather than other text or a choice). */
    static boolean ofId(String key, JsonNode value) {
        return changed(key, value).asText().endsWith("-zq");
    }

    /** A change to every scalar of the tree: text gets a marker, numbers and dates move, choices flip. */
    static List<Change> changes(JsonNode node, String where, List<Integer> route) {
        List<Change> out = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                JsonNode value = object.get(key);
                if (value.isValueNode()) {
                    out.add(new Change(where + "." + key, ofId(key, value), copy -> {
                        ObjectNode target = (ObjectNode) at(copy, route);
                        target.set(key, changed(key, target.get(key)));
                    }));
                } else {
                    List<Integer> next = new ArrayList<>(route);
                    next.add(-1 - keys.indexOf(key));
                    out.addAll(changes(value, where + "." + key, next));
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                if (array.get(i).isValueNode()) {
                    out.add(new Change(where + "[" + i + "]", ofId("", array.get(i)), copy -> {
                        ArrayNode target = (ArrayNode) at(copy, route);
                        target.set(index, changed("", target.get(index)));
                    }));
                } else {
                    List<Integer> next = new ArrayList<>(route);
                    next.add(i);
                    out.addAll(changes(array.get(i), where + "[" + i + "]", next));
                }
            }
        }
        return out;
    }

    /** Follows a route of list indexes (0 and up) and object keys (-1 - key index). */
    static JsonNode at(JsonNode root, List<Integer> route) {
        JsonNode node = root;
        for (int step : route) {
            if (step >= 0) {
                node = node.get(step);
            } else {
                List<String> keys = new ArrayList<>();
                node.fieldNames().forEachRemaining(keys::add);
                node = node.get(keys.get(-1 - step));
            }
        }
        return node;
    }

    static JsonNode changed(String key, JsonNode value) {
        if (value.isNumber()) return DoubleNode.valueOf(value.asDouble() + 7);
        String text = value.asText();
        switch (key) {
            case "seriousness":
                return TextNode.valueOf(text.equals("serious") ? "not-serious" : "serious");
            case "how-often":
                return TextNode.valueOf(text.equals("rare") ? "common" : "rare");
            case "status":
                return TextNode.valueOf(text.equals("licensed") ? "under-study" : "licensed");
            case "level":
                return TextNode.valueOf(text.equals("caution") ? "do-not-start" : "caution");
            case "reviewed":
                return TextNode.valueOf("2026-08-15");
            case "url":
                return TextNode.valueOf(text + "/changed");
            default:
                // Ids and references must stay ids: a changed one either shows or is refused.
                return TextNode.valueOf(text.matches("[a-z0-9-]+") ? text + "-zq" : text + " Zq");
        }
    }

    /** How a changed value reached the user. */
    enum Reached {
        /** A command printed something else and succeeded as before: the value is shown. */
        SHOWN,
        /** A command's exit code changed and it said why: the tool refused the sheet. */
        REFUSED,
        /** No command's output changed. */
        NOWHERE
    }

    /** Runs the commands on the changed sheets, in order, until one notices the change. */
    static Reached reached(Cli cli, List<Cli.Result> before) {
        for (int i = 0; i < COMMANDS.size(); i++) {
            Cli.Result after = cli.run(COMMANDS.get(i).toArray(String[]::new));
            if (after.code() != before.get(i).code()) {
                assertTrue(after.err().startsWith("medcounsel: "), () -> "refused without a word why: " + after);
                return Reached.REFUSED;
            }
            if (!after.out().equals(before.get(i).out())) return Reached.SHOWN;
        }
        return Reached.NOWHERE;
    }

    /** The field paths of a tree that hold values ("uses.detail", "brands"). */
    static TreeSet<String> leaves(JsonNode tree) {
        TreeSet<String> all = given(tree, "");
        all.removeIf(p -> all.stream().anyMatch(q -> q.startsWith(p + ".")));
        return all;
    }

    @Test
    @Tag("slow") // left out of the quick loop: mvn test -DexcludedGroups=slow
    void everyValueInTheRichSheetsReachesTheUser() {
        JsonNode drug = tree("drugs/richamab.yaml");
        JsonNode drugClass = tree("classes/rich-blocker.yaml");
        Cli unchanged = cli(drug, drugClass);
        List<Cli.Result> before = COMMANDS.stream()
                .map(c -> unchanged.run(c.toArray(String[]::new)))
                .toList();
        Map<Reached, List<String>> by = new EnumMap<>(Reached.class);
        for (Reached r : Reached.values()) by.put(r, new ArrayList<>());
        for (boolean ofClass : new boolean[] {false, true}) {
            JsonNode original = ofClass ? drugClass : drug;
            String name = ofClass ? "class" : "drug";
            List<Change> changes = changes(original, name, List.of());
            // Every field the sheet gives a value is changed somewhere.
            TreeSet<String> changed = new TreeSet<>();
            for (Change change : changes) {
                changed.add(change.where().replaceAll("\\[\\d+]", "").substring(name.length() + 1));
            }
            assertEquals(leaves(original), changed, name + ": the fields changed");
            for (Change change : changes) {
                JsonNode copy = original.deepCopy();
                change.apply().accept(copy);
                Reached reached = reached(ofClass ? cli(drug, copy) : cli(copy, drugClass), before);
                by.get(reached).add(change.where() + (change.ofId() ? " (an id)" : ""));
            }
        }
        assertEquals(List.of(), by.get(Reached.NOWHERE), "values whose change shows nowhere");
        // Only an id or a reference to one may be refused when changed (it names nothing any
        // more); a text, number, date or choice that changes must be shown.
        assertEquals(
                List.of(),
                by.get(Reached.REFUSED).stream()
                        .filter(r -> !r.endsWith(" (an id)"))
                        .toList(),
                "values refused, not shown, when changed");
        assertTrue(by.get(Reached.SHOWN).size() > by.get(Reached.REFUSED).size(), by::toString);
    }

    /** The whole leaflet, pinned: every section, the order of side effects, storage, sources. */
    @Test
    void theRichLeafletIsPinned() throws IOException {
        Cli cli = cli(tree("drugs/richamab.yaml"), tree("classes/rich-blocker.yaml"));
        Cli.Result r = cli.run(
                "leaflet", "richamab", "--data", "rich", "--out", "out", "--format", "text", "--width", "100", "-q");
        assertEquals(0, r.code(), r::toString);
        String leaflet = Files.readString(cli.fs.getPath("out/richamab.txt"));
        Path golden = GOLDEN.resolve("richamab.leaflet.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, leaflet, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), leaflet);
        // What the golden file holds, in words: serious groups first, most frequent first.
        List<String> order = List.of(
                "Very common infection",
                "Common pneumonia",
                "Uncommon clot",
                "Rare fit",
                "Unknown swelling",
                "Very common cold",
                "Common headache",
                "Uncommon rash",
                "Rare itch",
                "Unknown hair loss");
        for (int i = 1; i < order.size(); i++) {
            assertTrue(
                    leaflet.indexOf(order.get(i - 1)) < leaflet.indexOf(order.get(i)),
                    order.get(i - 1) + " before " + order.get(i));
        }
        assertTrue(leaflet.contains("Keep it below 30 degrees"), "storage is shown");
        // A source cited by both drug and class is listed once.
        assertEquals(1, leaflet.split("Shared regulator review", -1).length - 1, leaflet);
    }

    @Test
    void theRichScreeningIsPinned() throws IOException {
        Cli cli = cli(tree("drugs/richamab.yaml"), tree("classes/rich-blocker.yaml"));
        Cli.Result r = cli.run(
                "screen",
                "richamab",
                "--data",
                "rich",
                "--width",
                "100",
                "-f",
                "age=70",
                "-f",
                "smoker=no",
                "-f",
                "medicines=Warfarin");
        assertNotEquals(0, r.code(), r::toString);
        Path golden = GOLDEN.resolve("richamab.screen.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, r.out(), StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), r.out());
    }
}
