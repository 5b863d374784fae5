package org.medcounsel.sheet;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The medicines screening recognises ({@code medicines.yaml}): generic names, other spellings and
 * brands, each with the groups rules name. Typed entries are normalised (case, strength, units,
 * dose forms, salts) before they are matched, so "Nizoral 200mg tablets" is ketoconazole.
 */
public final class Medicines {
    /** A known medicine and the groups it is in. */
    public record Medicine(String id, List<String> groups) {}

    /** A group rules can name, with the words shown after a match ("strong CYP3A4 inhibitor"). */
    public record Group(String id, String name) {}

    /**
     * One medicine as read from what was typed: the words that named it ({@code typed}), the
     * medicine they named (if any), the words beside it that were not understood, and close names
     * when nothing was recognised. Only a match with a medicine and no word left over counts as
     * recognised: a leftover word could be a second medicine.
     */
    public record Match(String typed, Optional<Medicine> medicine, List<String> unclear, List<String> suggestions) {
        public Match {
            unclear = List.copyOf(unclear);
            suggestions = List.copyOf(suggestions);
        }

        public Match(String typed, Optional<Medicine> medicine, List<String> suggestions) {
            this(typed, medicine, List.of(), suggestions);
        }

        public boolean recognised() {
            return medicine.isPresent() && unclear.isEmpty();
        }
    }

    /** Words that say how a medicine is made or given, not which one it is. */
    private static final Set<String> FORM_WORDS = Set.of(
            "tablet",
            "tablets",
            "tab",
            "tabs",
            "capsule",
            "capsules",
            "cap",
            "caps",
            "cream",
            "gel",
            "ointment",
            "injection",
            "inj",
            "solution",
            "suspension",
            "syrup",
            "liquid",
            "oral",
            "drops",
            "spray",
            "inhaler",
            "patch",
            "patches",
            "pen",
            "pens",
            "prefilled",
            "syringe",
            "film",
            "coated",
            "dispersible",
            "soluble",
            "effervescent",
            "chewable",
            "modified",
            "release",
            "prolonged",
            "extended",
            "delayed",
            "gastro",
            "resistant",
            "xr",
            "xl",
            "sr",
            "mr",
            "er",
            "cr",
            "la",
            "ec",
            "dr",
            "od",
            "daily",
            "once",
            "twice",
            "day",
            "per",
            "each",
            "dose",
            "doses",
            "sachet",
            "sachets",
            "granules",
            "powder",
            "mouthwash",
            "lozenge",
            "lozenges",
            "suppository",
            "suppositories",
            "pessary",
            "infusion",
            "vial",
            "ampoule",
            "mg",
            "mcg",
            "microgram",
            "micrograms",
            "gram",
            "grams",
            "ml",
            "iu",
            "unit",
            "units",
            "x",
            "times",
            "weekly",
            "monthly",
            "at",
            "night",
            "morning",
            "when",
            "needed",
            "prn",
            "bd",
            "tds",
            "qds",
            "om",
            "nocte",
            "a",
            "an",
            "one",
            "two",
            "three",
            "four",
            "half",
            "every",
            "hour",
            "hours",
            "hourly",
            "week",
            "month",
            "days",
            "bedtime",
            "before",
            "after",
            "food",
            "meals",
            "breakfast",
            "evening",
            "qid",
            "tid",
            "bid",
            "qd",
            "comprimido",
            "comprimidos",
            "tableta",
            "tabletas",
            "capsula",
            "capsulas",
            "cápsula",
            "cápsulas",
            "jarabe",
            "crema",
            "gotas",
            "al",
            "dia",
            "día",
            "diario",
            "diaria",
            "vez",
            "veces",
            "cada",
            "horas",
            "noche",
            "mañana");

    /** Words that join two medicines in one entry ("paracetamol and fluconazole"). */
    private static final Set<String> JOINING_WORDS = Set.of("and", "plus", "y", "和", "及", "与");

    /** Characters that separate medicines in one entry: "a, b", "a; b", "a/b", "a + b", "a & b", one a line. */
    private static final String SEPARATORS = ",;/+&|\n\r、，；";

