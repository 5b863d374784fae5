package org.medcounsel.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medcounsel.TestSheets;
import org.medcounsel.sheet.JsonSchema.Published;

/** The published JSON Schemas and the loader agree: same file, same verdicts. */
class JsonSchemaTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static com.networknt.schema.JsonSchema schema(Published p) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(JsonSchema.of(p));
    }

    static boolean schemaAccepts(Published p, String yaml) throws Exception {
        JsonNode node = YAML.readTree(yaml);
        return schema(p).validate(node).isEmpty();
    }

    @Test
    void theCommittedSchemasAreWhatTheLoaderGenerates() throws Exception {
        for (Published p : Published.values()) {
            String committed = Files.readString(Path.of("data/schema", p.file));
            assertEquals(
                    JsonSchema.of(p),
                    committed,
                    p.file
                            + " is out of date: run bin/medcounsel check --schema "
                            + p.name().toLowerCase()
                            + " > data/schema/" + p.file);
        }
    }

    @Test
    void everyShippedSheetPointsEditorsAtItsSchemaAndPassesIt() throws Exception {
        for (String kind : List.of("drugs", "classes")) {
            Published p = kind.equals("drugs") ? Published.DRUG : Published.CLASS;
            try (Stream<Path> files = Files.list(Path.of("data", kind))) {
                for (Path f : files.toList()) {
                    if (f.getFileName().toString().split("\\.").length > 2) continue; // a translation
                    String yaml = Files.readString(f);
                    assertTrue(
                            yaml.startsWith("# yaml-language-server: $schema=../schema/" + p.file + "\n"), f::toString);
                    assertTrue(schemaAccepts(p, yaml), f + ": " + schema(p).validate(YAML.readTree(yaml)));
                }
            }
        }
        assertTrue(schemaAccepts(Published.FACTS, Files.readString(Path.of("data/facts.yaml"))));
    }

    static final Facts FACTS = new Facts(Map.of());
    static final References REFS = References.of(
            new Facts(Map.of(
                    "pregnant", new Sheets.Fact("pregnant", Sheets.FactType.YES_NO, "q", "", 0, 0, List.of(), ""))),
            Set.of("test-blocker"));

    /** Edits that break the shape: both the loader and the schema must refuse each. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "summary:=>sumary:",
                "brands: [Testix]=>brands: Testix",
                "reviewed: 2026-10-01=>reviewed: soon",
                "status: licensed=>status: approved",
                "how-often: common=>how-often: often",
                "missed-dose: Take the next dose at the usual time.\n=>",
                "url: https://example.org/testamab=>url: example.org",
                "id: testamab=>id: Testamab",
                "effects: [Headache]=>effects: []",
                "seriousness: not-serious=>seriousness: 3",
                "  after: [The illness may come back.]\n=>",
            })
    void theLoaderAndTheSchemaRefuseTheSameBrokenSheets(String edit) throws Exception {
        String[] parts = edit.split("=>", -1);
        String valid = TestSheets.drug("testamab", "Testix", "test-blocker");
        String broken = valid.replace(parts[0].replace("\\n", "\n"), parts[1]);
        assertFalse(broken.equals(valid), "the edit applies");
        assertTrue(schemaAccepts(Published.DRUG, valid));
        SheetLoader.drug("t", YamlReader.read("t", valid.getBytes(StandardCharsets.UTF_8)), "testamab", REFS);
        assertFalse(schemaAccepts(Published.DRUG, broken), "schema accepts: " + edit);
        assertThrows(
                SheetException.class,
                () -> SheetLoader.drug(
                        "t", YamlReader.read("t", broken.getBytes(StandardCharsets.UTF_8)), "testamab", REFS),
                edit);
    }
}
