package org.medcounsel.check;

import java.lang.Character.UnicodeScript;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.medcounsel.counsel.Guidance;
import org.medcounsel.doc.Document;
import org.medcounsel.doc.Document.Block;
import org.medcounsel.doc.Document.Bullets;
import org.medcounsel.doc.Document.Callout;
import org.medcounsel.doc.Document.Paragraph;
import org.medcounsel.doc.Document.Term;
import org.medcounsel.sheet.Approval;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Facts;
import org.medcounsel.sheet.FolderShelf;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.HiddenChars;
import org.medcounsel.sheet.NameChars;
import org.medcounsel.sheet.Names;
import org.medcounsel.sheet.Problem;
import org.medcounsel.sheet.Problem.Level;
import org.medcounsel.sheet.References;
import org.medcounsel.sheet.Shape;
import org.medcounsel.sheet.SheetException;
import org.medcounsel.sheet.SheetFile;
import org.medcounsel.sheet.SheetLoader;
import org.medcounsel.sheet.SheetShapes;
import org.medcounsel.sheet.Sheets;
import org.medcounsel.sheet.Sheets.ClassSheet;
import org.medcounsel.sheet.Sheets.DrugSheet;
import org.medcounsel.sheet.Shelf.Kind;
import org.medcounsel.sheet.SiteRewordings;
import org.medcounsel.sheet.Word;
import org.medcounsel.sheet.YamlNode;

/**
 * The sheet linter behind {@code medcounsel check}: loads every sheet the tool can see, reporting
 * every structural problem, then checks the content: readability, other scripts, repeated
 * paragraphs, stale review dates, licensed uses without a source, missing urgent-help. The
 * translations are checked by {@link TranslationCheck}.
 */
public final class SheetCheck {
    /** Prose shorter than this is only scored as part of the whole drug: one word has no grade. */
    static final int MIN_WORDS_PER_FIELD = 12;
    /** Paragraphs shorter than this may repeat ("Tell your doctor."). */
    static final int MIN_WORDS_TO_REPEAT = 6;

    /** Thresholds, and the day to judge review dates by. */
    /**
     * @param briefLines how many lines a counter card takes as text at {@link #BRIEF_WIDTH} columns
     *     (given by the caller, who may render: this package comes before the renderers)
     */
    public record Options(
            double warnGrade, double errorGrade, int maxAgeYears, LocalDate today, ToIntFunction<Document> briefLines) {
        public Options(double warnGrade, double errorGrade, int maxAgeYears, LocalDate today) {
            this(warnGrade, errorGrade, maxAgeYears, today, d -> 0);
        }
    }

    /** The counter card ({@code brief}) fits one 24-line screen at 80 columns. */
    public static final int BRIEF_WIDTH = 80;

    public static final int BRIEF_MAX_LINES = 24;

    /**
     * Everything found, each drug's Flesch–Kincaid grade over its info, risks and stop text, and
     * the folders read.
     */
    public record Report(
            int sheets,
            List<Problem> problems,
            Map<String, Double> grades,
            List<Folder> folders,
            Map<String, String> reading) {
        public Report(int sheets, List<Problem> problems, Map<String, Double> grades, List<Folder> folders) {
            this(sheets, problems, grades, folders, Map.of());
        }

        public long count(Level level) {
            return problems.stream().filter(p -> p.level() == level).count();
        }
    }

    /**
     * A folder the check read: its name as the user gave it, where it was named
     * ("MEDCOUNSEL_DATA"; "bundled" for the bundled data; else empty, for --data), how many drug and class sheets it held,
     * its other data files, and how many files in it are not read.
     */
    public record Folder(String name, String origin, int drugs, int classes, List<String> vocabularies, int unread) {
        /** Where the bundled data is said to come from. */
        public static final String BUNDLED = "bundled";

        public boolean bundled() {
            return origin.equals(BUNDLED);
        }
    }

    /** A sheet named by its path: its kind and id. */
    public record Target(Kind kind, String id) {}

    private final Formulary formulary;
    private final Options options;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Double> grades;
    /** How easy each translation reads, in its language's own measure: for --grades. */
    private final Map<String, String> reading = new TreeMap<>();

