package org.medcounsel.sheet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medcounsel.sheet.Shape.Bound;
import org.medcounsel.sheet.Sheets.ClassSheet;
import org.medcounsel.sheet.Sheets.DrugSheet;
import org.medcounsel.sheet.Sheets.Fact;
import org.medcounsel.sheet.Sheets.FactType;
import org.medcounsel.sheet.Sheets.Frequency;
import org.medcounsel.sheet.Sheets.Level;
import org.medcounsel.sheet.Sheets.Question;
import org.medcounsel.sheet.Sheets.Reminder;
import org.medcounsel.sheet.Sheets.Rule;
import org.medcounsel.sheet.Sheets.SideEffects;
import org.medcounsel.sheet.Sheets.Source;
import org.medcounsel.sheet.Sheets.Stopping;
import org.medcounsel.sheet.Sheets.Topic;
import org.medcounsel.sheet.Sheets.Use;
import org.medcounsel.sheet.Sheets.UseStatus;

/**
 * Turns the bytes of a data file into a typed sheet, or throws a {@link SheetException} listing every
 * problem. Either the whole sheet loads or nothing does.
 */
public final class SheetLoader {
    private SheetLoader() {}

    /** Loads {@code facts.yaml}. */
    public static Facts facts(String file, YamlNode tree) {
        List<Problem> problems = new ArrayList<>();
        Bound root = SheetShapes.FACTS.bind(file, tree, problems);
        failIf(problems);
        Map<String, Fact> facts = new LinkedHashMap<>();
        for (Bound f : root.objects("facts")) {
            FactType type = Sheets.fromWord(FactType.class, f.text("type"));
            String key = f.text("key");
            if (type != FactType.NUMBER && (f.has("min") || f.has("max") || f.has("unit"))) {
                problems.add(Problem.error(file, f.line(), "fact '" + key + "': unit, min and max are for numbers only"));
            }
            if (facts.put(key, new Fact(key, type, f.text("question"), f.text("unit"),
                    f.number("min").orElse(Double.NEGATIVE_INFINITY),
                    f.number("max").orElse(Double.POSITIVE_INFINITY))) != null) {
                problems.add(Problem.error(file, f.lineOf("key"), "fact '" + key + "' is defined twice"));
            }
        }
        failIf(problems);
        return new Facts(facts);
    }

    /** Loads a site file (the pharmacy on every leaflet) as the lines to print: name, address, phone. */
    public static List<String> site(String file, byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        Bound s = SheetShapes.SITE.bind(file, YamlReader.read(file, bytes), problems);
        failIf(problems);
        List<String> lines = new ArrayList<>();
        lines.add(s.text("name"));
        s.optText("address").ifPresent(lines::add);
        s.optText("phone").ifPresent(p -> lines.add("Phone: " + p));
        return List.copyOf(lines);
    }

    /** Loads a drug sheet whose file name says its id is {@code expectedId}. */
    public static DrugSheet drug(String file, YamlNode root, String expectedId, References refs) {
        List<Problem> problems = new ArrayList<>();
        Bound s = SheetShapes.DRUG.bind(file, root, problems);
        failIf(problems);
        checkId(s, expectedId, problems);
        if (s.has("class") && !refs.classExists().test(s.text("class"))) {
            problems.add(Problem.error(file, s.lineOf("class"), "class '" + s.text("class") + "' has no sheet in classes/"
                    + Names.didYouMean(s.text("class"), refs.classIds().get())));
        }
        Map<String, Source> sourceIds = sourceIds(s, problems);
        List<Use> uses = new ArrayList<>();
        for (Bound u : s.objects("uses")) {
            checkSourceRef(u, sourceIds, problems);
            uses.add(new Use(u.text("condition"), Sheets.fromWord(UseStatus.class, u.text("status")), u.text("detail"), u.text("source")));
        }
        List<Rule> screening = rules(s, sourceIds, refs.facts(), problems);
        failIf(problems);
        Bound stop = s.object("stopping");
        return new DrugSheet(s.text("id"), s.text("name"), s.texts("brands"), s.optText("class"), s.date("reviewed"),
                sources(s), s.text("summary"), List.copyOf(uses), s.texts("how-to-take"), s.text("missed-dose"),
                s.text("overdose"), s.text("starts-working"),
                s.objects("before-you-take").stream().map(t -> new Topic(t.text("topic"), t.text("text"))).toList(),
                s.text("storage"), s.texts("warnings"),
                s.objects("side-effects").stream().map(g -> new SideEffects(g.text("seriousness").equals("serious"),
                        Sheets.fromWord(Frequency.class, g.text("how-often")), g.texts("effects"), g.text("what-to-do"))).toList(),
                s.texts("urgent-help"), s.texts("monitoring"), s.texts("staying-safe"),
                new Stopping(stop.texts("advice"), stop.texts("pausing"), stop.texts("after")), screening);
    }

