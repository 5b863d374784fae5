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
    void transposedLettersCostOne() {
        assertEquals(1, Names.distance("koselgou", "koseluog") - 1);
    }
}
