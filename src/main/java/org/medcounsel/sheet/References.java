package org.medcounsel.sheet;

import java.util.Set;

/** What a sheet may refer to: the patient facts and the ids of the class sheets. */
public record References(Facts facts, Set<String> classIds) {
    public References {
        classIds = Set.copyOf(classIds);
    }
}
