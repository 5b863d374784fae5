package org.medcounsel.sheet;

import static org.medcounsel.sheet.Shape.DATE;
import static org.medcounsel.sheet.Shape.ID;
import static org.medcounsel.sheet.Shape.NUMBER;
import static org.medcounsel.sheet.Shape.PROSE;
import static org.medcounsel.sheet.Shape.TEXT;
import static org.medcounsel.sheet.Shape.URL;
import static org.medcounsel.sheet.Shape.choice;
import static org.medcounsel.sheet.Shape.listOf;
import static org.medcounsel.sheet.Shape.listOfExactly;
import static org.medcounsel.sheet.Shape.nonEmptyListOf;
import static org.medcounsel.sheet.Shape.object;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.medcounsel.sheet.Shape.Bound;
import org.medcounsel.sheet.Shape.Field;
import org.medcounsel.sheet.Sheets.FactType;
import org.medcounsel.sheet.Sheets.Frequency;
import org.medcounsel.sheet.Sheets.KeyPoints;
import org.medcounsel.sheet.Sheets.Level;
import org.medcounsel.sheet.Sheets.Seriousness;
import org.medcounsel.sheet.Sheets.SideEffects;
import org.medcounsel.sheet.Sheets.Source;
import org.medcounsel.sheet.Sheets.Stopping;
import org.medcounsel.sheet.Sheets.Topic;
import org.medcounsel.sheet.Sheets.Use;
import org.medcounsel.sheet.Sheets.UseStatus;

/**
 * The shapes of every data file: the single statement of what a valid sheet is. Each field is
 * declared once, as a typed constant; the loader validates against it, binds values through it
 * ({@link Bound#get}) and the JSON Schema is written from it. Within a class the constants are
 * initialised in order, so each shape is complete before another shape nests it.
 */
public final class SheetShapes {
    private SheetShapes() {}

    public static final Shape SOURCE = new Shape("source", "A label or regulator document the sheet is based on.");
    public static final Field<String> SOURCE_ID =
            SOURCE.required("id", ID, "Short key that uses and screening rules refer to.");
    public static final Field<String> SOURCE_TITLE = SOURCE.required("title", TEXT, "Title of the document.");
    public static final Field<String> SOURCE_URL = SOURCE.required("url", URL, "Where to read it.");

    public static final Shape USE = new Shape("use", "A condition the medicine is used for.");
    public static final Field<String> USE_ID = USE.optional(
            "id", ID, "Short key of the use: the answer to the screening fact 'use' (rules may name it).", "");
    public static final Field<String> USE_CONDITION =
            USE.required("condition", PROSE, "The condition, in plain words.");
    public static final Field<UseStatus> USE_STATUS =
            USE.required("status", choice(UseStatus.class), "How the use is backed.");
    public static final Field<String> USE_DETAIL =
            USE.optional("detail", PROSE, "Who it is for and where it is licensed.", "");
    public static final Field<String> USE_SOURCE =
            USE.optional("source", ID, "Id of the source that backs the use (required when licensed).", "");

    public static final Shape TOPIC = new Shape("topic", "A short headed note, such as Pregnancy.");
    public static final Field<String> TOPIC_TOPIC = TOPIC.required("topic", PROSE, "The heading.");
    public static final Field<String> TOPIC_TEXT = TOPIC.required("text", PROSE, "What the patient needs to know.");

    public static final Shape SIDE_EFFECTS =
            new Shape("side-effect group", "Side effects that share a seriousness and a frequency.");
    public static final Field<Seriousness> SIDE_EFFECTS_SERIOUSNESS =
            SIDE_EFFECTS.required("seriousness", choice(Seriousness.class), "How serious they are.");
    public static final Field<Frequency> SIDE_EFFECTS_HOW_OFTEN =
            SIDE_EFFECTS.required("how-often", choice(Frequency.class), "How often they happen (EU leaflet scale).");
    public static final Field<List<String>> SIDE_EFFECTS_EFFECTS =
            SIDE_EFFECTS.required("effects", nonEmptyListOf(PROSE), "The side effects.");
    public static final Field<String> SIDE_EFFECTS_WHAT_TO_DO =
            SIDE_EFFECTS.required("what-to-do", PROSE, "What the patient should do.");