    /** Salt and ester words a generic name may carry ("amlodipine besilate" is amlodipine). */
    private static final Set<String> SALT_WORDS = Set.of(
            "sodium",
            "potassium",
            "calcium",
            "magnesium",
            "hydrochloride",
            "hcl",
            "hydrobromide",
            "sulfate",
            "sulphate",
            "phosphate",
            "citrate",
            "maleate",
            "mesilate",
            "mesylate",
            "besilate",
            "besylate",
            "tartrate",
            "succinate",
            "fumarate",
            "acetate",
            "dihydrate",
            "monohydrate",
            "trihydrate",
            "hemihydrate",
            "bromide",
            "chloride",
            "nitrate",
            "lactate",
            "gluconate",
            "valerate",
            "propionate",
            "dipropionate",
            "furoate",
            "tosilate",
            "tosylate",
            "hyclate",
            "trometamol",
            "medoxomil",
            "axetil",
            "pivoxil",
            "disodium",
            "dipotassium",
            "hydrogen",
            "bitartrate",
            "xinafoate",
            "oleate",
            "estolate",
            "stearate");

    private final Map<String, Medicine> byName;
    private final Map<String, Medicine> byId;
    private final Map<String, Group> groups;

    /** The most words any name has: how far ahead reading looks for a name. */
    private final int longestName;

    Medicines(Map<String, Medicine> byName, Map<String, Medicine> byId, Map<String, Group> groups, int longest) {
        this.byName = Map.copyOf(byName);
        this.byId = Map.copyOf(byId);
        this.groups = new LinkedHashMap<>(groups);
        this.longestName = Math.max(1, longest);
    }

    /** An empty vocabulary: nothing is recognised. */
    public static Medicines none() {
        return new Medicines(Map.of(), Map.of(), Map.of(), 1);
    }

    /** The group with this id, if the vocabulary has it. */
    public Optional<Group> group(String id) {
        return Optional.ofNullable(groups.get(id));
    }

    /** A medicine that is, or is in, what a rule names (for tests and examples); empty if none. */
    public Optional<String> exampleOf(String named) {
        return byId.values().stream()
                .filter(m -> isOrIn(m, named))
                .map(Medicine::id)
                .sorted()
                .findFirst();
    }

    /** Every medicine's id (its lower-case generic name), sorted: for completion. */
    public SortedSet<String> ids() {
        return new TreeSet<>(byId.keySet());
    }

    /** Whether {@code id} names a medicine or a group (what a rule's 'includes' may name). */
    public boolean knows(String id) {
        return byId.containsKey(id) || groups.containsKey(id);
    }

    /** Names longer than this get no spelling suggestions: the search would cost more than it helps. */
    static final int LONGEST_SUGGESTED = 40;

