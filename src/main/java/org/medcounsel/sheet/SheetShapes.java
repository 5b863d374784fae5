package org.medcounsel.sheet;

import static org.medcounsel.sheet.Shape.DATE;
import static org.medcounsel.sheet.Shape.ID;
import static org.medcounsel.sheet.Shape.NUMBER;
import static org.medcounsel.sheet.Shape.PROSE;
import static org.medcounsel.sheet.Shape.TEXT;
import static org.medcounsel.sheet.Shape.URL;
import static org.medcounsel.sheet.Shape.choice;
import static org.medcounsel.sheet.Shape.listOf;
import static org.medcounsel.sheet.Shape.nonEmptyListOf;
import static org.medcounsel.sheet.Shape.object;

/** The shapes of every data file: the single statement of what a valid sheet is. */
public final class SheetShapes {
    private SheetShapes() {}

    public static final Shape SOURCE = new Shape("source", "A label or regulator document the sheet is based on.")
            .required("id", ID, "Short key that uses and screening rules refer to.")
            .required("title", TEXT, "Title of the document.")
            .required("url", URL, "Where to read it.");

    public static final Shape USE = new Shape("use", "A condition the medicine is used for.")
            .required("condition", PROSE, "The condition, in plain words.")
            .required("status", choice("licensed", "off-label", "under-study"), "How the use is backed.")
            .optional("detail", PROSE, "Who it is for and where it is licensed.")
            .optional("source", ID, "Id of the source that backs the use (required when licensed).");

    public static final Shape TOPIC = new Shape("topic", "A short headed note, such as Pregnancy.")
            .required("topic", PROSE, "The heading.")
            .required("text", PROSE, "What the patient needs to know.");

    public static final Shape SIDE_EFFECTS = new Shape("side-effect group",
            "Side effects that share a seriousness and a frequency.")
            .required("seriousness", choice("serious", "not-serious"), "How serious they are.")
            .required("how-often", choice("very-common", "common", "uncommon", "rare", "not-known"),
                    "How often they happen (EU leaflet scale).")
            .required("effects", nonEmptyListOf(PROSE), "The side effects.")
            .required("what-to-do", PROSE, "What the patient should do.");

    public static final Shape STOPPING = new Shape("stopping", "Stopping and pausing the medicine.")
            .required("advice", nonEmptyListOf(PROSE), "Why not to stop alone and how stopping is done.")
            .optional("pausing", listOf(PROSE), "When the prescriber may pause it (surgery, infection).")
            .required("after", nonEmptyListOf(PROSE), "What can happen after stopping and what to watch.");

    public static final Shape RULE = new Shape("screening rule",
            "A question about a patient fact (fact, level, advice, source) or a reminder.")
            .optional("fact", ID, "Key of a fact in facts.yaml.")
            .optional("level", choice("caution", "do-not-start"), "How much a match matters.")
            .optional("advice", PROSE, "What to do when the rule matches.")
            .optional("at-least", NUMBER, "Matches numbers greater than or equal to this.")
            .optional("at-most", NUMBER, "Matches numbers less than or equal to this.")
            .optional("below", NUMBER, "Matches numbers less than this.")
            .optional("above", NUMBER, "Matches numbers greater than this.")
            .optional("includes", nonEmptyListOf(ID), "Matches a list fact holding any of these.")
            .optional("reminder", PROSE, "Something to do for every patient.")
            .optional("source", ID, "Id of the source the rule comes from.");

    public static final Shape DRUG = new Shape("drug sheet", "A medicine's counselling sheet.")
            .required("id", ID, "Lower-case generic name; the file name without .yaml.")
            .required("name", TEXT, "Generic name as shown to people.")
            .required("brands", listOf(TEXT), "Brand names.")
            .optional("class", ID, "Id of the drug-class sheet in classes/.")
            .required("reviewed", DATE, "When a pharmacist last checked the sheet.")
            .required("sources", nonEmptyListOf(object(SOURCE)), "Where the facts come from.")
            .required("summary", PROSE, "What the medicine is and how it works.")
            .required("uses", nonEmptyListOf(object(USE)), "What it is used for.")
            .required("how-to-take", nonEmptyListOf(PROSE), "Dose, timing, food, swallowing.")
            .required("missed-dose", PROSE, "What to do about a missed dose.")
            .required("overdose", PROSE, "What to do after taking too much.")
            .optional("starts-working", PROSE, "When it starts to help.")
            .optional("before-you-take", listOf(object(TOPIC)), "Pregnancy, alcohol, vaccines and more.")
            .optional("storage", PROSE, "How to store it.")
            .optional("warnings", listOf(PROSE), "The most important safety warnings.")
            .required("side-effects", nonEmptyListOf(object(SIDE_EFFECTS)), "Side effects by seriousness.")
            .optional("urgent-help", listOf(PROSE), "Signs that need help at once.")
            .optional("monitoring", listOf(PROSE), "Tests and checks.")
            .optional("staying-safe", listOf(PROSE), "Everyday tips.")
            .required("stopping", object(STOPPING), "Stopping, pausing and what happens after.")
            .optional("screening", listOf(object(RULE)), "Questions and reminders before starting.");

    public static final Shape CLASS = new Shape("class sheet", "What every drug of a class shares.")
            .required("id", ID, "Lower-case id; the file name without .yaml.")
            .required("name", TEXT, "Name of the class as shown to people.")
            .required("reviewed", DATE, "When a pharmacist last checked the sheet.")
            .required("sources", nonEmptyListOf(object(SOURCE)), "Where the facts come from.")
            .required("summary", PROSE, "What the class is and how it works.")
            .optional("warnings", listOf(PROSE), "Safety warnings for the whole class.")
            .optional("urgent-help", listOf(PROSE), "Signs that need help at once.")
            .optional("monitoring", listOf(PROSE), "Tests and checks.")
            .optional("staying-safe", listOf(PROSE), "Everyday tips.")
            .optional("screening", listOf(object(RULE)), "Questions and reminders before starting.");

    public static final Shape FACT = new Shape("fact", "A patient fact screening rules can ask about.")
            .required("key", ID, "The key used in rules, patient files and -f KEY=VALUE.")
            .required("type", choice("yes-no", "number", "list"), "What kind of answer it takes.")
            .required("question", PROSE, "The question, asked of the patient.")
            .optional("unit", TEXT, "Unit of a number.")
            .optional("min", NUMBER, "Smallest valid number.")
            .optional("max", NUMBER, "Largest valid number.");

    public static final Shape SITE = new Shape("site file", "The pharmacy printed on every leaflet.")
            .required("name", TEXT, "The pharmacy's name.")
            .optional("address", TEXT, "Its address, on one line.")
            .optional("phone", TEXT, "Its phone number.");

    public static final Shape FACTS = new Shape("facts file", "The vocabulary of patient facts.")
            .required("facts", nonEmptyListOf(object(FACT)), "The facts.");
}