    public static final Shape STOPPING = new Shape("stopping", "Stopping and pausing the medicine.");
    public static final Field<List<String>> STOPPING_ADVICE =
            STOPPING.required("advice", nonEmptyListOf(PROSE), "Why not to stop alone and how stopping is done.");
    public static final Field<List<String>> STOPPING_PAUSING = STOPPING.optional(
            "pausing", listOf(PROSE), "When the prescriber may pause it (surgery, infection).", List.of());
    public static final Field<List<String>> STOPPING_AFTER =
            STOPPING.required("after", nonEmptyListOf(PROSE), "What can happen after stopping and what to watch.");

    public static final Shape KEY_POINTS = new Shape(
            "key points",
            "The counter card that brief prints: five short points in plain words, said to the patient and"
                    + " asked back (teach-back).");
    public static final Field<String> KEY_POINTS_FOR =
            KEY_POINTS.required("for", PROSE, "What it is for, in one short sentence.");
    public static final Field<String> KEY_POINTS_TAKE =
            KEY_POINTS.required("take", PROSE, "How to take it, in one or two short sentences.");
    public static final Field<String> KEY_POINTS_MISSED_DOSE =
            KEY_POINTS.required("missed-dose", PROSE, "What to do about a missed dose, briefly.");
    public static final Field<List<String>> KEY_POINTS_WATCH =
            KEY_POINTS.required("watch", listOfExactly(3, PROSE), "The three things to watch for, a few words each.");
    public static final Field<String> KEY_POINTS_GET_HELP =
            KEY_POINTS.required("get-help", PROSE, "When to get help at once: the action first, then the signs.");

    public static final Shape RULE =
            new Shape("screening rule", "A question about a patient fact (fact, level, advice, source) or a reminder.");
    public static final Field<String> RULE_FACT = RULE.optional("fact", ID, "Key of a fact in facts.yaml.", "");
    public static final Field<Level> RULE_LEVEL =
            RULE.optional("level", choice(Level.class), "How much a match matters.", Level.CAUTION);
    public static final Field<String> RULE_ADVICE =
            RULE.optional("advice", PROSE, "What to do when the rule matches.", "");
    public static final Field<Double> RULE_AT_LEAST =
            RULE.optional("at-least", NUMBER, "Matches numbers greater than or equal to this.", Double.NaN);
    public static final Field<Double> RULE_AT_MOST =
            RULE.optional("at-most", NUMBER, "Matches numbers less than or equal to this.", Double.NaN);
    public static final Field<Double> RULE_BELOW =
            RULE.optional("below", NUMBER, "Matches numbers less than this.", Double.NaN);
    public static final Field<Double> RULE_ABOVE =
            RULE.optional("above", NUMBER, "Matches numbers greater than this.", Double.NaN);
    public static final Field<List<String>> RULE_INCLUDES =
            RULE.optional("includes", nonEmptyListOf(ID), "Matches a list fact holding any of these.", List.of());
    public static final Field<List<String>> RULE_IS =
            RULE.optional("is", nonEmptyListOf(ID), "Matches a choice fact answered with any of these.", List.of());
    public static final Field<List<String>> RULE_USES = RULE.optional(
            "uses",
            nonEmptyListOf(ID),
            "Only for these uses (ids of the drug's uses); the rule waits for the 'use' answer.",
            List.of());
    public static final Field<String> RULE_REMINDER =
            RULE.optional("reminder", PROSE, "Something to do for every patient.", "");
    public static final Field<String> RULE_SOURCE =
            RULE.optional("source", ID, "Id of the source the rule comes from.", "");

    private static final Shape.Type<List<Source>> SOURCES =
            nonEmptyListOf(object(SOURCE, s -> new Source(s.get(SOURCE_ID), s.get(SOURCE_TITLE), s.get(SOURCE_URL))));
    /** Screening rules bind in the loader, which checks them against the facts and the sources. */
    private static final Shape.Type<List<Bound>> RULES = listOf(object(RULE, r -> r));

