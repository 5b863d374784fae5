package org.medcounsel;

/** Small valid sheets for tests, each a few lines a test can change to make it wrong. */
public final class TestSheets {
    private TestSheets() {}

    /** A small facts vocabulary, so tests do not depend on the bundled questions. */
    public static final String FACTS = "facts:\n"
            + "  - {key: pregnant, type: yes-no, question: \"Are you pregnant?\"}\n"
            + "  - {key: smoker, type: yes-no, question: \"Do you smoke?\"}\n"
            + "  - {key: age, type: number, question: \"How old are you?\", unit: years, min: 0, max: 120}\n"
            + "  - {key: egfr, type: number, question: \"What is your eGFR?\", unit: mL/min/1.73m2, min: 0, max: 200,"
            + " stand-in: crcl}\n"
            + "  - {key: medicines, type: list, question: \"Which medicines do you take?\"}\n";

    public static String drug(String id, String brand, String drugClass) {
        return "id: " + id + "\n"
                + "name: " + id + "\n"
                + "brands: [" + brand + "]\n"
                + (drugClass == null ? "" : "class: " + drugClass + "\n")
                + "reviewed: 2026-10-01\n"
                + "sources:\n"
                + "  - id: label\n"
                + "    title: " + brand + " label\n"
                + "    url: https://example.org/" + id + "\n"
                + "summary: " + id + " is a test medicine. It calms the test.\n"
                + "uses:\n"
                + "  - condition: Test disease\n"
                + "    status: licensed\n"
                + "    source: label\n"
                + "how-to-take:\n"
                + "  - Take one a day with water.\n"
                + "missed-dose: Take the next dose at the usual time.\n"
                + "overdose: Call your doctor at once.\n"
                + "key-points:\n"
                + "  for: For the test disease.\n"
                + "  take: One tablet a day, with a drink of water.\n"
                + "  missed-dose: Skip it and go on as usual.\n"
                + "  watch: [A rash., A cough., A headache.]\n"
                + "  get-help: Call an ambulance at once if you faint.\n"
                + "side-effects:\n"
                + "  - seriousness: not-serious\n"
                + "    how-often: common\n"
                + "    effects: [Headache]\n"
                + "    what-to-do: Tell your doctor if it goes on.\n"
                + "urgent-help:\n"
                + "  - Fainting from " + id + ".\n"
                + "monitoring:\n"
                + "  - A blood test for " + id + ".\n"
                + "stopping:\n"
                + "  advice: [Do not stop " + id + " on your own.]\n"
                + "  after: [The illness may come back.]\n"
                + "screening:\n"
                + "  - fact: pregnant\n"
                + "    level: do-not-start\n"
                + "    advice: Do not start " + id + " in pregnancy.\n"
                + "    source: label\n"
                + "  - reminder: Check the blood count for " + id + ".\n";
    }

    public static String drugClass(String id) {
        return "id: " + id + "\n"
                + "name: Test blockers\n"
                + "reviewed: 2026-09-01\n"
                + "sources:\n"
                + "  - id: regulator\n"
                + "    title: Class warning\n"
                + "    url: https://example.org/class\n"
                + "summary: Test blockers calm the test system.\n"
                + "warnings:\n"
                + "  - Class warning about clots.\n"
                + "urgent-help:\n"
                + "  - Class sign of a stroke.\n"
                + "monitoring:\n"
                + "  - Class liver test.\n"
                + "screening:\n"
                + "  - fact: smoker\n"
                + "    level: caution\n"
                + "    advice: Class advice for smokers.\n"
                + "    source: regulator\n"
                + "  - reminder: Class TB test.\n";
    }
}
