package org.medcounsel.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {
    static final List<String> KNOWN = List.of("baricitinib", "olumiant", "selumetinib", "koselugo", "tofacitinib");

    @Test
    void suggestsTheClosestNamesFirst() {
        assertEquals(List.of("olumiant"), Names.closest("olumient", KNOWN));
        assertEquals(List.of("baricitinib"), Names.closest("BARICITNIB", KNOWN));
        assertEquals("baricitinib", Names.closest("barcitinib", KNOWN).get(0));
    }

    @Test
    void aTypedPrefixCounts() {
        assertEquals(List.of("baricitinib"), Names.closest("bari", KNOWN));
    }

    @Test
    void farNamesAreNotSuggested() {
        assertEquals(List.of(), Names.closest("paracetamol", KNOWN));
    }

    @Test
    void everyLetterAddedOrDroppedCostsOne() {
        assertEquals(3, Names.distance("abc", ""));
        assertEquals(2, Names.distance("", "ab"));
        assertEquals(3, Names.distance("xyzab", "ab"));
        assertEquals(2, Names.distance("ab", "abyz"));
    }

    @Test
    void transposedLettersCostOne() {
        // Two swapped letters are one slip, not two substitutions.
        assertEquals(1, Names.distance("olumaint", "olumiant"));
        assertEquals(2, Names.distance("olumaitn", "olumiant"), "a swap plus a swap");
        // So a name with two slips is still suggested within the limit for its length.
        assertEquals(List.of("olumiant"), Names.closest("oulmaint", List.of("olumiant", "koselugo")));
    }
}