    public static final Shape DRUG = new Shape("drug sheet", "A medicine's counselling sheet.");
    public static final Field<String> DRUG_ID =
            DRUG.required("id", ID, "Lower-case generic name; the file name without .yaml.");
    public static final Field<String> DRUG_NAME = DRUG.required("name", TEXT, "Generic name as shown to people.");
    public static final Field<List<String>> DRUG_BRANDS = DRUG.required("brands", listOf(TEXT), "Brand names.");
    public static final Field<String> DRUG_CLASS =
            DRUG.optional("class", ID, "Id of the drug-class sheet in classes/.", "");
    public static final Field<LocalDate> DRUG_REVIEWED =
            DRUG.required("reviewed", DATE, "The day the facts were last checked against the labels the sheet cites.");
    public static final Field<List<Source>> DRUG_SOURCES =
            DRUG.required("sources", SOURCES, "Where the facts come from.");
    public static final Field<String> DRUG_SUMMARY =
            DRUG.required("summary", PROSE, "What the medicine is and how it works.");
    public static final Field<List<Use>> DRUG_USES = DRUG.required(
            "uses",
            nonEmptyListOf(object(
                    USE,
                    u -> new Use(
                            u.get(USE_ID),
                            u.get(USE_CONDITION),
                            u.get(USE_STATUS),
                            u.get(USE_DETAIL),
                            u.get(USE_SOURCE)))),
            "What it is used for.");
    public static final Field<List<String>> DRUG_HOW_TO_TAKE =
            DRUG.required("how-to-take", nonEmptyListOf(PROSE), "Dose, timing, food, swallowing.");
    public static final Field<String> DRUG_MISSED_DOSE =
            DRUG.required("missed-dose", PROSE, "What to do about a missed dose.");
    public static final Field<String> DRUG_OVERDOSE =
            DRUG.required("overdose", PROSE, "What to do after taking too much.");
    public static final Field<String> DRUG_STARTS_WORKING =
            DRUG.optional("starts-working", PROSE, "When it starts to help.", "");
    public static final Field<List<Topic>> DRUG_BEFORE_YOU_TAKE = DRUG.optional(
            "before-you-take",
            listOf(object(TOPIC, t -> new Topic(t.get(TOPIC_TOPIC), t.get(TOPIC_TEXT)))),
            "Pregnancy, alcohol, vaccines and more.",
            List.of());
    public static final Field<String> DRUG_STORAGE = DRUG.optional("storage", PROSE, "How to store it.", "");
    public static final Field<KeyPoints> DRUG_KEY_POINTS = DRUG.optional(
            "key-points",
            object(
                    KEY_POINTS,
                    k -> new KeyPoints(
                            k.get(KEY_POINTS_FOR),
                            k.get(KEY_POINTS_TAKE),
                            k.get(KEY_POINTS_MISSED_DOSE),
                            k.get(KEY_POINTS_WATCH),
                            k.get(KEY_POINTS_GET_HELP))),
            "The counter card (brief): for, take, missed-dose, three things to watch, get-help. Every"
                    + " bundled sheet has it; check warns when a site sheet does not, and brief refuses that"
                    + " sheet.",
            KeyPoints.NONE);
    public static final Field<List<String>> DRUG_WARNINGS = DRUG.optional(
            "warnings", listOf(PROSE), "The key warnings, each in one or two short sentences.", List.of());
    public static final Field<List<String>> DRUG_BACKGROUND = DRUG.optional(
            "background",
            listOf(PROSE),
            "Why the warnings are there: studies, regulators and dates (shown last in risks).",
            List.of());
    public static final Field<List<SideEffects>> DRUG_SIDE_EFFECTS = DRUG.required(
            "side-effects",
            nonEmptyListOf(object(
                    SIDE_EFFECTS,
                    g -> new SideEffects(
                            g.get(SIDE_EFFECTS_SERIOUSNESS) == Seriousness.SERIOUS,
                            g.get(SIDE_EFFECTS_HOW_OFTEN),
                            g.get(SIDE_EFFECTS_EFFECTS),
                            g.get(SIDE_EFFECTS_WHAT_TO_DO)))),
            "Side effects by seriousness.");
    public static final Field<String> DRUG_URGENT_ACTION = DRUG.optional(
            "urgent-action",
            PROSE,
            "What to do at once, said first in the urgent box (after the class's own action, if any).",
            "");
    public static final Field<List<String>> DRUG_URGENT_HELP =
            DRUG.optional("urgent-help", listOf(PROSE), "Signs that need help at once.", List.of());
    public static final Field<List<String>> DRUG_MONITORING =
            DRUG.optional("monitoring", listOf(PROSE), "Tests and checks.", List.of());
    public static final Field<List<String>> DRUG_STAYING_SAFE =
            DRUG.optional("staying-safe", listOf(PROSE), "Everyday tips.", List.of());
    public static final Field<Stopping> DRUG_STOPPING = DRUG.required(
            "stopping",
            object(STOPPING, s -> new Stopping(s.get(STOPPING_ADVICE), s.get(STOPPING_PAUSING), s.get(STOPPING_AFTER))),
            "Stopping, pausing and what happens after.");
    public static final Field<String> DRUG_AGES =
            DRUG.optional("ages", PROSE, "Who it is licensed for by age, in plain words (compare shows it).", "");
    public static final Field<String> DRUG_CONTRACEPTION = DRUG.optional(
            "contraception",
            PROSE,
            "Birth control after the last dose: who needs it and for how long (compare shows it).",
            "");
    public static final Field<List<Bound>> DRUG_SCREENING =
            DRUG.optional("screening", RULES, "Questions and reminders before starting.", List.of());

