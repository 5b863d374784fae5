package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medcounsel.BundledData;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;

/**
 * A site records its own pharmacist's approval per drug; an approved sheet says who and when,
 * an approval older than the sheet's check no longer counts, and check lists what is unapproved.
 */
class ApprovalsTest {
    final Cli cli = new Cli();

    void approve(String drug, String on) {
        cli.write(
                "site/approvals.yaml",
                "approvals:\n  - drug: " + drug + "\n    by: A. Patel, pharmacist\n    on: " + on + "\n");
    }

    @Test
    void anApprovedSheetSaysWhoApprovedItAndWhen() {
        approve("baricitinib", "2026-11-24");
        for (String format : new String[] {"text", "markdown", "html", "json"}) {
            Result r = cli.run("info", "olumiant", "--data", "site", "--format", format, "--width", "200");
            assertEquals(0, r.code(), r::toString);
            assertTrue(
                    r.out().contains("Approved for use at this site by A. Patel, pharmacist on 2026-11-24."),
                    format + ": " + r.out());
        }
        assertFalse(cli.run("info", "koselugo", "--data", "site").out().contains("Approved"), "only what was approved");
    }

    @Test
    void anApprovalOlderThanTheSheetsCheckDoesNotCount() {
        approve("baricitinib", "2026-01-05");
        assertFalse(cli.run("info", "olumiant", "--data", "site").out().contains("Approved"));
        Result check = cli.run("check", "--data", "site");
        assertTrue(
                check.out()
                        .contains("site/approvals.yaml:2: warning: the approval of 'baricitinib' on 2026-01-05"
                                + " is older than the sheet's check against the labels on 2026-11-23"),
                check.out());
    }

    @Test
    void checkListsTheSheetsTheSiteHasNotApproved() {
        approve("baricitinib", "2026-11-24");
        Result r = cli.run("check", "--data", "site", "--unapproved");
        assertTrue(
                r.out()
                        .contains((BundledData.drugIds().size() - 1)
                                + " drug sheets not approved by this site:\n  abrocitinib (checked against the"
                                + " labels on 2026-11-23)\n"),
                r.out());
        assertFalse(r.out().contains("  baricitinib ("), r.out());
    }

    @Test
    void anApprovalOfADrugWithNoSheetIsAnError() {
        approve("barcitinib", "2026-11-24");
        Result r = cli.run("check", "--data", "site");
        assertEquals(1, r.code());
        assertTrue(
                r.out()
                        .contains("site/approvals.yaml:2: error: approval of 'barcitinib', which has no drug sheet"
                                + " (did you mean 'baricitinib'?)"),
                r.out());
    }

    @Test
    void theBundledSheetsClaimNoApproval() {
        Result r = cli.run("check", "--unapproved");
        assertTrue(r.out().contains(BundledData.drugIds().size() + " drug sheets not approved by this site:"), r.out());
    }
}
