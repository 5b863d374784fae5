package org.medcounsel.counsel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.medcounsel.doc.Document;
import org.medcounsel.doc.Document.Block;
import org.medcounsel.doc.Document.Bullets;
import org.medcounsel.doc.Document.Callout;
import org.medcounsel.doc.Document.Paragraph;
import org.medcounsel.doc.Document.Section;
import org.medcounsel.doc.Document.Severity;
import org.medcounsel.doc.Document.Term;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Sheets;
import org.medcounsel.sheet.Sheets.DrugSheet;
import org.medcounsel.sheet.Sheets.Frequency;
import org.medcounsel.sheet.Sheets.Level;
import org.medcounsel.sheet.Sheets.Reminder;
import org.medcounsel.sheet.Sheets.SideEffects;
import org.medcounsel.sheet.Sheets.Use;

/**
 * Builds the counselling documents from a drug's sheet. The words about the medicine all come from
 * the sheet; this class only chooses the order and the headings.
 */
public final class Guidance {
    /** Shown at the foot of every document. */
    public static final String DISCLAIMER =
            "This guidance supports, and does not replace, the advice of the prescriber.";

    private Guidance() {}

    /** The parts of the guidance, one per counselling command. */
    public enum Part {
        INFO("info", "About this medicine"), RISKS("risks", "Side effects and risks"),
        STOP("stop", "Stopping and pausing"), SCREEN("screen", "Before starting: screening"),
        LEAFLET("leaflet", "Patient leaflet");

        public final String command;
        public final String title;

        Part(String command, String title) {
            this.command = command;
            this.title = title;
        }
    }

    /** What it is, what it is for, how to take it, missed dose, when it works. */
    public static Document info(Drug drug) {
        DrugSheet s = drug.sheet();
        List<Section> sections = new ArrayList<>();
        List<Block> what = new ArrayList<>();
        what.add(new Paragraph(s.summary()));
        drug.drugClass().ifPresent(c -> what.add(new Term(c.name(), c.summary())));
        sections.add(new Section("What it is", what));
        sections.add(new Section("What it is used for", s.uses().stream().map(Guidance::use).toList()));
        add(sections, "Before you take it", s.beforeYouTake().stream()
                .map(t -> (Block) new Term(t.topic(), t.text())).toList());
        sections.add(new Section("How to take it", List.of(new Bullets("", s.howToTake()))));
        sections.add(new Section("If you miss a dose", List.of(new Paragraph(s.missedDose()))));
        sections.add(new Section("If you take too much", List.of(new Paragraph(s.overdose()))));
        text(sections, "When it starts to work", s.startsWorking());
        text(sections, "How to store it", s.storage());
        return document(drug, Part.INFO, sections);
    }

    /** Warnings, side effects by seriousness, urgent warning signs, monitoring, everyday safety. */
    public static Document risks(Drug drug) {
        List<Section> sections = new ArrayList<>();
        add(sections, "Important warnings", drug.warnings().isEmpty() ? List.of()
                : List.of(new Callout(Severity.CAUTION, "Warning", drug.warnings())));
        List<Block> urgent = drug.urgentHelp().isEmpty() ? List.of()
                : List.of(new Callout(Severity.URGENT, "Get help at once", drug.urgentHelp()));
        add(sections, "Get urgent help if you have", urgent);
        List<Block> effects = new ArrayList<>();
        for (boolean serious : new boolean[] {true, false}) {
            drug.sheet().sideEffects().stream().filter(g -> g.serious() == serious)
                    .sorted((a, b) -> a.howOften().compareTo(b.howOften()))
                    .forEach(g -> sideEffects(g, effects::add));
        }
        add(sections, "Side effects", effects);
        add(sections, "Checks and tests", bullets(drug.monitoring()));
        add(sections, "Staying safe", bullets(drug.stayingSafe()));
        return document(drug, Part.RISKS, sections);
    }

    /** Stopping and pausing: why not to stop alone, pauses, what happens after. */
    public static Document stop(Drug drug) {
        var stopping = drug.sheet().stopping();
        List<Section> sections = new ArrayList<>();
        add(sections, "Before you stop", bullets(stopping.advice()));
        add(sections, "When it may be paused", bullets(stopping.pausing()));
        add(sections, "After stopping", bullets(stopping.after()));
        return document(drug, Part.STOP, sections);
    }

    /**
     * Screening for one patient: findings first (highest level first), then every question with
     * its answer, the pharmacist's reminders, and the verdict.
     */
    public static Document screening(Screening screening) {
        List<Section> sections = new ArrayList<>();
        List<Block> findings = new ArrayList<>();
        for (Screening.Item item : screening.findings()) {
            boolean stop = item.rule().level() == Level.DO_NOT_START;
            List<String> lines = new ArrayList<>();
            lines.add(item.fact().question() + " Answer: " + item.answer().orElseThrow().shown(item.fact().unit())
                    + ". Flagged when: " + item.condition() + ".");
            lines.add(item.rule().advice());
            item.source().ifPresent(s -> lines.add("Source: " + s.title()));
            findings.add(new Callout(stop ? Severity.URGENT : Severity.CAUTION, stop ? "Do not start" : "Caution",
                    lines));
        }
        add(sections, "Findings", findings);
        List<String> questions = new ArrayList<>();
        screening.questions().forEach((fact, answer) -> questions.add(fact.question() + " Answer: "
                + answer.map(a -> a.shown(fact.unit())).orElse("not asked") + "."));
        add(sections, "Questions", bullets(questions));
        add(sections, "Reminders for the pharmacist",
                bullets(screening.reminders().stream().map(Reminder::text).toList()));
        sections.add(new Section("Verdict", List.of(verdict(screening))));
        return document(screening.drug(), Part.SCREEN, sections);
    }