    public static final Shape CLASS = new Shape("class sheet", "What every drug of a class shares.");
    public static final Field<String> CLASS_ID =
            CLASS.required("id", ID, "Lower-case id; the file name without .yaml.");
    public static final Field<String> CLASS_NAME =
            CLASS.required("name", TEXT, "Name of the class as shown to people.");
    public static final Field<LocalDate> CLASS_REVIEWED =
            CLASS.required("reviewed", DATE, "The day the facts were last checked against the labels the sheet cites.");
    public static final Field<List<Source>> CLASS_SOURCES =
            CLASS.required("sources", SOURCES, "Where the facts come from.");
    public static final Field<String> CLASS_SUMMARY =
            CLASS.required("summary", PROSE, "What the class is and how it works.");
    public static final Field<List<String>> CLASS_WARNINGS = CLASS.optional(
            "warnings",
            listOf(PROSE),
            "Key warnings for the whole class, each in one or two short sentences.",
            List.of());
    public static final Field<List<String>> CLASS_BACKGROUND = CLASS.optional(
            "background",
            listOf(PROSE),
            "Why the class's warnings are there: studies, regulators and dates (shown last in risks).",
            List.of());
    public static final Field<String> CLASS_URGENT_ACTION = CLASS.optional(
            "urgent-action", PROSE, "What to do at once, said first in the urgent box of every drug of the class.", "");
    public static final Field<List<String>> CLASS_URGENT_HELP =
            CLASS.optional("urgent-help", listOf(PROSE), "Signs that need help at once.", List.of());
    public static final Field<List<String>> CLASS_MONITORING =
            CLASS.optional("monitoring", listOf(PROSE), "Tests and checks.", List.of());
    public static final Field<List<String>> CLASS_STAYING_SAFE =
            CLASS.optional("staying-safe", listOf(PROSE), "Everyday tips.", List.of());
    public static final Field<List<Bound>> CLASS_SCREENING =
            CLASS.optional("screening", RULES, "Questions and reminders before starting.", List.of());

    public static final Shape FACT = new Shape("fact", "A patient fact screening rules can ask about.");
    public static final Field<String> FACT_KEY =
            FACT.required("key", ID, "The key used in rules, patient files and -f KEY=VALUE.");
    public static final Field<FactType> FACT_TYPE =
            FACT.required("type", choice(FactType.class), "What kind of answer it takes.");
    public static final Field<String> FACT_QUESTION =
            FACT.required("question", PROSE, "The question, asked of the patient.");
    public static final Field<String> FACT_UNIT = FACT.optional("unit", TEXT, "Unit of a number.", "");
    public static final Field<Double> FACT_MIN =
            FACT.optional("min", NUMBER, "Smallest valid number.", Double.NEGATIVE_INFINITY);
    public static final Field<Double> FACT_MAX =
            FACT.optional("max", NUMBER, "Largest valid number.", Double.POSITIVE_INFINITY);
    public static final Field<List<String>> FACT_CHOICES = FACT.optional(
            "choices",
            listOf(ID),
            "The answers a choice fact takes (the fact 'use' takes the drug's use ids instead).",
            List.of());
    public static final Field<String> FACT_STAND_IN = FACT.optional(
            "stand-in",
            ID,
            "A number fact that may stand in for this one when it is not given, away from any cut-off.",
            "");