    /**
     * Reads one typed entry whole: it is split at separators ({@code , ; / + & |}, new lines,
     * "and") and wherever a second medicine name starts, so "paracetamol and fluconazole" is two
     * medicines. Strengths, units, dose forms, salts and how often it is taken are understood and
     * set aside; any other word is kept as not understood, beside the medicine it came with. No
     * spelling suggestions are made here ({@link #suggest} does that, for a bounded few).
     */
    public List<Match> read(String typed) {
        String text = Normalizer.normalize(typed, Normalizer.Form.NFKC);
        List<Token> tokens = tokens(text);
        List<Match> parts = new ArrayList<>();
        Part part = new Part();
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.separator()) {
                part.close(text, parts);
                part = new Part();
                i++;
                continue;
            }
            if (t.qualifier()) {
                part.take(t);
                i++;
                continue;
            }
            // The longest run of name words from here that names a medicine ("insulin glargine").
            int found = 0;
            Medicine m = null;
            List<Token> run = new ArrayList<>();
            for (int j = i; j < tokens.size() && run.size() < longestName; j++) {
                Token w = tokens.get(j);
                if (w.separator()) break;
                if (w.qualifier()) continue;
                run.add(w);
                StringBuilder key = new StringBuilder();
                run.forEach(r -> key.append(r.word()));
                Medicine named = byName.get(key.toString());
                if (named != null) {
                    m = named;
                    found = j - i + 1;
                }
            }
            if (m != null) {
                if (part.medicine != null) {
                    part.close(text, parts);
                    part = new Part();
                }
                part.medicine = m;
                for (int k = i; k < i + found; k++) part.take(tokens.get(k));
                i += found;
                continue;
            }
            if (JOINING_WORDS.contains(t.word())) {
                part.close(text, parts);
                part = new Part();
            } else {
                part.take(t);
                part.unclear.add(t.word());
            }
            i++;
        }
        part.close(text, parts);
        return parts;
    }

    /** The match with up to three close names, when nothing was recognised in it and it is short enough to compare. */
    public Match suggest(Match m) {
        if (m.medicine().isPresent() || !m.suggestions().isEmpty()) return m;
        String key = String.join("", m.unclear());
        if (key.isEmpty() || key.length() > LONGEST_SUGGESTED) return m;
        List<String> close = Names.closest(key, byName.keySet()).stream()
                .map(n -> byName.get(n).id())
                .distinct()
                .toList();
        return new Match(m.typed(), m.medicine(), m.unclear(), close);
    }

    /** Matches one typed entry that names one medicine (for names already split, such as a rule's). */
    public Match match(String typed) {
        List<Match> read = read(typed);
        return read.size() == 1 ? suggest(read.get(0)) : new Match(typed, Optional.empty(), List.of(typed), List.of());
    }

    /** One word of an entry, where it was typed, and whether it separates medicines or only qualifies one. */
    private record Token(String word, int start, int end, boolean separator, boolean qualifier) {}

    /** The medicine being read: the words so far, the medicine they named and the ones not understood. */
    private static final class Part {
        int start = -1;
        int end;
        Medicine medicine;
        final List<String> unclear = new ArrayList<>();

        void take(Token t) {
            if (start < 0) start = t.start();
            end = t.end();
        }

        void close(String text, List<Match> into) {
            if (start < 0) return; // nothing between two separators
            String typed = text.substring(start, end).strip();
            List<String> left = medicine == null && unclear.isEmpty() ? List.of(typed) : unclear;
            into.add(new Match(typed, Optional.ofNullable(medicine), left, List.of()));
        }
    }

    /** The words of an entry with their places: separators kept, punctuation inside a word dropped. */
    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (SEPARATORS.indexOf(c) >= 0) {
                tokens.add(new Token(String.valueOf(c), i, i + 1, true, false));
                i++;
                continue;
            }
            if (!wordChar(c)) {
                i++;
                continue;
            }
            int start = i;
            StringBuilder w = new StringBuilder();
            while (i < n && (wordChar(text.charAt(i)) || text.charAt(i) == '\'' || text.charAt(i) == '\u2019')) {
                char d = Character.toLowerCase(text.charAt(i));
                if (d != '\'' && d != '\u2019') w.append(d);
                i++;
            }
            String word = w.toString();
            boolean number = Character.isDigit(word.charAt(0)) || word.startsWith(".");
            String bare = word.replace(".", "");
            if (bare.isEmpty()) continue;
            boolean qualifier = number || FORM_WORDS.contains(word) || SALT_WORDS.contains(word) || word.equals("%");
            tokens.add(new Token(bare, start, i, false, qualifier));
        }
        return tokens;
    }

    /** Letters, digits, '.' and '%' make words; a dash splits them, and names are looked up with their words run together. */
    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '%';
    }

    /** Whether a typed entry names {@code named} once both are normalised ("Probenecid 500 mg", "probenecid"). */
    public static boolean sameName(String typed, String named) {
        String key = key(typed);
        return !key.isEmpty() && key.equals(key(named));
    }

    /** Whether a matched medicine is, or is in, what a rule names (a medicine id or a group id). */
    public static boolean isOrIn(Medicine m, String named) {
        return m.id().equals(named) || m.groups().contains(named);
    }

    /** The words of a typed entry that can name a medicine: lower case, no strengths, forms or salts. */
    static List<String> words(String typed) {
        StringBuilder clean = new StringBuilder();
        for (char c : typed.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '\'' || c == '\u2019') continue; // "st john's wort" is "st johns wort"
            clean.append(Character.isLetterOrDigit(c) || c == '.' || c == '%' ? c : ' ');
        }
        List<String> words = new ArrayList<>();
        for (String w : clean.toString().trim().split("\\s+")) {
            if (w.isEmpty() || w.equals(".")) continue;
            if (Character.isDigit(w.charAt(0)) || w.startsWith(".")) continue; // 200, 200mg, 0.5%, 2.5mg
            if (FORM_WORDS.contains(w) || SALT_WORDS.contains(w)) continue;
            words.add(w.replace(".", ""));
        }
        return words;
    }

    /** The key a name is found by: its words run together, so spaces and dashes never matter. */
    static String key(String name) {
        return String.join("", words(name.replace('-', ' ')));
    }

    /** Builds the vocabulary from the merged files' entries (later entries win a shared name). */
    static Medicines of(List<Medicine> medicines, Map<String, List<String>> names, Map<String, Group> groups) {
        Map<String, Medicine> byName = new HashMap<>();
        Map<String, Medicine> byId = new HashMap<>();
        int longest = 1;
        for (Medicine m : medicines) {
            byId.put(m.id(), m);
            for (String name : names.get(m.id())) {
                String key = key(name);
                if (!key.isEmpty()) byName.put(key, m);
                longest = Math.max(longest, words(name.replace('-', ' ')).size());
            }
        }
        return new Medicines(byName, byId, groups, longest);
    }
}
