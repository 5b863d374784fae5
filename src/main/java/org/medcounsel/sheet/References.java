package org.medcounsel.sheet;

import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a sheet may refer to: the patient facts, and the class sheets (checked one by one, so a
 * lookup never lists every class; the full list is only made for a "did you mean").
 */
public record References(Facts facts, Predicate<String> classExists, Supplier<Set<String>> classIds) {

    /** For a known, fixed set of classes. */
    public static References of(Facts facts, Set<String> classIds) {
        Set<String> ids = Set.copyOf(classIds);
        return new References(facts, ids::contains, () -> ids);
    }
}
