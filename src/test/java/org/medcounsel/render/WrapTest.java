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

    @Test
    void aChineseCharacterTakesTwoColumnsAndALineMayBreakBetweenTwo() {
        // 12 characters, 24 columns: at width 10 each line holds 5 of them.
        assertEquals(List.of("每天服用一", "片药片，最", "好在同一时", "间。"), Wrap.lines("每天服用一片药片，最好在同一时间。", 10, "", ""));
        for (String line : Wrap.lines("每天服用一片药片，最好在同一时间。您可以随餐服用，也可以空腹服用。", 17, "  ", "  ")) {
            assertTrue(Wrap.len(line) <= 17, line);
        }
    }

    @Test
    void closingMarksStayWithTheCharacterBeforeThemAndOpeningMarksWithTheOneAfter() {
        // A break before "，" would start a line with it: the character before moves down too.
        assertEquals(List.of("一二三", "四，五"), Wrap.lines("一二三四，五", 7, "", ""));
        // "（" never ends a line.
        assertEquals(List.of("一二", "（三）"), Wrap.lines("一二（三）", 5, "", ""));
    }

    @Test
    void latinWordsInChineseTextStayWholeAndKeepTheirSpaces() {
        assertEquals(List.of("Baricitinib 是一种", "药片。"), Wrap.lines("Baricitinib 是一种药片。", 18, "", ""));
        assertEquals(List.of("服用", "baricitinib", "时"), Wrap.lines("服用baricitinib时", 11, "", ""));
    }

    @Test
    void combiningMarksTakeNoColumnAndWideCharactersTwo() {
        assertEquals(1, Wrap.len("e\u0301"));
        assertEquals(4, Wrap.len("药片"));
        assertEquals(2, Wrap.len("\uff08"));
        assertEquals("药片\u2026", Wrap.cut("药片药片药片", 6));
    }
}