    public static final Shape CONFIG =
            new Shape("config file", "Settings: $XDG_CONFIG_HOME/medcounsel/config.yaml and /etc/xdg/medcounsel/.");
    public static final Field<List<String>> CONFIG_DATA = CONFIG.optional(
            "data",
            listOf(TEXT),
            "Folders of site sheets, as --data gives them (MEDCOUNSEL_DATA, when set, is used instead).",
            List.of());
    public static final Field<String> CONFIG_SITE =
            CONFIG.optional("site", TEXT, "The site file leaflets print (leaflet --site).", "");
    public static final Field<String> CONFIG_TEMPLATES =
            CONFIG.optional("templates", TEXT, "A folder of HTML templates (--templates).", "");
    public static final Field<Double> CONFIG_WIDTH = CONFIG.optional(
            "width", NUMBER, "Wrap text at this many columns (--width; COLUMNS, when set, wins).", Double.NaN);
    public static final Field<Sheets.ColorSetting> CONFIG_COLOR = CONFIG.optional(
            "color", choice(Sheets.ColorSetting.class), "auto, always or never (--color; NO_COLOR wins).", null);
    public static final Field<String> CONFIG_PAGER = CONFIG.optional(
            "pager", TEXT, "The pager for long output (MEDCOUNSEL_PAGER and PAGER win; \"\" or cat for none).", "");
    public static final Field<String> CONFIG_PHARMACIST = CONFIG.optional(
            "pharmacist", TEXT, "The pharmacist's name for screening records (screen --pharmacist).", "");
    public static final Field<Sheets.PaperSetting> CONFIG_PAPER = CONFIG.optional(
            "paper", choice(Sheets.PaperSetting.class), "a4 or letter, for leaflets (leaflet --paper).", null);

    public static final Field<String> CONFIG_LANG = CONFIG.optional(
            "lang",
            TEXT,
            "The language to counsel in, such as es or zh-Hans (--lang; wins over LC_ALL, LC_MESSAGES and LANG).",
            "");

    public static final Shape SITE = new Shape("site file", "The pharmacy printed on every leaflet.");
    public static final Field<String> SITE_NAME = SITE.required("name", TEXT, "The pharmacy's name.");
    public static final Field<String> SITE_ADDRESS = SITE.optional("address", TEXT, "Its address, on one line.", "");
    public static final Field<String> SITE_PHONE = SITE.optional("phone", TEXT, "Its phone number.", "");
    public static final Field<String> SITE_WEBSITE =
            SITE.optional("website", TEXT, "Its web address, printed under the address.", "");
    public static final Field<String> SITE_OPENING_HOURS =
            SITE.optional("opening-hours", TEXT, "When it is open, on one line.", "");
    public static final Field<String> SITE_LOGO = SITE.optional(
            "logo",
            TEXT,
            "A PNG or JPEG file of the pharmacy's logo, relative to this file; embedded in HTML and PDF leaflets.",
            "");

    public static final Shape FACTS = new Shape("facts file", "The vocabulary of patient facts.");
    public static final Field<List<Bound>> FACTS_FACTS =
            FACTS.required("facts", nonEmptyListOf(object(FACT, f -> f)), "The facts.");

    public static final Shape GROUP = new Shape("medicine group", "A group of medicines that screening rules name.");
    public static final Field<String> GROUP_ID = GROUP.required("id", ID, "The key rules use in 'includes'.");
    public static final Field<String> GROUP_NAME =
            GROUP.required("name", TEXT, "What one member is, as shown after a match (singular).");
    public static final Field<String> GROUP_SOURCE =
            GROUP.optional("source", ID, "Id of the source that defines the group.", "");