    private final Map<String, Map<String, Integer>> classProse;
    private int sheets;
    /** The names of the drug sheet this check read ({@link #drugSheet}), for the whole run to compare. */
    private final List<DrugNames.Named> named = new ArrayList<>();

    private SheetCheck(Formulary formulary, Options options) {
        this(formulary, options, new ConcurrentHashMap<>(), new HashMap<>());
    }

    /** A check of one more sheet, sharing what the whole run knows; its problems are its own. */
    private SheetCheck(
            Formulary formulary,
            Options options,
            Map<String, Double> grades,
            Map<String, Map<String, Integer>> classProse) {
        this.formulary = formulary;
        this.options = options;
        this.grades = grades;
        this.classProse = classProse;
    }

    /** Checks every sheet {@code formulary} can see. */
    public static Report run(Formulary formulary, Options options) {
        SheetCheck check = new SheetCheck(formulary, options);
        List<Folder> folders = check.folders();
        check.all();
        return new Report(
                check.sheets,
                List.copyOf(check.problems),
                new TreeMap<>(check.grades),
                folders,
                new TreeMap<>(check.reading));
    }

    /**
     * Checks only the sheets {@code targets} (each put over the others in {@code formulary} by a
     * {@link org.medcounsel.sheet.FileShelf}), against everything else the formulary holds.
     */
    public static Report sheets(Formulary formulary, Options options, List<Target> targets) {
        SheetCheck check = new SheetCheck(formulary, options);
        check.only(targets);
        return new Report(check.sheets, List.copyOf(check.problems), new TreeMap<>(check.grades), List.of());
    }

    /**
     * The site folders (in the order named) and the bundled data, each with what it held; every
     * file in a site folder that is not read is an error, so a folder whose sheets were skipped
     * never passes.
     */
    private List<Folder> folders() {
        List<Folder> folders = new ArrayList<>();
        for (FolderShelf folder : formulary.folders()) {
            List<FolderShelf.Unread> unread = folder.unread();
            unread.forEach(u -> add(u.file(), 0, Level.ERROR, "unread", "not read: " + u.why()));
            List<String> vocabularies = FolderShelf.VOCABULARIES.stream()
                    .filter(v -> folder.vocabulary(v).isPresent())
                    .toList();
            folders.add(new Folder(
                    folder.shownAs(),
                    folder.origin(),
                    folder.ids(Kind.DRUG).size(),
                    folder.ids(Kind.CLASS).size(),
                    vocabularies,
                    unread.size()));
        }
        if (!formulary.bundledIds(Kind.DRUG).isEmpty()) {
            folders.add(new Folder(
                    Folder.BUNDLED,
                    Folder.BUNDLED,
                    formulary.bundledIds(Kind.DRUG).size(),
                    formulary.bundledIds(Kind.CLASS).size(),
                    List.of(),
                    0));
        }
        return folders;
    }

    private void only(List<Target> targets) {
        Facts facts;
        try {
            facts = formulary.facts();
        } catch (SheetException e) {
            problems.addAll(e.problems());
            return;
        }
        References refs = References.of(facts, formulary.classIds());
        for (Target one : targets) {
            if (one.kind() == Kind.CLASS) {
                classSheet(one.id(), refs);
            }
        }
        for (Target one : targets) {
            if (one.kind() == Kind.DRUG) {
                drugSheet(one.id(), refs);
                sheets++;
            }
        }
        problems.addAll(DrugNames.oneDrugPerName(named, formulary));
    }