    private static Block verdict(Screening s) {
        int findings = s.findings().size();
        String things = findings == 1 ? "1 finding" : findings + " findings";
        switch (s.verdict()) {
            case DO_NOT_START:
                return new Callout(Severity.URGENT, "Verdict", List.of("do not start: " + things
                        + ", at least one rules this medicine out until the prescriber has reviewed it."));
            case CAUTION:
                return new Callout(Severity.CAUTION, "Verdict", List.of("caution: " + things
                        + " to discuss with the prescriber before starting."));
            case INCOMPLETE:
                int open = s.unanswered().size();
                return new Callout(Severity.NOTE, "Verdict", List.of("incomplete: " + open
                        + (open == 1 ? " question" : " questions") + " not asked; nothing flagged so far."));
            default:
                return new Callout(Severity.NOTE, "Verdict", List.of("clear: every question answered and nothing "
                        + "flagged. Do the reminders before the first dose."));
        }
    }

    /** The stable JSON shape of a screening, for scripts and pharmacy systems (see README). */
    public static Map<String, Object> screeningTree(Screening s) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("drug", s.drug().id());
        tree.put("verdict", Sheets.word(s.verdict()));
        List<Object> items = new ArrayList<>();
        for (Screening.Item i : s.items()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("fact", i.fact().key());
            item.put("type", Sheets.word(i.fact().type()));
            item.put("question", i.fact().question());
            item.put("answer", i.answer().map(Answer::value).orElse(null));
            item.put("level", Sheets.word(i.rule().level()));
            item.put("flagged", i.flagged());
            item.put("when", i.condition());
            item.put("advice", i.rule().advice());
            item.put("source", source(i.source()));
            items.add(item);
        }
        tree.put("items", items);
        tree.put("reminders", s.reminders().stream().map(r -> {
            Map<String, Object> reminder = new LinkedHashMap<>();
            reminder.put("text", r.text());
            reminder.put("source", source(r.source()));
            return reminder;
        }).toList());
        tree.put("reviewed", s.drug().reviewed().toString());
        return tree;
    }

    private static Object source(java.util.Optional<org.medcounsel.sheet.Sheets.Source> source) {
        return source.map(src -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", src.title());
            m.put("url", src.url());
            return m;
        }).orElse(null);
    }

    /**
     * A whole leaflet, in the EU leaflet's order: what it is and what it is for, before you take
     * it, how to take it, side effects, stopping; the sources close it.
     */
    public static Document leaflet(Drug drug) {
        List<Section> sections = new ArrayList<>();
        sections.addAll(info(drug).sections());
        sections.addAll(risks(drug).sections());
        sections.addAll(stop(drug).sections());
        return document(drug, Part.LEAFLET, sections);
    }

    /** The heading a frequency has on the EU leaflet scale. */
    static String frequency(Frequency f) {
        switch (f) {
            case VERY_COMMON: return "very common (more than 1 in 10 people)";
            case COMMON: return "common (up to 1 in 10 people)";
            case UNCOMMON: return "uncommon (up to 1 in 100 people)";
            case RARE: return "rare (up to 1 in 1,000 people)";
            default: return "how often is not known";
        }
    }

    private static void sideEffects(SideEffects g, Consumer<Block> out) {
        String lead = (g.serious() ? "Serious" : "Less serious") + ", " + frequency(g.howOften()) + ":";
        out.accept(new Bullets(lead, g.effects()));
        out.accept(new Term("What to do", g.whatToDo()));
    }

    private static Block use(Use u) {
        String status;
        switch (u.status()) {
            case LICENSED: status = "licensed use"; break;
            case OFF_LABEL: status = "off-label: not a licensed use"; break;
            default: status = "under study: not a licensed use"; break;
        }
        String text = u.detail().isEmpty() ? status : status + ". " + u.detail();
        return new Term(u.condition(), text);
    }

    private static List<Block> bullets(List<String> items) {
        return items.isEmpty() ? List.of() : List.of(new Bullets("", items));
    }

    private static void add(List<Section> sections, String heading, List<Block> blocks) {
        if (!blocks.isEmpty()) {
            sections.add(new Section(heading, blocks));
        }
    }

    private static void text(List<Section> sections, String heading, String text) {
        if (!text.isEmpty()) {
            sections.add(new Section(heading, List.of(new Paragraph(text))));
        }
    }

    /** Wraps sections with the drug's title, review date, sources and the disclaimer. */
    public static Document document(Drug drug, Part part, List<Section> sections) {
        DrugSheet s = drug.sheet();
        String title = s.brands().isEmpty() ? s.name() : s.name() + " (" + String.join(", ", s.brands()) + ")";
        return new Document(s.id(), part.command, List.of(), title, part.title, List.copyOf(sections), drug.reviewed(),
                drug.sources().stream().map(r -> new Document.Reference(r.title(), r.url())).toList(), DISCLAIMER);
    }
}
