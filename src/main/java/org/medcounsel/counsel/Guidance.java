package org.medcounsel.counsel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.medcounsel.doc.Document;
import org.medcounsel.doc.Document.Block;
import org.medcounsel.doc.Document.Bullets;
import org.medcounsel.doc.Document.Callout;
import org.medcounsel.doc.Document.Paragraph;
import org.medcounsel.doc.Document.Section;
import org.medcounsel.doc.Document.Severity;
import org.medcounsel.doc.Document.Term;
import org.medcounsel.sheet.Approval;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Facts;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.InLanguage;
import org.medcounsel.sheet.Language;
import org.medcounsel.sheet.Medicines;
import org.medcounsel.sheet.SheetShapes;
import org.medcounsel.sheet.Sheets;
import org.medcounsel.sheet.Sheets.DrugSheet;
import org.medcounsel.sheet.Sheets.Frequency;
import org.medcounsel.sheet.Sheets.KeyPoints;
import org.medcounsel.sheet.Sheets.Level;
import org.medcounsel.sheet.Sheets.Reminder;
import org.medcounsel.sheet.Sheets.SideEffects;
import org.medcounsel.sheet.Sheets.Stopping;
import org.medcounsel.sheet.Sheets.Use;
import org.medcounsel.sheet.Word;
import org.medcounsel.sheet.Words;

/**
 * Builds the counselling documents from a drug's sheet. The words about the medicine all come from
 * the sheet and the interface words from {@code words.yaml}; this class only chooses the order.
 */
public final class Guidance {
    private final Words words;
    private final Function<Drug, Optional<Approval>> approvals;
    private final Function<String, Words> wordsIn;
    private final Document.Language language;

    /** Guidance in these words, with no site approvals (a bundled-only run). */
    public Guidance(Words words) {
        this(words, d -> Optional.empty());
    }

    public Guidance(Words words, Function<Drug, Optional<Approval>> approvals) {
        this(words, approvals, tag -> words, Document.Language.ENGLISH);
    }

    private Guidance(
            Words words,
            Function<Drug, Optional<Approval>> approvals,
            Function<String, Words> wordsIn,
            Document.Language language) {
        this.words = words;
        this.approvals = approvals;
        this.wordsIn = wordsIn;
        this.language = language;
    }

    /** Guidance in the formulary's words, with its site's approvals. */
    public static Guidance of(Formulary formulary) {
        Words english = formulary.words();
        return new Guidance(
                english,
                formulary::approval,
                tag -> formulary.words(tag).map(InLanguage::value).orElse(english),
                Document.Language.ENGLISH);
    }

    /**
     * Guidance for {@code drug} in the language its sheets are shown in: that language's
     * interface words; a stale translation warned of at the top in both languages; and the
     * translation's credits (who made it, whether a site pharmacist has checked it) in the footer.
     */
    public Guidance in(Drug drug) {
        Language lang = drug.language();
        if (!lang.translated()) {
            return new Guidance(
                    words,
                    approvals,
                    wordsIn,
                    new Document.Language(
                            Language.ENGLISH,
                            List.of(),
                            List.of(),
                            lang.asked(),
                            "",
                            false,
                            false,
                            lang.notShown(),
                            punctuation(words)));
        }
        Words there = wordsIn.apply(lang.shown());
        List<String> warnings = lang.stale()
                ? List.of(there.get(Word.TRANSLATION_STALE), words.get(Word.TRANSLATION_STALE))
                : List.of();
        List<String> credits = List.of(
                there.get(Word.TRANSLATED_BY, "by", lang.by()),
                lang.approval()
                        .map(a -> there.get(Word.TRANSLATION_CHECKED, "by", a.by(), "date", a.on()))
                        .orElse(there.get(Word.TRANSLATION_UNCHECKED)));
        return new Guidance(
                there,
                d -> Optional.empty(),
                wordsIn,
                new Document.Language(
                        lang.shown(),
                        warnings,
                        credits,
                        lang.asked(),
                        lang.by(),
                        lang.stale(),
                        lang.approval().isPresent(),
                        "",
                        punctuation(there)));
    }