    private void all() {
        formulary.reindex();
        Facts facts;
        try {
            facts = formulary.facts();
            sheets++;
        } catch (SheetException e) {
            problems.addAll(e.problems());
            return;
        }
        try {
            formulary.words();
            sheets++;
            formulary.medicines();
            sheets++;
            formulary.synonyms();
            sheets++;
        } catch (SheetException e) {
            problems.addAll(e.problems());
            return;
        }
        rewordings();
        approvals();
        for (String vocabulary : FolderShelf.VOCABULARIES) {
            for (SheetFile file : formulary.shelves().vocabularyFiles(vocabulary)) {
                try {
                    hidden(file.name(), file.tree());
                } catch (SheetException e) {
                    // Loading it above has reported why it cannot be read.
                }
            }
        }
        References refs = References.of(facts, formulary.classIds());
        for (String id : formulary.classIds()) {
            classSheet(id, refs);
        }
        // Drug sheets are independent: check them on every core, then report in id order.
        List<String> ids = new ArrayList<>(formulary.drugIds());
        List<SheetCheck> found = new ArrayList<>(Collections.nCopies(ids.size(), null));
        Thread caller = Thread.currentThread(); // the shell's Ctrl-C interrupts it: stop between sheets
        IntStream.range(0, ids.size()).parallel().forEach(i -> {
            if (caller.isInterrupted()) throw new CancellationException();
            SheetCheck one = new SheetCheck(formulary, options, grades, classProse);
            one.drugSheet(ids.get(i), refs);
            found.set(i, one);
        });
        found.forEach(one -> problems.addAll(one.problems));
        sheets += ids.size();
        TranslationCheck translated = new TranslationCheck(formulary);
        translated.all();
        problems.addAll(translated.problems());
        reading.putAll(translated.reading());
        sheets += translated.files();
        problems.addAll(DrugNames.oneDrugPerName(
                found.stream().flatMap(one -> one.named.stream()).toList(), formulary));
    }

    /**
     * What the site folders reword (questions, verdict words, a replaced sheet's advice), each a
     * warning: allowed, but a second person should read it against the bundled words, since a
     * reworded question or verdict can say the opposite of what the rules decide.
     */
    private void rewordings() {
        try {
            for (SiteRewordings.Rewording r : formulary.rewordings()) {
                add(
                        r.file(),
                        0,
                        Level.WARNING,
                        "reworded",
                        "the site folder " + r.folder() + " " + r.describe()
                                + "; have a second person check it still says what the rules decide");
            }
        } catch (SheetException e) {
            problems.addAll(e.problems());
        }
    }

    /**
     * Checks one English data file ({@code facts.yaml}, {@code words.yaml}, {@code
     * medicines.yaml}, {@code synonyms.yaml} or {@code approvals.yaml}), put by a {@link
     * org.medcounsel.sheet.FileShelf} over everything else {@code formulary} holds: it loads over
     * them as a site folder's would, and has no hidden characters.
     */
    public static Report vocabulary(Formulary formulary, Options options, String name) {
        SheetCheck check = new SheetCheck(formulary, options);
        try {
            switch (name) {
                case "facts.yaml" -> formulary.facts();
                case "words.yaml" -> formulary.words();
                case "medicines.yaml" -> formulary.medicines();
                case "synonyms.yaml" -> formulary.synonyms();
                case "approvals.yaml" -> check.approvals();
                default -> throw new IllegalArgumentException(name);
            }
        } catch (SheetException e) {
            check.problems.addAll(e.problems());
        }
        List<SheetFile> files = formulary.shelves().vocabularyFiles(name);
        if (!files.isEmpty()) {
            SheetFile file = files.get(files.size() - 1); // the highest shelf's: the one named
            try {
                check.hidden(file.name(), file.tree());
            } catch (SheetException e) {
                // Loading it above has reported why it cannot be read.
            }
        }
        return new Report(1, List.copyOf(check.problems), Map.of(), List.of());
    }

    /** Zero-width characters and bidi controls anywhere in a file's tree, each a problem. */
    static List<Problem> hiddenIn(String file, YamlNode tree) {
        SheetCheck check = new SheetCheck(null, null);
        check.hidden(file, tree);
        return check.problems;
    }

    private void classSheet(String id, References refs) {
        SheetFile file = formulary.find(Kind.CLASS, id).orElseThrow();
        sheets++;
        Optional<YamlNode> root = parse(file);
        if (root.isEmpty()) return;
        content(file.name(), root.get(), SheetShapes.CLASS);
        classProse.put(id, prose(root.get(), SheetShapes.CLASS));
        try {
            ClassSheet sheet = SheetLoader.drugClass(file.name(), root.get(), id, refs);
            stale(file.name(), root.get(), sheet.reviewed());
        } catch (SheetException e) {
            problems.addAll(e.problems());
        }
    }