    public static final Shape MEDICINE = new Shape("medicine", "A medicine screening recognises.");
    public static final Field<String> MEDICINE_ID =
            MEDICINE.required("id", ID, "The lower-case generic name, shown as the match.");
    public static final Field<List<String>> MEDICINE_ALSO =
            MEDICINE.optional("also", listOf(TEXT), "Other spellings and names.", List.of());
    public static final Field<List<String>> MEDICINE_BRANDS =
            MEDICINE.optional("brands", listOf(TEXT), "Brand names as on the pack.", List.of());
    public static final Field<List<String>> MEDICINE_GROUPS =
            MEDICINE.optional("groups", listOf(ID), "Ids of the groups it belongs to.", List.of());

    public static final Shape MEDICINES =
            new Shape("medicines file", "The medicines screening recognises, and the groups its rules name.");
    public static final Field<LocalDate> MEDICINES_REVIEWED =
            MEDICINES.optional("reviewed", DATE, "When the list was last checked.", LocalDate.MIN);
    public static final Field<List<Source>> MEDICINES_SOURCES =
            MEDICINES.optional("sources", SOURCES, "Where the groups come from.", List.of());
    public static final Field<List<Bound>> MEDICINES_GROUPS =
            MEDICINES.optional("groups", listOf(object(GROUP, g -> g)), "The groups.", List.of());
    public static final Field<List<Bound>> MEDICINES_MEDICINES =
            MEDICINES.optional("medicines", listOf(object(MEDICINE, m -> m)), "The medicines.", List.of());

    public static final Shape APPROVAL = new Shape("approval", "A site pharmacist's approval of one drug's sheet.");
    public static final Field<String> APPROVAL_DRUG = APPROVAL.required("drug", ID, "The id of the drug sheet.");
    public static final Field<String> APPROVAL_BY =
            APPROVAL.required("by", TEXT, "Who approved it: the pharmacist's name and role.");
    public static final Field<LocalDate> APPROVAL_ON =
            APPROVAL.required("on", DATE, "When; an approval older than the sheet's review date does not count.");

    public static final Field<String> APPROVAL_TRANSLATION = APPROVAL.optional(
            "translation",
            TEXT,
            "A language tag (es, zh-Hans): the approval is of the sheet's translation into it, checked by a"
                    + " pharmacist who is a native speaker; it lapses when the translation goes out of date.",
            "");

    public static final Shape APPROVALS = new Shape(
            "approvals file", "A site's record of which sheets its own pharmacist has approved (site folders only).");
    public static final Field<List<Bound>> APPROVALS_APPROVALS =
            APPROVALS.required("approvals", listOf(object(APPROVAL, a -> a)), "One entry per approved drug sheet.");

    public static final Shape WORDS = new Shape(
            "words file",
            "Interface words: headings, labels, verdict sentences and the disclaimer. A site may reword any.");
    /** One optional text field per {@link Word}, keyed by its dashed name. */
    public static final Map<Word, Field<String>> WORD_FIELDS = wordFields();

    private static Map<Word, Field<String>> wordFields() {
        Map<Word, Field<String>> fields = new EnumMap<>(Word.class);
        for (Word word : Word.values()) {
            fields.put(word, WORDS.optional(word.key(), TEXT, word.description, ""));
        }
        return Collections.unmodifiableMap(fields);
    }

    public static final Shape SYNONYM_GROUP =
            new Shape("synonym group", "Words that mean the same thing to a patient and to a pharmacist.");
    public static final Field<List<String>> SYNONYM_GROUP_WORDS = SYNONYM_GROUP.required(
            "words",
            listOf(TEXT),
            "The words, lay and medical (\"shingles\", \"herpes zoster\"); each finds the others.");

    public static final Shape SYNONYMS = new Shape(
            "synonyms file", "Groups of words that search and list --for treat as one. A site's file adds groups.");
    public static final Field<List<Bound>> SYNONYMS_GROUPS =
            SYNONYMS.required("groups", listOf(object(SYNONYM_GROUP, g -> g)), "The groups of words.");
}
