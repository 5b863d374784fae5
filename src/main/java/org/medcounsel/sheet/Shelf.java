package org.medcounsel.sheet;

import java.util.Optional;
import java.util.SortedSet;

/** A place sheets come from: the bundled data or a site folder. */
public interface Shelf {
    /** The two kinds of sheet, each in its own subfolder. */
    enum Kind {
        DRUG("drugs"),
        CLASS("classes");

        public final String folder;

        Kind(String folder) {
            this.folder = folder;
        }
    }

    /** Ids of the sheets of {@code kind}, from file names only (nothing is parsed). */
    SortedSet<String> ids(Kind kind);

    /** The sheet file for an id listed by {@link #ids}. */
    Optional<SheetFile> sheet(Kind kind, String id);

    /**
     * The translation overlay of a sheet into the language {@code lang}
     * ({@code drugs/<id>.<lang>.yaml}), if this shelf has one.
     */
    Optional<SheetFile> translation(Kind kind, String id, String lang);

    /** The languages this shelf has translations of a sheet into, from file names only. */
    SortedSet<String> languages(Kind kind, String id);

    /** One of this shelf's vocabulary files ({@code facts.yaml}, {@code words.yaml}), if it has it. */
    Optional<SheetFile> vocabulary(String name);

    /** What this shelf is, stable between runs: the folder's absolute path, or "bundled". */
    String identity();

    /**
     * Changes whenever the set of sheets of {@code kind} may have changed (a file added, removed
     * or renamed): the folder's modification time. Keys the cached name index.
     */
    String listingStamp(Kind kind);
}