    private void drugSheet(String id, References refs) {
        SheetFile file = formulary.find(Kind.DRUG, id).orElseThrow();
        Optional<YamlNode> root = parse(file);
        if (root.isEmpty()) return;
        content(file.name(), root.get(), SheetShapes.DRUG);
        problems.addAll(DrugNames.shellUnsafe(file.name(), root.get()));
        named.addAll(DrugNames.of(id, file, root.get()));
        licensedUsesHaveSources(file.name(), root.get());
        try {
            DrugSheet sheet = SheetLoader.drug(file.name(), root.get(), id, refs);
            stale(file.name(), root.get(), sheet.reviewed());
            sheet.drugClass().ifPresent(c -> repeatsOfClass(file.name(), root.get(), c));
            Optional<ClassSheet> drugClass = sheet.drugClass().map(formulary::drugClass);
            drug(file.name(), new Drug(sheet, drugClass));
        } catch (SheetException e) {
            problems.addAll(e.problems());
        }
    }

    /** A site's approvals: each names a drug that exists, and still covers the sheet as reviewed. */
    private void approvals() {
        Map<String, Approval> approvals;
        try {
            approvals = formulary.approvals();
        } catch (SheetException e) {
            problems.addAll(e.problems());
            return;
        }
        for (Approval a : approvals.values()) {
            if (!formulary.drugIds().contains(a.drug())) {
                add(
                        a.file(),
                        a.line(),
                        Level.ERROR,
                        "approval",
                        "approval of '" + a.drug() + "', which has no drug" + " sheet"
                                + Names.didYouMean(a.drug(), formulary.drugIds()));
                continue;
            }
            try {
                Drug drug = formulary.drugOnce(a.drug());
                if (!a.covers(drug.reviewed())) {
                    add(
                            a.file(),
                            a.line(),
                            Level.WARNING,
                            "approval",
                            "the approval of '" + a.drug() + "' on " + a.on()
                                    + " is older than the sheet's check against the labels on " + drug.reviewed()
                                    + ": read the sheet again and renew the approval");
                }
            } catch (SheetException e) {
                // The sheet's own problems are reported with the sheet.
            }
        }
    }

    private Optional<YamlNode> parse(SheetFile file) {
        try {
            return Optional.of(file.tree());
        } catch (SheetException e) {
            problems.addAll(e.problems());
            return Optional.empty();
        }
    }

    private void add(String file, int line, Level level, String rule, String message) {
        problems.add(new Problem(file, line, level, rule, message));
    }

    /** Checks that need only the text: other scripts, per-field readability, repeats in the sheet. */
    private void content(String file, YamlNode root, Shape shape) {
        otherScripts(file, root);
        hidden(file, root);
        Map<String, Integer> seen = new HashMap<>();
        shape.forEachProse(root, "", (field, scalar) -> {
            String text = Shape.Bound.clean(scalar.text());
            Readability.Score score = Readability.score(text);
            if (score.words() >= MIN_WORDS_PER_FIELD) {
                grade(file, scalar.line(), "'" + field + "'", score.grade());
            }
            String key = normal(text);
            if (key.split(" ").length >= MIN_WORDS_TO_REPEAT) {
                Integer first = seen.putIfAbsent(key, scalar.line());
                if (first != null) {
                    add(
                            file,
                            scalar.line(),
                            Level.WARNING,
                            "repeat",
                            "'" + field + "' repeats the text on line " + first);
                }
            }
        });
    }

    private void grade(String file, int line, String what, double grade) {
        String message = what + " reads at Flesch-Kincaid grade " + String.format(Locale.ROOT, "%.1f", grade);
        if (grade > options.errorGrade()) {
            add(
                    file,
                    line,
                    Level.ERROR,
                    "readability",
                    message + "; the limit is " + Sheets.shown(options.errorGrade())
                            + ": use shorter sentences and common words");
        } else if (grade > options.warnGrade()) {
            add(
                    file,
                    line,
                    Level.WARNING,
                    "readability",
                    message + "; aim for " + Sheets.shown(options.warnGrade())
                            + " or lower: use shorter sentences and common words");
        }
    }