    private static Document.Punctuation punctuation(Words words) {
        return new Document.Punctuation(words.get(Word.PUNCTUATION_COLON), words.get(Word.PUNCTUATION_FULL_STOP));
    }

    /** The interface words this guidance speaks in. */
    public Words words() {
        return words;
    }

    /** The language of the documents this guidance makes. */
    public Document.Language language() {
        return language;
    }

    /** The parts of the guidance, one per counselling command. */
    public enum Part {
        INFO("info", Word.PART_INFO),
        BRIEF("brief", Word.PART_BRIEF),
        RISKS("risks", Word.PART_RISKS),
        STOP("stop", Word.PART_STOP),
        SCREEN("screen", Word.PART_SCREEN),
        LEAFLET("leaflet", Word.PART_LEAFLET);

        public final String command;
        public final Word title;

        Part(String command, Word title) {
            this.command = command;
            this.title = title;
        }
    }

    /**
     * In the order of a conversation: what it is and what it is for, how to take it, a missed dose,
     * when it starts to work; then what to tell the doctor first, too much, storage.
     */
    public Document info(Drug drug) {
        return document(drug, Part.INFO, infoSections(drug, true));
    }

    /** The info sections; {@code conversation} false gives the EU leaflet's order (before you take first). */
    private List<Section> infoSections(Drug drug, boolean conversation) {
        DrugSheet s = drug.sheet();
        List<Section> sections = new ArrayList<>();
        List<Block> what = new ArrayList<>();
        what.add(new Paragraph(s.get(SheetShapes.DRUG_SUMMARY)));
        drug.drugClass().ifPresent(c -> what.add(new Term(c.name(), c.summary())));
        sections.add(new Section(words.get(Word.HEADING_WHAT_IT_IS), what));
        sections.add(new Section(
                words.get(Word.HEADING_USES),
                s.get(SheetShapes.DRUG_USES).stream().map(this::use).toList()));
        List<Block> before = s.get(SheetShapes.DRUG_BEFORE_YOU_TAKE).stream()
                .map(t -> (Block) new Term(t.topic(), t.text()))
                .toList();
        if (!conversation) add(sections, Word.HEADING_BEFORE_YOU_TAKE, before);
        sections.add(new Section(
                words.get(Word.HEADING_HOW_TO_TAKE), List.of(new Bullets("", s.get(SheetShapes.DRUG_HOW_TO_TAKE)))));
        text(sections, Word.HEADING_MISSED_DOSE, s.get(SheetShapes.DRUG_MISSED_DOSE));
        if (conversation) {
            text(sections, Word.HEADING_STARTS_WORKING, s.get(SheetShapes.DRUG_STARTS_WORKING));
            add(sections, Word.HEADING_BEFORE_YOU_TAKE, before);
            text(sections, Word.HEADING_OVERDOSE, s.get(SheetShapes.DRUG_OVERDOSE));
        } else {
            text(sections, Word.HEADING_OVERDOSE, s.get(SheetShapes.DRUG_OVERDOSE));
            text(sections, Word.HEADING_STARTS_WORKING, s.get(SheetShapes.DRUG_STARTS_WORKING));
        }
        text(sections, Word.HEADING_STORAGE, s.get(SheetShapes.DRUG_STORAGE));
        return sections;
    }

