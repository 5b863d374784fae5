package org.medcounsel.sheet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Groups of words that mean the same thing to a patient and to a pharmacist ({@code
 * synonyms.yaml}): "shingles" and "herpes zoster", "blood clot" and "thrombosis". Search and
 * {@code list --for} look for every word of a group when one of them is asked for.
 */
public final class Synonyms {
    private final List<List<String>> groups;

    /** {@code groups} of words as written; they are compared in lower case. */
    public Synonyms(List<List<String>> groups) {
        List<List<String>> lower = new ArrayList<>();
        for (List<String> group : groups) {
            lower.add(group.stream().map(Synonyms::normal).toList());
        }
        this.groups = List.copyOf(lower);
    }

    /** A phrase as it is compared: lower case, single spaces. */
    public static String normal(String phrase) {
        return phrase.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** The phrase itself first, then every word that shares a group with it. */
    public Set<String> alternatives(String phrase) {
        String p = normal(phrase);
        Set<String> all = new LinkedHashSet<>();
        all.add(p);
        for (List<String> group : groups) {
            if (group.contains(p)) all.addAll(group);
        }
        return all;
    }

    /** Whether {@code phrase} is a word of some group. */
    public boolean known(String phrase) {
        String p = normal(phrase);
        return groups.stream().anyMatch(g -> g.contains(p));
    }

    /** The most words any phrase of a group has. */
    public int longest() {
        int most = 1;
        for (List<String> group : groups) {
            for (String p : group) most = Math.max(most, p.split(" ").length);
        }
        return most;
    }
}