    private void otherScripts(String file, YamlNode node) {
        if (node instanceof YamlNode.Scalar s) {
            foreignScript(s.text())
                    .ifPresent(script -> add(
                            file,
                            s.line(),
                            Level.ERROR,
                            "script",
                            "text in another script (" + script + ") in an English sheet: write it in English"));
        } else if (node instanceof YamlNode.Sequence seq) {
            seq.items().forEach(item -> otherScripts(file, item));
        } else if (node instanceof YamlNode.Mapping map) {
            map.entries().values().forEach(e -> {
                foreignScript(e.key())
                        .ifPresent(script -> add(
                                file,
                                e.keyLine(),
                                Level.ERROR,
                                "script",
                                "field name in another script (" + script + ")"));
                otherScripts(file, e.value());
            });
        }
    }

    /** Zero-width characters and bidi controls anywhere in a sheet: in its text, names or field names. */
    private void hidden(String file, YamlNode node) {
        if (node instanceof YamlNode.Scalar s) {
            hidden(file, s.line(), "the text", s.text());
        } else if (node instanceof YamlNode.Sequence seq) {
            seq.items().forEach(item -> hidden(file, item));
        } else if (node instanceof YamlNode.Mapping map) {
            map.entries().values().forEach(e -> {
                hidden(file, e.keyLine(), "the field name", e.key());
                hidden(file, e.value());
            });
        }
    }

    private void hidden(String file, int line, String what, String text) {
        int at = HiddenChars.indexIn(text);
        if (at >= 0) {
            add(
                    file,
                    line,
                    Level.ERROR,
                    "hidden",
                    what + " holds an invisible character (" + NameChars.codePoint(text.charAt(at))
                            + "), which can hide or reorder what a reader sees: delete it");
        }
    }

