package org.medcounsel.sheet;

import java.time.LocalDate;

/**
 * A site pharmacist's approval of one drug sheet, from a site folder's {@code approvals.yaml}.
 * It counts only for the sheet as reviewed on or before {@code on}: a sheet checked again later
 * needs approving again. Bundled data never holds approvals.
 */
public record Approval(String drug, String by, LocalDate on, String file, int line) {
    /** Whether this approval covers a sheet last reviewed on {@code reviewed}. */
    public boolean covers(LocalDate reviewed) {
        return !on.isBefore(reviewed);
    }
}
