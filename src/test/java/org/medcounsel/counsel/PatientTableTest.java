package org.medcounsel.counsel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medcounsel.Cli;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.Sheets.FactType;

/**
 * The bundled sheets against a table of patients whose verdicts were written by hand from the
 * labels (src/test/resources/org/medcounsel/screening/patients.yaml), not from the sheets or this
 * code. Each patient starts from a healthy adult who answers every question, so "clear" means
 * checked and nothing found.
 */
class PatientTableTest {
    static final Path TABLE = Path.of("src/test/resources/org/medcounsel/screening/patients.yaml");

    static final Map<String, Integer> EXIT = Map.of("clear", 0, "incomplete", 10, "caution", 11, "do-not-start", 12);

    /** The command line for one case: every yes-no fact "no", the baseline, the case's changes. */
    static List<String> args(JsonNode table, JsonNode c) {
        Map<String, JsonNode> facts = new LinkedHashMap<>();
        Formulary.withSites(List.of()).facts().byKey().values().stream()
                .filter(f -> f.type() == FactType.YES_NO)
                .forEach(f -> facts.put(f.key(), TextNode.valueOf("no")));
        table.get("baseline").fields().forEachRemaining(e -> facts.put(e.getKey(), e.getValue()));
        facts.put("use", table.get("uses").get(c.get("drug").asText()));
        c.path("facts").fields().forEachRemaining(e -> facts.put(e.getKey(), e.getValue()));
        c.path("omit").forEach(k -> facts.remove(k.asText()));
        List<String> args = new ArrayList<>(List.of("screen", c.get("drug").asText(), "--format", "json"));
        facts.forEach((key, value) -> {
            if (value.isArray()) {
                value.forEach(item -> args.addAll(List.of("-f", key + "=" + item.asText())));
            } else {
                String v = value.isBoolean() ? (value.asBoolean() ? "yes" : "no") : value.asText();
                args.addAll(List.of("-f", key + "=" + v));
            }
        });
        return args;
    }

    @Test
    void everyPatientGetsTheVerdictTheLabelsGive() throws IOException {
        JsonNode table = new YAMLMapper().readTree(TABLE.toFile());
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        for (JsonNode c : table.get("cases")) {
            cases++;
            Cli.Result r = new Cli().run(args(table, c).toArray(String[]::new));
            String expected = c.get("expect").asText();
            if (r.code() != EXIT.get(expected)) {
                String summary = r.out()
                        .lines()
                        .filter(l -> l.contains("\"summary\""))
                        .findFirst()
                        .orElse(r.err().strip());
                wrong.add(c.get("id").asText() + ": expected " + expected + ", got exit " + r.code() + " "
                        + summary.strip() + " (" + c.get("why").asText() + ")");
            }
        }
        assertTrue(cases >= 60, "at least 60 patients");
        assertEquals("", String.join("\n", wrong), wrong.size() + " of " + cases + " patients");
    }
}