    static Optional<String> foreignScript(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x250) continue; // Basic Latin to Latin Extended-B: English and its accents
            UnicodeScript s = UnicodeScript.of(cp);
            if (s != UnicodeScript.LATIN && s != UnicodeScript.COMMON && s != UnicodeScript.INHERITED) {
                return Optional.of(s.name().charAt(0) + s.name().substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static String normal(String text) {
        return NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static Map<String, Integer> prose(YamlNode root, Shape shape) {
        Map<String, Integer> texts = new HashMap<>();
        shape.forEachProse(root, "", (field, scalar) -> texts.putIfAbsent(normal(scalar.text()), scalar.line()));
        return texts;
    }

    private void repeatsOfClass(String file, YamlNode root, String classId) {
        Map<String, Integer> inClass = classProse.getOrDefault(classId, Map.of());
        SheetShapes.DRUG.forEachProse(root, "", (field, scalar) -> {
            String key = normal(scalar.text());
            Integer line = inClass.get(key);
            if (line != null && key.split(" ").length >= MIN_WORDS_TO_REPEAT) {
                add(
                        file,
                        scalar.line(),
                        Level.WARNING,
                        "repeat",
                        "'" + field + "' repeats the class sheet " + classId + " (line " + line
                                + "); the drug already inherits it");
            }
        });
    }

    private void stale(String file, YamlNode root, LocalDate reviewed) {
        int line = root instanceof YamlNode.Mapping m && m.entries().containsKey("reviewed")
                ? m.entries().get("reviewed").value().line()
                : 1;
        if (reviewed.isBefore(options.today().minusYears(options.maxAgeYears()))) {
            add(
                    file,
                    line,
                    Level.WARNING,
                    "stale",
                    "reviewed " + reviewed + ", more than " + options.maxAgeYears()
                            + " years ago: check it against the current label and update the date");
        } else if (reviewed.isAfter(options.today())) {
            add(file, line, Level.WARNING, "stale", "reviewed date " + reviewed + " is in the future");
        }
    }

    private void licensedUsesHaveSources(String file, YamlNode root) {
        if (!(root instanceof YamlNode.Mapping m)
                || !(m.entries().get("uses") != null
                        && m.entries().get("uses").value() instanceof YamlNode.Sequence uses)) {
            return;
        }
        for (YamlNode use : uses.items()) {
            if (use instanceof YamlNode.Mapping u
                    && u.entries().get("status") != null
                    && u.entries().get("status").value() instanceof YamlNode.Scalar status
                    && status.text().equals("licensed")
                    && !u.entries().containsKey("source")) {
                add(
                        file,
                        u.line(),
                        Level.ERROR,
                        "licensed-source",
                        "a use marked licensed needs a 'source' naming the label that licenses it");
            }
        }
    }

    /** Checks on the whole drug with its class: urgent help present, readability of what patients read. */
    private void drug(String file, Drug drug) {
        if (drug.urgentHelp().isEmpty()) {
            add(
                    file,
                    1,
                    Level.ERROR,
                    "urgent-help",
                    "no 'urgent-help' items in the sheet or its class: say when to get help at once");
        }
        for (Sheets.Rule rule : drug.sheet().screening()) {
            if (rule instanceof Sheets.Question q) {
                for (String named : q.includes()) {
                    if (!formulary.medicines().knows(named)) {
                        add(
                                file,
                                1,
                                Level.ERROR,
                                "structure",
                                "a rule includes '" + named + "', which is neither a medicine id nor a group id in"
                                        + " medicines.yaml, so it could never match");
                    }
                }
            }
        }
        if (drug.screening().stream().noneMatch(r -> r instanceof Sheets.Question)) {
            add(
                    file,
                    1,
                    Level.WARNING,
                    "no-screening",
                    "no screening questions in the sheet or its class: 'screen' can only say nothing was checked");
        }
        Guidance guidance = new Guidance(formulary.words());
        if (!Guidance.hasKeyPoints(drug)) {
            add(
                    file,
                    1,
                    Level.WARNING,
                    "key-points",
                    "no 'key-points': 'brief' has no counter card for " + drug.id() + " and stops with an error");
        } else {
            Document card = guidance.brief(drug);
            int lines = options.briefLines().applyAsInt(card);
            if (lines > BRIEF_MAX_LINES) {
                add(
                        file,
                        drug.sheet().fields().lineOf(SheetShapes.DRUG_KEY_POINTS),
                        Level.ERROR,
                        "key-points",
                        "the counter card ('brief " + drug.id() + "') takes " + lines + " lines at " + BRIEF_WIDTH
                                + " columns, over " + BRIEF_MAX_LINES + ": shorten the 'key-points'");
            }
            Readability.Score points = Readability.Score.NONE;
            for (Block block : card.sections().get(0).blocks()) {
                if (block instanceof Term t && t.term().equals(formulary.words().get(Word.LABEL_ASK))) break;
                for (String text : texts(block)) {
                    points = points.plus(Readability.score(text));
                }
            }
            grade(file, 1, "the key points of " + drug.id() + " together", points.grade());
        }
        Readability.Score total = Readability.Score.NONE;
        for (Document doc : List.of(guidance.info(drug), guidance.risks(drug), guidance.stop(drug))) {
            for (Document.Section section : doc.sections()) {
                for (Block block : section.blocks()) {
                    for (String text : texts(block)) {
                        total = total.plus(Readability.score(text));
                    }
                }
            }
        }
        grades.put(drug.id(), total.grade());
        grade(file, 1, "the info, risks and stop text of " + drug.id() + " together", total.grade());
    }

    /** The patient-facing text of a block (its headings and labels are the tool's words, scored apart). */
    private static List<String> texts(Block block) {
        return block.accept(new Document.Visitor<List<String>>() {
            public List<String> paragraph(Paragraph p) {
                return List.of(p.text());
            }

            public List<String> bullets(Bullets b) {
                return b.items();
            }

            public List<String> term(Term t) {
                return List.of(t.text());
            }

            public List<String> callout(Callout c) {
                return c.lines();
            }

            public List<String> table(Document.Table t) {
                return t.rows().stream()
                        .flatMap(r -> r.cells().stream())
                        .flatMap(List::stream)
                        .toList();
            }
        });
    }
}