    /** Loads a class sheet whose file name says its id is {@code expectedId}. */
    public static ClassSheet drugClass(String file, YamlNode root, String expectedId, References refs) {
        List<Problem> problems = new ArrayList<>();
        Bound s = SheetShapes.CLASS.bind(file, root, problems);
        failIf(problems);
        checkId(s, expectedId, problems);
        Map<String, Source> sourceIds = sourceIds(s, problems);
        List<Rule> screening = rules(s, sourceIds, refs.facts(), problems);
        failIf(problems);
        return new ClassSheet(s.text("id"), s.text("name"), s.date("reviewed"), sources(s), s.text("summary"),
                s.texts("warnings"), s.texts("urgent-help"), s.texts("monitoring"), s.texts("staying-safe"),
                screening);
    }

    private static void failIf(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new SheetException(problems);
        }
    }

    private static void checkId(Bound s, String expectedId, List<Problem> problems) {
        if (!s.text("id").equals(expectedId)) {
            problems.add(Problem.error(s.file(), s.lineOf("id"), "id '" + s.text("id")
                    + "' does not match the file name '" + expectedId + ".yaml'"));
        }
    }

    private static List<Source> sources(Bound s) {
        return s.objects("sources").stream().map(o -> new Source(o.text("id"), o.text("title"), o.text("url"))).toList();
    }

    private static Map<String, Source> sourceIds(Bound s, List<Problem> problems) {
        Map<String, Source> ids = new LinkedHashMap<>();
        for (Bound o : s.objects("sources")) {
            if (ids.put(o.text("id"), new Source(o.text("id"), o.text("title"), o.text("url"))) != null) {
                problems.add(Problem.error(s.file(), o.lineOf("id"), "source id '" + o.text("id") + "' is used twice"));
            }
        }
        return ids;
    }

    private static Optional<Source> checkSourceRef(Bound o, Map<String, Source> sources, List<Problem> problems) {
        if (o.has("source") && !sources.containsKey(o.text("source"))) {
            problems.add(Problem.error(o.file(), o.lineOf("source"), "source '" + o.text("source")
                    + "' is not one of this sheet's sources" + Names.didYouMean(o.text("source"), sources.keySet())));
        }
        return Optional.ofNullable(sources.get(o.text("source")));
    }

    private static List<Rule> rules(Bound s, Map<String, Source> sources, Facts facts, List<Problem> problems) {
        List<Rule> rules = new ArrayList<>();
        for (Bound r : s.objects("screening")) {
            Optional<Source> source = checkSourceRef(r, sources, problems);
            rule(r, source, facts, problems).ifPresent(rules::add);
        }
        return List.copyOf(rules);
    }

    private static final List<String> BOUNDS = List.of("at-least", "at-most", "below", "above");

    private static Optional<Rule> rule(Bound r, Optional<Source> source, Facts facts, List<Problem> problems) {
        String file = r.file();
        if (r.has("reminder")) {
            for (String f : List.of("fact", "level", "advice", "at-least", "at-most", "below", "above", "includes")) {
                if (r.has(f)) {
                    problems.add(Problem.error(file, r.lineOf(f), "a reminder takes only 'reminder' and 'source', not '"
                            + f + "'"));
                }
            }
            return Optional.of(new Reminder(r.text("reminder"), source));
        }
        int before = problems.size();
        for (String f : List.of("fact", "level", "advice", "source")) {
            if (!r.has(f)) {
                problems.add(Problem.error(file, r.line(), "screening rule needs '" + f + "' (or write a 'reminder')"));
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        String key = r.text("fact");
        Optional<Fact> fact = facts.get(key);
        if (fact.isEmpty()) {
            problems.add(Problem.error(file, r.lineOf("fact"), "unknown fact '" + key + "'"
                    + Names.didYouMean(key, facts.byKey().keySet()) + "; facts are listed in facts.yaml"));
            return Optional.empty();
        }
        boolean hasBound = BOUNDS.stream().anyMatch(r::has);
        FactType type = fact.get().type();
        if (type == FactType.NUMBER && !hasBound) {
            problems.add(Problem.error(file, r.line(), "rule on number fact '" + key
                    + "' needs at-least, at-most, below or above"));
        }
        if (type != FactType.NUMBER && hasBound) {
            problems.add(Problem.error(file, r.line(), "at-least, at-most, below and above are for number facts; '"
                    + key + "' is " + Sheets.word(type)));
        }
        if (type == FactType.LIST && !r.has("includes")) {
            problems.add(Problem.error(file, r.line(), "rule on list fact '" + key + "' needs 'includes'"));
        }
        if (type != FactType.LIST && r.has("includes")) {
            problems.add(Problem.error(file, r.lineOf("includes"), "'includes' is for list facts; '" + key + "' is "
                    + Sheets.word(type)));
        }
        return Optional.of(new Question(key, Sheets.fromWord(Level.class, r.text("level")), r.text("advice"), source,
                r.number("at-least").orElse(Double.NaN), r.number("at-most").orElse(Double.NaN),
                r.number("below").orElse(Double.NaN), r.number("above").orElse(Double.NaN), r.texts("includes")));
    }
}
