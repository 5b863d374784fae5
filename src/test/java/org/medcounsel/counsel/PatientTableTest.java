package org.medcounsel.counsel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medcounsel.Cli;
import org.medcounsel.cli.Environment;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.Sheets.FactType;

/**
 * The bundled sheets against a table of patients whose verdicts were written by hand from the
 * labels (src/test/resources/org/medcounsel/screening/patients.yaml), not from the sheets or this
 * code. Each patient starts from a healthy adult who answers every question, so "clear" means
 * checked and nothing found.
 */
@Tag("slow") // left out of the quick loop: mvn test -DexcludedGroups=slow
class PatientTableTest {
    static final Path TABLE = Path.of("src/test/resources/org/medcounsel/screening/patients.yaml");

    static final Map<String, Integer> EXIT = Map.of("clear", 0, "incomplete", 10, "caution", 11, "do-not-start", 12);

    /** The table, read once for all the cases. */
    static final JsonNode PATIENTS = read();

    /**
     * The bundled sheets, opened once for every case, as the shell keeps them between commands
     * (each case still runs the whole screen command).
     */
    static final Formulary BUNDLED = Formulary.withSites(List.of());

    static final Environment.Formularies KEPT =
            (sites, cacheDir) -> sites.isEmpty() ? BUNDLED : Formulary.withSites(sites, cacheDir);

    /** Every yes-no fact the bundled sheets ask, each answered "no". */
    static final List<String> YES_NO = BUNDLED.facts().byKey().values().stream()
            .filter(f -> f.type() == FactType.YES_NO)
            .map(f -> f.key())
            .toList();

    static JsonNode read() {
        try {
            return new YAMLMapper().readTree(TABLE.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command line for one case: every yes-no fact "no", the baseline, the case's changes. */
    static List<String> args(JsonNode table, JsonNode c) {
        Map<String, JsonNode> facts = new LinkedHashMap<>();
        YES_NO.forEach(key -> facts.put(key, TextNode.valueOf("no")));
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

    /** One case a patient: its id, drug and expected verdict name it in the report. */
    static Stream<Arguments> patients() {
        List<Arguments> all = new ArrayList<>();
        PATIENTS.get("cases")
                .forEach(c -> all.add(Arguments.of(Named.of(
                        c.get("id").asText() + " (" + c.get("drug").asText() + ": "
                                + c.get("expect").asText() + ")",
                        c))));
        return all.stream();
    }

    @Test
    void theTableHasAtLeast60Patients() {
        assertTrue(PATIENTS.get("cases").size() >= 60, "at least 60 patients");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patients")
    void getsTheVerdictTheLabelsGive(JsonNode c) {
        Cli.Result r = new Cli().formularies(KEPT).run(args(PATIENTS, c).toArray(String[]::new));
        String expected = c.get("expect").asText();
        String summary = r.out()
                .lines()
                .filter(l -> l.contains("\"summary\""))
                .findFirst()
                .orElse(r.err().strip());
        assertEquals(
                EXIT.get(expected),
                r.code(),
                () -> "expected " + expected + ", got exit " + r.code() + " " + summary.strip() + " ("
                        + c.get("why").asText() + ")");
    }
}
