package org.medcounsel.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void aWordLongerThanTheLineStandsWholeOnItsOwnLine() {
        assertEquals(
                List.of("see", "https://example.org/a/very/long/address", "ok"),
                Wrap.lines("see https://example.org/a/very/long/address ok", 16, "", ""));
        assertEquals(
                List.of("  - Read", "    <https://example.org/a/very/long/address>", "    today."),
                Wrap.lines("Read <https://example.org/a/very/long/address> today.", 16, "  - ", "    "));
        assertEquals(
                List.of("  - <https://example.org/a/very/long/address>", "    ok"),
                Wrap.lines("<https://example.org/a/very/long/address> ok", 16, "  - ", "    "));
    }

    @Test
    void aTitleIsCutAtAWordWithAnEllipsisOnlyWhenItDoesNotFit() {
        assertEquals("Olumiant product information", Wrap.cut("Olumiant  product information", 28));
        assertEquals("Olumiant product\u2026", Wrap.cut("Olumiant product information, EMA", 24));
        assertEquals("Olumiant (baricitinib)\u2026", Wrap.cut("Olumiant (baricitinib), EMA product information", 25));
        assertEquals("Olumiantbaricitin\u2026", Wrap.cut("Olumiantbaricitinib label", 18));
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
