package org.medcounsel.sheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /** One typed entry: what was typed, the medicine it matched (if any), close names otherwise. */
    public record Match(String typed, Optional<Medicine> medicine, List<String> suggestions) {
        public boolean recognised() {
            return medicine.isPresent();
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
            "nocte");

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

    Medicines(Map<String, Medicine> byName, Map<String, Medicine> byId, Map<String, Group> groups) {
        this.byName = Map.copyOf(byName);
        this.byId = Map.copyOf(byId);
        this.groups = new LinkedHashMap<>(groups);
    }

    /** An empty vocabulary: nothing is recognised. */
    public static Medicines none() {
        return new Medicines(Map.of(), Map.of(), Map.of());
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
    public java.util.SortedSet<String> ids() {
        return new java.util.TreeSet<>(byId.keySet());
    }

    /** Whether {@code id} names a medicine or a group (what a rule's 'includes' may name). */
    public boolean knows(String id) {
        return byId.containsKey(id) || groups.containsKey(id);
    }

    /** Matches one typed entry. */
    public Match match(String typed) {
        List<String> words = words(typed);
        // The longest run of words that names a medicine: "insulin glargine pen" is insulin glargine.
        for (int length = words.size(); length > 0; length--) {
            for (int start = 0; start + length <= words.size(); start++) {
                Medicine m = byName.get(String.join("", words.subList(start, start + length)));
                if (m != null) {
                    return new Match(typed, Optional.of(m), List.of());
                }
            }
        }
        String key = String.join("", words);
        List<String> close = key.isEmpty()
                ? List.of()
                : Names.closest(key, byName.keySet()).stream()
                        .map(n -> byName.get(n).id())
                        .distinct()
                        .toList();
        return new Match(typed, Optional.empty(), close);
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
        for (Medicine m : medicines) {
            byId.put(m.id(), m);
            for (String name : names.get(m.id())) {
                String key = key(name);
                if (!key.isEmpty()) byName.put(key, m);
            }
        }
        return new Medicines(byName, byId, groups);
    }
}
