package org.medcounsel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.medcounsel.counsel.Patient;
import org.medcounsel.counsel.Screening;
import org.medcounsel.counsel.Screening.Verdict;
import org.medcounsel.sheet.Facts;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.Sheets;

/**
 * For every bundled drug and every medicine that alone rules it out, an entry that names that
 * medicine among others (any separator, any order, strengths and forms added) still rules it out,
 * typed after {@code -f}, written in a YAML patient file or sent in a FHIR response: a second
 * medicine in an entry is never dropped.
 */
class MedicineEntryProperties {
    static final Formulary BUNDLED = Formulary.withSites(List.of());

    /** The healthy adult of the patient table: every other question answered, nothing to flag. */
    static final Map<String, String> BASELINE = new LinkedHashMap<>();

    static final Map<String, String> USES = new LinkedHashMap<>();

    /** Each drug with the medicines that alone give it do-not-start for that adult. */
    static final List<Tuple.Tuple2<String, String>> RULED_OUT = new ArrayList<>();

    static final List<String> OTHERS =
            List.of("paracetamol", "omeprazole", "metformin", "Humira", "atorvastatin", "zzqunknownxq", "amlodipine");

    static final List<String> SEPARATORS = List.of(", ", "; ", "/", " + ", " and ", " & ", "\n", " ", ",", " plus ");

    static final List<String> QUALIFIERS = List.of("", " 200 mg", " 50mg tablets", " 5 mg once a day", " capsules");

    static {
        try {
            JsonNode table = new ObjectMapper(new YAMLFactory())
                    .readTree(MedicineEntryProperties.class.getResourceAsStream(
                            "/org/medcounsel/screening/patients.yaml"));
            table.get("baseline").fields().forEachRemaining(e -> {
                if (!e.getKey().equals(Facts.MEDICINES))
                    BASELINE.put(e.getKey(), e.getValue().asText());
            });
            table.get("uses")
                    .fields()
                    .forEachRemaining(e -> USES.put(e.getKey(), e.getValue().asText()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (String drug : BUNDLED.drugIds()) {
            for (String medicine : BUNDLED.medicines().ids()) {
                if (screen(drug, List.of(medicine)).verdict() == Verdict.DO_NOT_START) {
                    RULED_OUT.add(Tuple.of(drug, medicine));
                }
            }
        }
    }

    static Patient baseline(String drug) {
        Patient p = new Patient(BUNDLED.facts());
        BASELINE.forEach((k, v) -> {
            if (!k.equals(Facts.USE)) p.set(k, v);
        });
        for (String fact : BUNDLED.facts().byKey().keySet()) {
            if (BUNDLED.facts().get(fact).orElseThrow().type() == Sheets.FactType.YES_NO) {
                p.set(fact, "no");
            }
        }
        p.set(Facts.USE, USES.get(drug));
        return p;
    }

    static Screening screen(String drug, List<String> medicines) {
        Patient p = baseline(drug);
        medicines.forEach(m -> p.set(Facts.MEDICINES, m));
        return Screening.of(BUNDLED.drug(drug), BUNDLED.facts(), BUNDLED.medicines(), p);
    }

    static Screening screen(String drug, Patient p) {
        return Screening.of(BUNDLED.drug(drug), BUNDLED.facts(), BUNDLED.medicines(), p);
    }

    @Provide
    Arbitrary<Tuple.Tuple2<String, String>> ruledOut() {
        return Arbitraries.of(RULED_OUT);
    }

    /** The ruled-out medicine among up to three others, shuffled, with strengths and forms added. */
    @Provide
    Arbitrary<List<String>> names() {
        return Combinators.combine(
                        Arbitraries.of(OTHERS).list().ofMaxSize(3),
                        Arbitraries.of(QUALIFIERS).list().ofSize(4),
                        Arbitraries.randoms())
                .as((others, qualifiers, random) -> {
                    List<String> names = new ArrayList<>();
                    names.add(null); // where the ruled-out medicine goes
                    names.addAll(others);
                    Collections.shuffle(names, random);
                    List<String> qualified = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        qualified.add(names.get(i) == null ? null : names.get(i) + qualifiers.get(i));
                    }
                    return qualified;
                });
    }

    static String entry(List<String> names, String medicine, String separator) {
        List<String> all = new ArrayList<>();
        names.forEach(n -> all.add(n == null ? medicine : n));
        return String.join(separator, all);
    }

    @Property(tries = 400)
    boolean typedAfterF(
            @ForAll("ruledOut") Tuple.Tuple2<String, String> drugAndMedicine,
            @ForAll("names") List<String> names,
            @ForAll("separator") String separator) {
        String entry = entry(names, drugAndMedicine.get2(), separator);
        Screening s = screen(drugAndMedicine.get1(), List.of(entry));
        return s.verdict() == Verdict.DO_NOT_START;
    }

    @Property(tries = 200)
    boolean writtenInAPatientFile(
            @ForAll("ruledOut") Tuple.Tuple2<String, String> drugAndMedicine,
            @ForAll("names") List<String> names,
            @ForAll("separator") String separator) {
        String entry = entry(names, drugAndMedicine.get2(), separator);
        StringBuilder yaml = new StringBuilder();
        BASELINE.forEach((k, v) -> yaml.append(k).append(": ").append(v).append('\n'));
        yaml.append("use: ").append(USES.get(drugAndMedicine.get1())).append('\n');
        // A block scalar keeps new lines and every separator as typed.
        yaml.append("medicines: |\n");
        entry.lines()
                .forEach(l -> yaml.append("  ").append(l.isBlank() ? "-" : l).append('\n'));
        Patient p = new Patient(BUNDLED.facts());
        noToEveryYesNo(p);
        p.readFile("patient.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8));
        return screen(drugAndMedicine.get1(), p).verdict() == Verdict.DO_NOT_START;
    }

    @Property(tries = 200)
    boolean sentAsAFhirString(
            @ForAll("ruledOut") Tuple.Tuple2<String, String> drugAndMedicine,
            @ForAll("names") List<String> names,
            @ForAll("separator") String separator)
            throws Exception {
        String entry = entry(names, drugAndMedicine.get2(), separator);
        String url = Facts.questionnaire(drugAndMedicine.get1()) + "|v1";
        Map<String, Object> item = Map.of("linkId", Facts.MEDICINES, "answer", List.of(Map.of("valueString", entry)));
        Map<String, Object> response = Map.of(
                "resourceType",
                "QuestionnaireResponse",
                "status",
                "completed",
                "questionnaire",
                url,
                "item",
                List.of(item));
        Patient p = baseline(drugAndMedicine.get1());
        FhirResponse.read("response.json", new ObjectMapper().writeValueAsBytes(response), p, Set.of(url));
        return screen(drugAndMedicine.get1(), p).verdict() == Verdict.DO_NOT_START;
    }

    private static void noToEveryYesNo(Patient p) {
        for (var f : BUNDLED.facts().byKey().values()) {
            if (f.type() == Sheets.FactType.YES_NO) p.set(f.key(), "no");
        }
    }

    @Provide
    Arbitrary<String> separator() {
        return Arbitraries.of(SEPARATORS);
    }

    @Property(tries = 1)
    boolean everyDrugWithAContraindicatedMedicineIsCovered() {
        // Deuruxolitinib (fluconazole) and selumetinib or mirdametinib need none; at least one drug must.
        return RULED_OUT.stream()
                .anyMatch(t -> t.get1().equals("deuruxolitinib") && t.get2().equals("fluconazole"));
    }
}