    /**
     * Most important first, in the order of a conversation at the counter: when to get help at
     * once (the action, then the signs), the key warnings, side effects by seriousness, checks,
     * everyday safety, and last why the warnings are there (studies, regulators, dates).
     */
    public Document risks(Drug drug) {
        List<Section> sections = new ArrayList<>();
        add(
                sections,
                Word.HEADING_URGENT_HELP,
                drug.urgentBox().isEmpty()
                        ? List.of()
                        : List.of(new Callout(Severity.URGENT, words.get(Word.LABEL_URGENT), drug.urgentBox())));
        add(
                sections,
                Word.HEADING_WARNINGS,
                drug.warnings().isEmpty()
                        ? List.of()
                        : List.of(new Callout(Severity.CAUTION, words.get(Word.LABEL_WARNING), drug.warnings())));
        List<Block> effects = new ArrayList<>();
        for (boolean serious : new boolean[] {true, false}) {
            drug.sheet().get(SheetShapes.DRUG_SIDE_EFFECTS).stream()
                    .filter(g -> g.serious() == serious)
                    .sorted((a, b) -> a.howOften().compareTo(b.howOften()))
                    .forEach(g -> sideEffects(g, effects::add));
        }
        add(sections, Word.HEADING_SIDE_EFFECTS, effects);
        add(sections, Word.HEADING_MONITORING, bullets(drug.monitoring()));
        add(sections, Word.HEADING_STAYING_SAFE, bullets(drug.stayingSafe()));
        add(
                sections,
                Word.HEADING_BACKGROUND,
                drug.background().stream().map(t -> (Block) new Paragraph(t)).toList());
        return document(drug, Part.RISKS, sections);
    }

    /** Whether the drug's sheet has the key points {@link #brief} is made of. */
    public static boolean hasKeyPoints(Drug drug) {
        return !drug.sheet().get(SheetShapes.DRUG_KEY_POINTS).isEmpty();
    }

