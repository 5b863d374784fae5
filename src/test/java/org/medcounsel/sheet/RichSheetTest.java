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
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
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

    /** Every command output the sheet can reach, one after another. */
    static String everything(Cli cli) {
        StringBuilder all = new StringBuilder();
        for (String command : List.of("info", "brief", "risks", "stop")) {
            all.append(cli.run(command, "richamab", "--data", "rich", "--format", "json")
                    .out());
        }
        all.append(cli.run(
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
                        "use=poor-disease")
                .out());
        all.append(cli.run("screen", "richamab", "--data", "rich").out());
        all.append(cli.run("list", "--data", "rich").out());
        all.append(cli.run("compare", "richamab", "olumiant", "--data", "rich", "--format", "json")
                .out());
        return all.toString();
    }

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

    /** One change to a copy of a tree: a path for messages and what to do to the copy. */
    record Change(String where, Consumer<JsonNode> apply) {}

    /** A change to every scalar of the tree: text gets a marker, numbers and dates move, choices flip. */
    static List<Change> changes(JsonNode node, String where, List<Integer> route) {
        List<Change> out = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                JsonNode value = object.get(key);
                if (value.isValueNode()) {
                    out.add(new Change(where + "." + key, copy -> {
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
                    out.add(new Change(where + "[" + i + "]", copy -> {
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

    @Test
    void everyValueInTheRichSheetsReachesTheUser() {
        JsonNode drug = tree("drugs/richamab.yaml");
        JsonNode drugClass = tree("classes/rich-blocker.yaml");
        String before = everything(cli(drug, drugClass));
        List<String> unseen = new ArrayList<>();
        for (boolean ofClass : new boolean[] {false, true}) {
            JsonNode original = ofClass ? drugClass : drug;
            for (Change change : changes(original, ofClass ? "class" : "drug", List.of())) {
                JsonNode copy = original.deepCopy();
                change.apply().accept(copy);
                String after = everything(ofClass ? cli(drug, copy) : cli(copy, drugClass));
                if (after.equals(before)) unseen.add(change.where());
            }
        }
        assertEquals(List.of(), unseen, "values whose change shows nowhere");
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
