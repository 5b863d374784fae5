package org.medcounsel.sheet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medcounsel.sheet.Shape.Bound;
import org.medcounsel.sheet.Sheets.ClassSheet;
import org.medcounsel.sheet.Sheets.DrugSheet;
import org.medcounsel.sheet.Sheets.Fact;
import org.medcounsel.sheet.Sheets.FactType;
import org.medcounsel.sheet.Sheets.Question;
import org.medcounsel.sheet.Sheets.Reminder;
import org.medcounsel.sheet.Sheets.Rule;
import org.medcounsel.sheet.Sheets.Source;

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
        for (Bound f : root.get(SheetShapes.FACTS_FACTS)) {
            FactType type = f.get(SheetShapes.FACT_TYPE);
            String key = f.get(SheetShapes.FACT_KEY);
            if (type != FactType.NUMBER
                    && (f.has(SheetShapes.FACT_MIN) || f.has(SheetShapes.FACT_MAX) || f.has(SheetShapes.FACT_UNIT))) {
                problems.add(
                        Problem.error(file, f.line(), "fact '" + key + "': unit, min and max are for numbers only"));
            }
            if (type != FactType.CHOICE && f.has(SheetShapes.FACT_CHOICES)) {
                problems.add(Problem.error(
                        file, f.lineOf(SheetShapes.FACT_CHOICES), "fact '" + key + "': choices are for choice facts"));
            }
            if (type != FactType.NUMBER && f.has(SheetShapes.FACT_STAND_IN)) {
                problems.add(Problem.error(
                        file, f.lineOf(SheetShapes.FACT_STAND_IN), "fact '" + key + "': a stand-in is for numbers"));
            }
            if (facts.put(
                            key,
                            new Fact(
                                    key,
                                    type,
                                    f.get(SheetShapes.FACT_QUESTION),
                                    f.get(SheetShapes.FACT_UNIT),
                                    f.get(SheetShapes.FACT_MIN),
                                    f.get(SheetShapes.FACT_MAX),
                                    f.get(SheetShapes.FACT_CHOICES),
                                    f.get(SheetShapes.FACT_STAND_IN)))
                    != null) {
                problems.add(
                        Problem.error(file, f.lineOf(SheetShapes.FACT_KEY), "fact '" + key + "' is defined twice"));
            }
        }
        failIf(problems);
        return new Facts(facts);
    }

    /**
     * Loads a {@code medicines.yaml} over the files loaded before it (lower data folders): it may
     * add medicines, names and group members, never weaken what a lower file says. An entry with
     * a lower medicine's id extends it (its names and groups are added); one that lists groups
     * must list every group the lower entry gives; a name may belong to one medicine only; a group a lower file defines
     * may be repeated only as it is (its name is what a match is shown as).
     *
     * @param definedIn the last file that gave each medicine, by id (kept up to date here)
     */
    public static void medicines(
            String file,
            YamlNode tree,
            Map<String, Medicines.Medicine> medicines,
            Map<String, List<String>> names,
            Map<String, Medicines.Group> groups,
            Map<String, String> definedIn) {
        List<Problem> problems = new ArrayList<>();
        Bound root = SheetShapes.MEDICINES.bind(file, tree, problems);
        failIf(problems);
        for (Bound g : root.get(SheetShapes.MEDICINES_GROUPS)) {
            String id = g.get(SheetShapes.GROUP_ID);
            Medicines.Group group = new Medicines.Group(id, g.get(SheetShapes.GROUP_NAME));
            Medicines.Group before = groups.get(id);
            if (before != null && !before.equals(group)) {
                // The name is what every match is shown as ("strong CYP3A4 inhibitor"): renaming it
                // would change what the bundled rules say about every member.
                problems.add(Problem.error(
                        file,
                        g.lineOf(SheetShapes.GROUP_NAME),
                        "the group '" + id + "' is already defined, as '" + before.name()
                                + "', by a lower data folder; a site may add members to it but not rename it"
                                + " (give the group a new id)"));
                continue;
            }
            groups.put(id, group);
        }
        // Which medicine each name (as names are keyed) belongs to, before this file.
        Map<String, String> owner = new HashMap<>();
        names.forEach((id, all) -> all.forEach(n -> owner.putIfAbsent(Medicines.key(n), id)));
        Set<String> inThisFile = new HashSet<>();
        for (Bound m : root.get(SheetShapes.MEDICINES_MEDICINES)) {
            String id = m.get(SheetShapes.MEDICINE_ID);
            for (String group : m.get(SheetShapes.MEDICINE_GROUPS)) {
                if (!groups.containsKey(group)) {
                    problems.add(Problem.error(
                            file,
                            m.lineOf(SheetShapes.MEDICINE_GROUPS),
                            "medicine '" + id + "' names the group '" + group + "', which is not defined"
                                    + Names.didYouMean(group, groups.keySet())));
                }
            }
            if (!inThisFile.add(id)) {
                problems.add(Problem.error(
                        file, m.lineOf(SheetShapes.MEDICINE_ID), "medicine '" + id + "' is listed twice"));
            }
            Medicines.Medicine lower = medicines.get(id);
            String lowerFile = definedIn.getOrDefault(id, file);
            List<String> groupIds = new ArrayList<>(m.get(SheetShapes.MEDICINE_GROUPS));
            if (lower != null && !lowerFile.equals(file)) {
                List<String> left = lower.groups().stream()
                        .filter(g -> !groupIds.contains(g))
                        .toList();
                // No groups at all: an entry that only adds names. A list that leaves one out looks
                // meant to remove it, which a site may not do.
                if (m.has(SheetShapes.MEDICINE_GROUPS) && !left.isEmpty()) {
                    problems.add(Problem.error(
                            file,
                            m.lineOf(SheetShapes.MEDICINE_GROUPS),
                            "medicine '" + id + "' leaves out " + (left.size() == 1 ? "the group '" : "the groups '")
                                    + String.join("', '", left) + "' that " + lowerFile
                                    + " gives it; a site may add groups to a medicine, never remove one"
                                    + " (list every group it has, then yours)"));
                }
                lower.groups().stream().filter(g -> !groupIds.contains(g)).forEach(groupIds::add);
            }
            List<String> all = new ArrayList<>(lower == null ? List.of(id) : names.get(id));
            for (Shape.Field<List<String>> field : List.of(SheetShapes.MEDICINE_ALSO, SheetShapes.MEDICINE_BRANDS)) {
                for (String name : m.get(field)) {
                    String other = owner.get(Medicines.key(name));
                    if (other != null && !other.equals(id)) {
                        problems.add(Problem.error(
                                file,
                                m.lineOf(field),
                                "the name '" + name + "' of medicine '" + id + "' is already a name of '" + other
                                        + "' in " + definedIn.getOrDefault(other, file)
                                        + "; a name must find one medicine"));
                    }
                    if (!all.contains(name)) all.add(name);
                }
            }
            String idOwner = owner.get(Medicines.key(id));
            if (idOwner != null && !idOwner.equals(id)) {
                problems.add(Problem.error(
                        file,
                        m.lineOf(SheetShapes.MEDICINE_ID),
                        "the id '" + id + "' is already a name of '" + idOwner + "' in "
                                + definedIn.getOrDefault(idOwner, file) + "; a name must find one medicine"));
            }
            medicines.put(id, new Medicines.Medicine(id, List.copyOf(groupIds)));
            names.put(id, all);
            definedIn.put(id, file);
        }
        failIf(problems);
    }

    /** Loads a site's {@code approvals.yaml} into {@code into}, by drug id (a later file's entry wins). */
    public static void approvals(String file, YamlNode tree, Map<String, Approval> into) {
        List<Problem> problems = new ArrayList<>();
        Bound root = SheetShapes.APPROVALS.bind(file, tree, problems);
        failIf(problems);
        for (Bound a : root.get(SheetShapes.APPROVALS_APPROVALS)) {
            String lang = a.get(SheetShapes.APPROVAL_TRANSLATION);
            if (!lang.isEmpty() && Language.normalise(lang).isEmpty()) {
                problems.add(Problem.error(
                        file, a.lineOf(SheetShapes.APPROVAL_TRANSLATION), "'" + lang + "' is not a language tag"));
                failIf(problems);
            }
            into.put(
                    a.get(SheetShapes.APPROVAL_DRUG)
                            + (lang.isEmpty()
                                    ? ""
                                    : "." + Language.normalise(lang).get()),
                    new Approval(
                            a.get(SheetShapes.APPROVAL_DRUG),
                            a.get(SheetShapes.APPROVAL_BY),
                            a.get(SheetShapes.APPROVAL_ON),
                            file,
                            a.line()));
        }
    }

    /** Loads a {@code synonyms.yaml}: its groups of words, added to {@code into}. */
    public static void synonyms(String file, YamlNode tree, List<List<String>> into) {
        List<Problem> problems = new ArrayList<>();
        Bound root = SheetShapes.SYNONYMS.bind(file, tree, problems);
        failIf(problems);
        for (Bound g : root.get(SheetShapes.SYNONYMS_GROUPS)) {
            into.add(g.get(SheetShapes.SYNONYM_GROUP_WORDS));
        }
    }

    /** Loads a {@code words.yaml}: the words it gives, each by its key. */
    public static Map<Word, String> words(String file, YamlNode tree) {
        return words(file, tree, Map.of());
    }

    /**
     * Loads a {@code words.yaml} over a lower one: as {@link #words(String, YamlNode)}, and each
     * word {@code verdictNames} names must still begin with that verdict name ("clear:"). A site
     * may reword a verdict sentence, never the verdict it states: the name is what a patient reads
     * first, and it must say what the exit code and the JSON say.
     */
    public static Map<Word, String> words(String file, YamlNode tree, Map<Word, String> verdictNames) {
        List<Problem> problems = new ArrayList<>();
        Bound root = SheetShapes.WORDS.bind(file, tree, problems);
        failIf(problems);
        Map<Word, String> words = new EnumMap<>(Word.class);
        SheetShapes.WORD_FIELDS.forEach((word, field) -> {
            if (!root.has(field)) return;
            String text = root.get(field);
            String name = verdictNames.get(word);
            if (name != null && !text.strip().toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT))) {
                problems.add(Problem.error(
                        file,
                        root.lineOf(field),
                        "'" + word.key() + "' must begin with the verdict name '" + name
                                + "': a site may reword a verdict sentence, not the verdict it states"));
            }
            words.put(word, text);
        });
        problems.sort(Comparator.comparingInt(Problem::line));
        failIf(problems);
        return words;
    }

    /** The keys of the words that state a verdict: the sentence and the first line of a screening. */
    private static final Pattern VERDICT_WORD = Pattern.compile("(verdict|summary)-.*");

    /** A verdict name and its colon at the start of a sentence ("do not start:", "不要开始用药："). */
    private static final Pattern VERDICT_NAME = Pattern.compile("^([^:\uFF1A{}]+[:\uFF1A])");

    /**
     * The verdict name each verdict word of {@code words} begins with ("clear:" for
     * {@code verdict-clear}), for the words that state one; read from the bundled words, so a key
     * added there is covered without a change here.
     */
    public static Map<Word, String> verdictNames(Map<Word, String> words) {
        Map<Word, String> names = new EnumMap<>(Word.class);
        words.forEach((word, text) -> {
            Matcher m = VERDICT_NAME.matcher(text.strip());
            if (VERDICT_WORD.matcher(word.key()).matches() && m.find()) names.put(word, m.group(1));
        });
        return names;
    }

    /** Loads a site file (the pharmacy on every leaflet) as the lines to print: name, address, phone. */
    /**
     * A config file's settings, its YAML tree kept packed in the cache folder (when there is a
     * usable one) so that a run with a config file does not load the YAML parser: every command
     * reads the file. Empty when the file is not there.
     */
    public static Optional<Sheets.Settings> settings(Path path, Optional<Path> cacheDir) {
        Optional<SheetFile> file = FolderShelf.file(path, path.toString());
        if (file.isEmpty()) return Optional.empty();
        if (!Files.isReadable(path)) {
            throw new SheetException(path.toString(), 0, "cannot read the config file: permission denied");
        }
        byte[] bytes = file.get().bytes();
        if (bytes.length > 64 * 1024) {
            throw new SheetException(path.toString(), 0, "too large for a config file (over 64 KiB)");
        }
        if (commentsOnly(bytes)) return Optional.of(settings(path.toString(), bytes));
        Optional<Path> dir = cacheDir.filter(CacheFolder::usable);
        YamlNode tree = dir.isPresent()
                ? PackedTree.cached(dir.get(), file.get())
                : file.get().tree();
        return Optional.of(settings(path.toString(), tree));
    }

    private static boolean commentsOnly(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8)
                .lines()
                .allMatch(l ->
                        l.isBlank() || l.strip().startsWith("#") || l.strip().equals("---"));
    }

    /** A config file's settings: each problem with its line (unknown keys and wrong types first). */
    public static Sheets.Settings settings(String file, byte[] bytes) {
        if (commentsOnly(bytes)) {
            return new Sheets.Settings(List.of(), null, null, null, null, null, null, null, null, Map.of());
        }
        return settings(file, YamlReader.read(file, bytes));
    }

    private static Sheets.Settings settings(String file, YamlNode root) {
        List<Problem> problems = new ArrayList<>();
        Bound s = SheetShapes.CONFIG.bind(file, root, problems);
        failIf(problems); // a value of the wrong type cannot be read further
        Integer width = null;
        if (s.has(SheetShapes.CONFIG_WIDTH)) {
            double w = s.get(SheetShapes.CONFIG_WIDTH);
            if (w != Math.rint(w) || w < 20 || w > 400) {
                problems.add(Problem.error(
                        file, s.lineOf(SheetShapes.CONFIG_WIDTH), "width must be a whole number from 20 to 400"));
            } else {
                width = (int) w;
            }
        }
        String lang = null;
        if (s.has(SheetShapes.CONFIG_LANG)) {
            lang = Language.normalise(s.get(SheetShapes.CONFIG_LANG)).orElse(null);
            if (lang == null) {
                problems.add(Problem.error(
                        file,
                        s.lineOf(SheetShapes.CONFIG_LANG),
                        "lang must be a language tag, such as en, es or zh-Hans"));
            }
        }
        failIf(problems);
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (Shape.Field<?> f : List.of(
                SheetShapes.CONFIG_DATA,
                SheetShapes.CONFIG_SITE,
                SheetShapes.CONFIG_TEMPLATES,
                SheetShapes.CONFIG_WIDTH,
                SheetShapes.CONFIG_COLOR,
                SheetShapes.CONFIG_PAGER,
                SheetShapes.CONFIG_PAPER,
                SheetShapes.CONFIG_PHARMACIST,
                SheetShapes.CONFIG_LANG)) {
            if (s.has(f)) lines.put(f.name(), s.lineOf(f));
        }
        return new Sheets.Settings(
                s.get(SheetShapes.CONFIG_DATA),
                s.has(SheetShapes.CONFIG_SITE) ? s.get(SheetShapes.CONFIG_SITE) : null,
                s.has(SheetShapes.CONFIG_TEMPLATES) ? s.get(SheetShapes.CONFIG_TEMPLATES) : null,
                width,
                s.has(SheetShapes.CONFIG_COLOR) ? s.get(SheetShapes.CONFIG_COLOR) : null,
                s.has(SheetShapes.CONFIG_PAGER) ? s.get(SheetShapes.CONFIG_PAGER) : null,
                s.has(SheetShapes.CONFIG_PAPER) ? s.get(SheetShapes.CONFIG_PAPER) : null,
                s.has(SheetShapes.CONFIG_PHARMACIST) ? s.get(SheetShapes.CONFIG_PHARMACIST) : null,
                lang,
                lines);
    }

    public static Sheets.Site site(String file, byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        Bound s = SheetShapes.SITE.bind(file, YamlReader.read(file, bytes), problems);
        failIf(problems);
        return new Sheets.Site(
                s.get(SheetShapes.SITE_NAME),
                s.get(SheetShapes.SITE_ADDRESS),
                s.get(SheetShapes.SITE_PHONE),
                s.get(SheetShapes.SITE_WEBSITE),
                s.get(SheetShapes.SITE_OPENING_HOURS),
                s.get(SheetShapes.SITE_LOGO),
                s.lineOf(SheetShapes.SITE_LOGO));
    }

    /** Loads a drug sheet whose file name says its id is {@code expectedId}. */
    public static DrugSheet drug(String file, YamlNode root, String expectedId, References refs) {
        List<Problem> problems = new ArrayList<>();
        Bound s = SheetShapes.DRUG.bind(file, root, problems);
        failIf(problems);
        checkId(s, SheetShapes.DRUG_ID, expectedId, problems);
        String drugClass = s.get(SheetShapes.DRUG_CLASS);
        if (s.has(SheetShapes.DRUG_CLASS) && !refs.classExists().test(drugClass)) {
            problems.add(Problem.error(
                    file,
                    s.lineOf(SheetShapes.DRUG_CLASS),
                    "class '" + drugClass + "' has no sheet in classes/"
                            + Names.didYouMean(drugClass, refs.classIds().get())));
        }
        Map<String, Source> sourceIds = sourceIds(s, SheetShapes.DRUG_SOURCES, problems);
        Set<String> useIds = new LinkedHashSet<>();
        for (Bound u : s.objects(SheetShapes.DRUG_USES)) {
            checkSourceRef(u, SheetShapes.USE_SOURCE, sourceIds, problems);
            if (u.has(SheetShapes.USE_ID) && !useIds.add(u.get(SheetShapes.USE_ID))) {
                problems.add(Problem.error(
                        file,
                        u.lineOf(SheetShapes.USE_ID),
                        "use id '" + u.get(SheetShapes.USE_ID) + "' is used twice"));
            }
        }
        List<Rule> screening =
                rules(s.get(SheetShapes.DRUG_SCREENING), sourceIds, refs.facts(), Optional.of(useIds), problems);
        failIf(problems);
        return new DrugSheet(s, screening);
    }

    /** Loads a class sheet whose file name says its id is {@code expectedId}. */
    public static ClassSheet drugClass(String file, YamlNode root, String expectedId, References refs) {
        List<Problem> problems = new ArrayList<>();
        Bound s = SheetShapes.CLASS.bind(file, root, problems);
        failIf(problems);
        checkId(s, SheetShapes.CLASS_ID, expectedId, problems);
        Map<String, Source> sourceIds = sourceIds(s, SheetShapes.CLASS_SOURCES, problems);
        List<Rule> screening =
                rules(s.get(SheetShapes.CLASS_SCREENING), sourceIds, refs.facts(), Optional.empty(), problems);
        failIf(problems);
        return new ClassSheet(s, screening);
    }

    private static void failIf(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new SheetException(problems);
        }
    }

    private static void checkId(Bound s, Shape.Field<String> idField, String expectedId, List<Problem> problems) {
        if (!s.get(idField).equals(expectedId)) {
            problems.add(Problem.error(
                    s.file(),
                    s.lineOf(idField),
                    "id '" + s.get(idField) + "' does not match the file name '" + expectedId + ".yaml'"));
        }
    }

    private static Map<String, Source> sourceIds(Bound s, Shape.Field<List<Source>> field, List<Problem> problems) {
        Map<String, Source> ids = new LinkedHashMap<>();
        List<Source> sources = s.get(field);
        List<Bound> written = s.objects(field);
        for (int i = 0; i < sources.size(); i++) {
            Source source = sources.get(i);
            if (ids.put(source.id(), source) != null) {
                problems.add(Problem.error(
                        s.file(),
                        written.get(i).lineOf(SheetShapes.SOURCE_ID),
                        "source id '" + source.id() + "' is used twice"));
            }
        }
        return ids;
    }

    private static Optional<Source> checkSourceRef(
            Bound o, Shape.Field<String> field, Map<String, Source> sources, List<Problem> problems) {
        String id = o.get(field);
        if (o.has(field) && !sources.containsKey(id)) {
            problems.add(Problem.error(
                    o.file(),
                    o.lineOf(field),
                    "source '" + id + "' is not one of this sheet's sources" + Names.didYouMean(id, sources.keySet())));
        }
        return Optional.ofNullable(sources.get(id));
    }

    /** {@code useIds}: the drug's use ids that rules may name; empty for a class (its drugs' uses vary). */
    private static List<Rule> rules(
            List<Bound> given,
            Map<String, Source> sources,
            Facts facts,
            Optional<Set<String>> useIds,
            List<Problem> problems) {
        List<Rule> rules = new ArrayList<>();
        for (Bound r : given) {
            Optional<Source> source = checkSourceRef(r, SheetShapes.RULE_SOURCE, sources, problems);
            useIds.ifPresent(ids -> {
                List<String> named = new ArrayList<>(r.get(SheetShapes.RULE_USES));
                if (r.get(SheetShapes.RULE_FACT).equals(Facts.USE)) named.addAll(r.get(SheetShapes.RULE_IS));
                for (String use : named) {
                    if (!ids.contains(use)) {
                        problems.add(Problem.error(
                                r.file(),
                                r.lineOf(r.has(SheetShapes.RULE_USES) ? SheetShapes.RULE_USES : SheetShapes.RULE_IS),
                                "'" + use + "' is not the id of one of this sheet's uses"
                                        + Names.didYouMean(use, ids)));
                    }
                }
            });
            rule(r, source, facts, problems).ifPresent(rules::add);
        }
        return List.copyOf(rules);
    }

    private static final List<Shape.Field<Double>> BOUNDS = List.of(
            SheetShapes.RULE_AT_LEAST, SheetShapes.RULE_AT_MOST, SheetShapes.RULE_BELOW, SheetShapes.RULE_ABOVE);

    /** A range that no answer could ever fall in: crossed bounds, or outside the fact's own range. */
    private static void impossibleBounds(Bound r, Fact fact, List<Problem> problems) {
        double low = Math.max(
                nanAs(r.get(SheetShapes.RULE_AT_LEAST), -Double.MAX_VALUE),
                nanAs(r.get(SheetShapes.RULE_ABOVE), -Double.MAX_VALUE));
        double high = Math.min(
                nanAs(r.get(SheetShapes.RULE_AT_MOST), Double.MAX_VALUE),
                nanAs(r.get(SheetShapes.RULE_BELOW), Double.MAX_VALUE));
        boolean open = r.has(SheetShapes.RULE_ABOVE) || r.has(SheetShapes.RULE_BELOW);
        String why = null;
        if (low > high || (low == high && open)) {
            why = "its bounds cross, so no answer can match";
        } else if (low > fact.max() || (low == fact.max() && r.has(SheetShapes.RULE_ABOVE))) {
            why = "'" + fact.key() + "' is at most " + Sheets.shown(fact.max()) + ", so no answer can match";
        } else if (high < fact.min() || (high == fact.min() && r.has(SheetShapes.RULE_BELOW))) {
            why = "'" + fact.key() + "' is at least " + Sheets.shown(fact.min()) + ", so no answer can match";
        }
        if (why != null) {
            problems.add(Problem.error(r.file(), r.line(), "this rule can never match: " + why));
        }
    }

    private static double nanAs(double value, double instead) {
        return Double.isNaN(value) ? instead : value;
    }

    private static Optional<Rule> rule(Bound r, Optional<Source> source, Facts facts, List<Problem> problems) {
        String file = r.file();
        if (r.has(SheetShapes.RULE_REMINDER)) {
            for (Shape.Field<?> f : SheetShapes.RULE.fields()) {
                if (f != SheetShapes.RULE_REMINDER && f != SheetShapes.RULE_SOURCE && r.has(f)) {
                    problems.add(Problem.error(
                            file,
                            r.lineOf(f),
                            "a reminder takes only 'reminder' and 'source', not '" + f.name() + "'"));
                }
            }
            return Optional.of(new Reminder(r.get(SheetShapes.RULE_REMINDER), source));
        }
        int before = problems.size();
        for (Shape.Field<?> f : List.of(
                SheetShapes.RULE_FACT, SheetShapes.RULE_LEVEL, SheetShapes.RULE_ADVICE, SheetShapes.RULE_SOURCE)) {
            if (!r.has(f)) {
                problems.add(Problem.error(
                        file, r.line(), "screening rule needs '" + f.name() + "' (or write a 'reminder')"));
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        String key = r.get(SheetShapes.RULE_FACT);
        Optional<Fact> fact = facts.get(key);
        if (fact.isEmpty()) {
            problems.add(Problem.error(
                    file,
                    r.lineOf(SheetShapes.RULE_FACT),
                    "unknown fact '" + key + "'"
                            + Names.didYouMean(key, facts.byKey().keySet()) + "; facts are listed in facts.yaml"));
            return Optional.empty();
        }
        boolean hasBound = BOUNDS.stream().anyMatch(r::has);
        FactType type = fact.get().type();
        if (type == FactType.NUMBER && hasBound) {
            impossibleBounds(r, fact.get(), problems);
        }
        if (type == FactType.NUMBER && !hasBound) {
            problems.add(Problem.error(
                    file, r.line(), "rule on number fact '" + key + "' needs at-least, at-most, below or above"));
        }
        if (type != FactType.NUMBER && hasBound) {
            problems.add(Problem.error(
                    file,
                    r.line(),
                    "at-least, at-most, below and above are for number facts; '" + key + "' is " + Sheets.word(type)));
        }
        if (type == FactType.LIST && !r.has(SheetShapes.RULE_INCLUDES)) {
            problems.add(Problem.error(file, r.line(), "rule on list fact '" + key + "' needs 'includes'"));
        }
        if (type == FactType.CHOICE && !r.has(SheetShapes.RULE_IS)) {
            problems.add(Problem.error(file, r.line(), "rule on choice fact '" + key + "' needs 'is'"));
        }
        if (type != FactType.CHOICE && r.has(SheetShapes.RULE_IS)) {
            problems.add(Problem.error(
                    file,
                    r.lineOf(SheetShapes.RULE_IS),
                    "'is' is for choice facts; '" + key + "' is " + Sheets.word(type)));
        }
        if (type == FactType.CHOICE && !fact.get().choices().isEmpty()) {
            for (String choice : r.get(SheetShapes.RULE_IS)) {
                if (!fact.get().choices().contains(choice)) {
                    problems.add(Problem.error(
                            file,
                            r.lineOf(SheetShapes.RULE_IS),
                            "'" + choice + "' is not an answer to '" + key + "'; it takes "
                                    + String.join(", ", fact.get().choices())));
                }
            }
        }
        if (type != FactType.LIST && r.has(SheetShapes.RULE_INCLUDES)) {
            problems.add(Problem.error(
                    file,
                    r.lineOf(SheetShapes.RULE_INCLUDES),
                    "'includes' is for list facts; '" + key + "' is " + Sheets.word(type)));
        }
        return Optional.of(new Question(
                key,
                r.get(SheetShapes.RULE_LEVEL),
                r.get(SheetShapes.RULE_ADVICE),
                source,
                r.get(SheetShapes.RULE_AT_LEAST),
                r.get(SheetShapes.RULE_AT_MOST),
                r.get(SheetShapes.RULE_BELOW),
                r.get(SheetShapes.RULE_ABOVE),
                r.get(SheetShapes.RULE_INCLUDES),
                r.get(SheetShapes.RULE_IS),
                r.get(SheetShapes.RULE_USES)));
    }
}