    /**
     * The counter card: what it is for, how to take it, a missed dose, the three things to watch
     * and when to get help at once, all from the sheet's {@code key-points}; then the teach-back
     * prompt. No sources: the card points to the full sheet instead, so it fits one screen.
     */
    public Document brief(Drug drug) {
        KeyPoints k = drug.sheet().get(SheetShapes.DRUG_KEY_POINTS);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Term(words.get(Word.LABEL_FOR), k.forWhat()));
        blocks.add(new Term(words.get(Word.LABEL_TAKE), k.take()));
        blocks.add(new Term(words.get(Word.LABEL_MISSED_DOSE), k.missedDose()));
        blocks.add(new Bullets(words.get(Word.LABEL_WATCH), k.watch()));
        blocks.add(new Callout(Severity.URGENT, words.get(Word.LABEL_GET_HELP), List.of(k.getHelp())));
        blocks.add(new Term(words.get(Word.LABEL_ASK), words.get(Word.TEACH_BACK)));
        blocks.add(new Term(words.get(Word.LABEL_FULL_SHEET), words.get(Word.FULL_SHEET, "drug", drug.id())));
        Document doc = document(drug, Part.BRIEF, List.of(new Section(words.get(Word.HEADING_KEY_POINTS), blocks)));
        return new Document(
                doc.drug(),
                doc.section(),
                doc.banner(),
                doc.title(),
                doc.subtitle(),
                doc.sections(),
                doc.reviewed(),
                List.of(),
                doc.footer(),
                doc.language());
    }

    /** Stopping and pausing: why not to stop alone, pauses, what happens after. */
    public Document stop(Drug drug) {
        Stopping stopping = drug.sheet().get(SheetShapes.DRUG_STOPPING);
        List<Section> sections = new ArrayList<>();
        add(sections, Word.HEADING_BEFORE_YOU_STOP, bullets(stopping.advice()));
        add(sections, Word.HEADING_PAUSING, bullets(stopping.pausing()));
        add(sections, Word.HEADING_AFTER_STOPPING, bullets(stopping.after()));
        return document(drug, Part.STOP, sections);
    }

    /**
     * Screening for one patient: findings first (highest level first), then every question with
     * its answer, the pharmacist's reminders, and the verdict.
     */
    public Document screening(Screening screening) {
        List<Section> sections = new ArrayList<>();
        List<Block> findings = new ArrayList<>();
        for (Screening.Item item : screening.findings()) {
            boolean stop = item.level() == Level.DO_NOT_START;
            List<String> lines = new ArrayList<>();
            String value = item.byStandIn()
                    ? words.get(Word.NOT_GIVEN)
                    : item.fact().type() == Sheets.FactType.LIST
                            ? String.join(", ", Screening.matching(item.rule(), screening.medicines()))
                            : item.answer().orElseThrow().shown(item.fact().unit());
            String note = item.note().isEmpty() ? "" : " [" + item.note() + "]";
            // One line headed by the fact and the value: "egfr 52 mL/min/1.73m2 (30 ... or over): ...".
            String condition = item.fact().type() == Sheets.FactType.YES_NO ? "" : " (" + item.condition(words) + ")";
            lines.add(item.fact().key() + " " + value + condition + note + ": "
                    + item.rule().advice());
            item.source().ifPresent(s -> lines.add(words.get(Word.LABEL_SOURCE) + " " + s.title()));
            findings.add(new Callout(
                    stop ? Severity.URGENT : Severity.CAUTION,
                    words.get(stop ? Word.LABEL_DO_NOT_START : Word.LABEL_CAUTION),
                    lines));
        }
        add(sections, Word.HEADING_FINDINGS, findings);
        List<String> open = new ArrayList<>();
        for (String key : screening.unanswered()) {
            screening.questions().keySet().stream()
                    .filter(f -> f.key().equals(key))
                    .findFirst()
                    .ifPresentOrElse(
                            f -> open.add(
                                    key + ": " + f.question() + " (-f " + key + "=" + answers(f, screening) + ")"),
                            () -> open.add(key + " (-f " + key + "=...)"));
        }
        screening.unknownUse().ifPresent(u -> open.add(words.get(Word.UNKNOWN_USE, "use", u, "uses", uses(screening))));
        add(sections, Word.HEADING_NOT_ASKED, bullets(open));
        add(
                sections,
                Word.HEADING_MEDICINES,
                bullets(screening.medicines().stream()
                        .map(m -> medicine(m, screening))
                        .toList()));
        List<String> questions = new ArrayList<>();
        screening.questions().forEach((fact, answer) -> {
            if (answer.isPresent()) {
                questions.add(fact.question() + " " + words.get(Word.LABEL_ANSWER) + " "
                        + answer.get().shown(fact.unit()) + ".");
            }
        });
        add(sections, Word.HEADING_QUESTIONS, bullets(questions));
        add(sections, Word.HEADING_UNUSED, bullets(screening.unused()));
        add(
                sections,
                Word.HEADING_REMINDERS,
                bullets(screening.reminders().stream().map(Reminder::text).toList()));
        sections.add(new Section(words.get(Word.HEADING_VERDICT), List.of(verdict(screening))));
        Document doc = document(screening.drug(), Part.SCREEN, sections);
        // The first line says it all: the title is followed by the verdict and what is missing.
        return new Document(
                doc.drug(),
                doc.section(),
                doc.banner(),
                doc.title(),
                summary(screening),
                doc.sections(),
                doc.reviewed(),
                doc.sources(),
                doc.footer(),
                doc.language());
    }

    /** "caution: 3 findings; 2 questions not asked (smoker, crcl)". */
    public String summary(Screening s) {
        String findings = words.count(s.findings().size(), Word.FINDINGS_ONE, Word.FINDINGS_OTHER);
        List<String> parts = new ArrayList<>();
        switch (s.verdict()) {
            case DO_NOT_START:
                parts.add(words.get(Word.SUMMARY_DO_NOT_START, "findings", findings));
                break;
            case CAUTION:
                parts.add(words.get(Word.SUMMARY_CAUTION, "findings", findings));
                break;
            case INCOMPLETE:
                // A caution found while answers that could stop the start are missing is named first.
                parts.add(
                        s.findings().isEmpty()
                                ? words.get(Word.SUMMARY_INCOMPLETE)
                                : words.get(Word.SUMMARY_INCOMPLETE_FOUND, "cautions", cautions(s)));
                break;
            default:
                parts.add(words.get(Word.SUMMARY_CLEAR));
        }
        if (!s.unanswered().isEmpty()) {
            parts.add(words.get(
                    Word.SUMMARY_NOT_ASKED,
                    "questions",
                    words.count(s.unanswered().size(), Word.QUESTIONS_ONE, Word.QUESTIONS_OTHER),
                    "keys",
                    String.join(", ", s.unanswered())));
        }
        List<String> unknown = s.medicines().stream()
                .filter(m -> !m.recognised())
                .map(Medicines.Match::typed)
                .toList();
        if (!unknown.isEmpty()) {
            parts.add(words.get(
                    Word.SUMMARY_UNRECOGNISED,
                    "medicines",
                    words.count(unknown.size(), Word.MEDICINES_ONE, Word.MEDICINES_OTHER),
                    "names",
                    String.join(", ", unknown)));
        }
        s.unknownUse().ifPresent(u -> parts.add(words.get(Word.UNKNOWN_USE, "use", u, "uses", uses(s))));
        if (s.noRules()) parts.add(words.get(Word.NO_RULES));
        return String.join("; ", parts);
    }

    /** "1 caution", "2 cautions": what an incomplete screening has found so far. */
    private String cautions(Screening s) {
        return words.count(s.findings().size(), Word.CAUTIONS_ONE, Word.CAUTIONS_OTHER);
    }

    /** "Nizoral 200mg -> ketoconazole (strong CYP3A4 inhibitor)", or why it was not recognised. */
    private String medicine(Medicines.Match m, Screening s) {
        if (m.medicine().isEmpty()) {
            String text = words.get(Word.MEDICINE_UNKNOWN, "typed", m.typed());
            return m.suggestions().isEmpty()
                    ? text
                    : text + " " + words.get(Word.MEDICINE_DID_YOU_MEAN, "names", words.or(m.suggestions()));
        }
        Medicines.Medicine med = m.medicine().get();
        if (!m.unclear().isEmpty()) {
            return words.get(
                    Word.MEDICINE_PARTLY,
                    "typed",
                    m.typed(),
                    "medicine",
                    med.id(),
                    "words",
                    String.join(" ", m.unclear()));
        }
        List<String> groups = med.groups().stream()
                .map(g -> s.groupNames().getOrDefault(g, g))
                .toList();
        String matched = m.typed() + " -> " + med.id();
        return groups.isEmpty() ? matched : matched + " (" + String.join(", ", groups) + ")";
    }

    /** How to answer a fact on the command line: "yes|no", the choices, or "..." for a number or list. */
    private static String answers(Sheets.Fact f, Screening s) {
        switch (f.type()) {
            case YES_NO:
                return "yes|no";
            case CHOICE:
                return f.key().equals(Facts.USE) ? uses(s).replace(", ", "|") : String.join("|", f.choices());
            default:
                return "...";
        }
    }

    private static String uses(Screening s) {
        return String.join(
                ", ",
                s.drug().sheet().get(SheetShapes.DRUG_USES).stream()
                        .map(u -> u.id())
                        .filter(id -> !id.isEmpty())
                        .toList());
    }

    private Block verdict(Screening s) {
        String findings = words.count(s.findings().size(), Word.FINDINGS_ONE, Word.FINDINGS_OTHER);
        String questions = words.count(s.unanswered().size(), Word.QUESTIONS_ONE, Word.QUESTIONS_OTHER);
        String label = words.get(Word.LABEL_VERDICT);
        switch (s.verdict()) {
            case DO_NOT_START:
                return new Callout(
                        Severity.URGENT, label, List.of(words.get(Word.VERDICT_DO_NOT_START, "findings", findings)));
            case CAUTION:
                return new Callout(
                        Severity.CAUTION, label, List.of(words.get(Word.VERDICT_CAUTION, "findings", findings)));
            case INCOMPLETE:
                return s.findings().isEmpty()
                        ? new Callout(
                                Severity.NOTE,
                                label,
                                List.of(words.get(Word.VERDICT_INCOMPLETE, "questions", questions)))
                        : new Callout(
                                Severity.CAUTION,
                                label,
                                List.of(words.get(
                                        Word.VERDICT_INCOMPLETE_FOUND,
                                        "cautions",
                                        cautions(s),
                                        "questions",
                                        questions)));
            default:
                return new Callout(Severity.NOTE, label, List.of(words.get(Word.VERDICT_CLEAR)));
        }
    }

    /**
     * A whole leaflet, in the EU leaflet's order: what it is and what it is for, before you take
     * it, how to take it, side effects, stopping; the sources close it.
     */
    public Document leaflet(Drug drug) {
        List<Section> sections = new ArrayList<>();
        List<Section> risks = new ArrayList<>(risks(drug).sections());
        // What to do at once comes first, on page 1, as medication guides put it.
        String urgent = words.get(Word.HEADING_URGENT_HELP);
        risks.stream().filter(s -> s.heading().equals(urgent)).findFirst().ifPresent(s -> {
            sections.add(s);
            risks.remove(s);
        });
        sections.addAll(infoSections(drug, false));
        sections.addAll(risks);
        sections.addAll(stop(drug).sections());
        return document(drug, Part.LEAFLET, sections);
    }

    /** The leaflet's closing section for a pharmacy with a phone: "Questions? Call us on ...". */
    public Section askUs(String phone) {
        return new Section(
                words.get(Word.HEADING_ASK_US), List.of(new Paragraph(words.get(Word.QUESTIONS_CALL, "phone", phone))));
    }

    /** The heading a frequency has on the EU leaflet scale. */
    String frequency(Frequency f) {
        switch (f) {
            case VERY_COMMON:
                return words.get(Word.FREQUENCY_VERY_COMMON);
            case COMMON:
                return words.get(Word.FREQUENCY_COMMON);
            case UNCOMMON:
                return words.get(Word.FREQUENCY_UNCOMMON);
            case RARE:
                return words.get(Word.FREQUENCY_RARE);
            default:
                return words.get(Word.FREQUENCY_NOT_KNOWN);
        }
    }

    private void sideEffects(SideEffects g, Consumer<Block> out) {
        String lead = words.get(g.serious() ? Word.SERIOUS : Word.NOT_SERIOUS) + ", " + frequency(g.howOften()) + ":";
        out.accept(new Bullets(lead, g.effects()));
        out.accept(new Term(words.get(Word.LABEL_WHAT_TO_DO), g.whatToDo()));
    }

    private Block use(Use u) {
        String status = status(u);
        String text =
                u.detail().isEmpty() ? status : words.get(Word.USE_WITH_DETAIL, "status", status, "detail", u.detail());
        return new Term(u.condition(), text);
    }

    /** A use's status in words: licensed, off-label or under study. */
    String status(Use u) {
        switch (u.status()) {
            case LICENSED:
                return words.get(Word.USE_LICENSED);
            case OFF_LABEL:
                return words.get(Word.USE_OFF_LABEL);
            default:
                return words.get(Word.USE_UNDER_STUDY);
        }
    }

    private static List<Block> bullets(List<String> items) {
        return items.isEmpty() ? List.of() : List.of(new Bullets("", items));
    }

    private void add(List<Section> sections, Word heading, List<Block> blocks) {
        if (!blocks.isEmpty()) {
            sections.add(new Section(words.get(heading), blocks));
        }
    }

    private void text(List<Section> sections, Word heading, String text) {
        if (!text.isEmpty()) {
            sections.add(new Section(words.get(heading), List.of(new Paragraph(text))));
        }
    }

    /** Wraps sections with the drug's title, review date, sources and the footer's words. */
    public Document document(Drug drug, Part part, List<Section> sections) {
        DrugSheet s = drug.sheet();
        String title = s.brands().isEmpty() ? s.name() : s.name() + " (" + String.join(", ", s.brands()) + ")";
        return new Document(
                s.id(),
                part.command,
                List.of(),
                title,
                words.get(part.title),
                List.copyOf(sections),
                drug.reviewed(),
                drug.sources().stream()
                        .map(r -> new Document.Reference(r.title(), r.url()))
                        .toList(),
                new Document.Footer(
                        words.get(Word.REVIEWED),
                        words.get(Word.SOURCES),
                        words.get(Word.DISCLAIMER),
                        approvals
                                .apply(drug)
                                .map(a -> words.get(Word.APPROVED, "by", a.by(), "date", a.on()))
                                .orElse(""),
                        words.get(Word.SOURCES_IN_FULL)),
                language);
    }
}
