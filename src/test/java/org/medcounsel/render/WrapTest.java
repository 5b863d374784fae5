package org.medcounsel.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WrapTest {
    @Test
    void wrapsAtWordBoundariesWithAHangingIndent() {
        assertEquals(
                List.of("  - Take one tablet", "    once a day with", "    water."),
                Wrap.lines("Take one tablet once a day with water.", 20, "  - ", "    "));
    }

    @Test
    void aWordLongerThanTheLineIsBrokenNotLost() {
        List<String> lines = Wrap.lines("see https://example.org/a/very/long/address ok", 16, "", "");
        lines.forEach(l -> assertTrue(l.length() <= 16, l));
        assertEquals(
                "see https://example.org/a/very/long/address ok",
                String.join("", lines).replace("see", "see ").replace("addressok", "address ok"));
    }

    @Test
    void collapsesRunsOfSpaceAndNeverEmitsTrailingSpace() {
        assertEquals(List.of("a b c"), Wrap.lines("  a \n b\t c  ", 10, "", ""));
    }

    @Test
    void countsCodePointsNotChars() {
        assertEquals(List.of("é é é é é"), Wrap.lines("é é é é é", 9, "", ""));
    }
}
