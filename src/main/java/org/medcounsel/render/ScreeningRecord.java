package org.medcounsel.render;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What makes a screening a record a pharmacy can file: who (a patient reference, never a name
 * unless given as one), when, by whom, where, with which tool, and which sheets, each with its
 * review date and a fingerprint of its content, so the exact guidance can be traced later. Empty
 * strings for what was not given.
 */
public record ScreeningRecord(
        String patient, String at, String pharmacist, String site, String tool, List<Sheet> sheets) {
    /** One sheet used: drug or class, its id, review date and SHA-256 of its content. */
    public record Sheet(String kind, String id, String reviewed, String sha256) {}

    /** A version for what the sheets say: the first 16 hex digits of a hash of their fingerprints. */
    public String version() {
        StringBuilder all = new StringBuilder();
        sheets.forEach(s -> all.append(s.sha256()));
        return Fhir.sha256(all.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    /** The record as JSON: null for what was not given. */
    Map<String, Object> tree() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("patient", patient.isEmpty() ? null : patient);
        m.put("at", at);
        m.put("pharmacist", pharmacist.isEmpty() ? null : pharmacist);
        m.put("site", site.isEmpty() ? null : site);
        m.put("tool", tool);
        m.put(
                "sheets",
                sheets.stream()
                        .map(s -> JsonOut.object(
                                "kind", s.kind(), "id", s.id(), "reviewed", s.reviewed(), "sha256", s.sha256()))
                        .toList());
        return m;
    }
}
