package org.medcounsel.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.NameChars;
import org.medcounsel.sheet.Problem;
import org.medcounsel.sheet.Shape;
import org.medcounsel.sheet.SheetException;
import org.medcounsel.sheet.SheetFile;
import org.medcounsel.sheet.Shelf.Kind;
import org.medcounsel.sheet.YamlNode;

/**
 * The linter's rules for drug names (rule "name"). A name is what a pharmacist types and what
 * completion hands to a shell, so each must be plain text, and each must find one drug: a site
 * sheet that took a bundled drug's name would silently answer for it.
 */
final class DrugNames {
    private DrugNames() {}

    /** A generic name or brand as a drug sheet writes it. */
    record Named(String id, String file, boolean site, String field, String text, int line) {
        String key() {
            return key(text);
        }

        /** How a name is looked up: as the name index keeps it. */
        static String key(String text) {
            return Shape.Bound.clean(text).toLowerCase(Locale.ROOT);
        }
    }

    /** The names of the drug sheet {@code id}, read from {@code file}. */
    static List<Named> of(String id, SheetFile file, YamlNode root) {
        boolean site = !file.location().isEmpty();
        YamlNode generic = root instanceof YamlNode.Mapping m && m.entries().get("name") != null
                ? m.entries().get("name").value()
                : null;
        List<Named> named = new ArrayList<>();
        for (YamlNode.Scalar name : names(root)) {
            String field = name == generic ? "generic name" : "brand";
            named.add(new Named(id, file.name(), site, field, name.text(), name.line()));
        }
        return named;
    }

    /** Names completion would hand to a shell that a shell would act on. */
    static List<Problem> shellUnsafe(String file, YamlNode root) {
        List<Problem> problems = new ArrayList<>();
        for (YamlNode.Scalar name : names(root)) {
            NameChars.unsafe(name.text())
                    .ifPresent(c -> problems.add(new Problem(
                            file,
                            name.line(),
                            Problem.Level.ERROR,
                            "name",
                            "the name '" + name.text() + "' holds " + c + ", which a shell acts on: names and"
                                    + " brands may not hold " + String.join(" ", NameChars.SHELL.split(""))
                                    + " or control characters")));
        }
        return problems;
    }

    /**
     * Every name finds one drug. A site sheet may not take a name of a bundled drug, and no two
     * sheets may share a name; a sheet that replaces a bundled one (same id) keeps its names.
     * {@code names} come in id order: the later sheet is reported, naming the earlier.
     */
    static List<Problem> oneDrugPerName(List<Named> names, Formulary formulary) {
        Map<String, String> bundled = names.stream().anyMatch(Named::site) ? bundled(formulary) : Map.of();
        List<Problem> problems = new ArrayList<>();
        Map<String, Named> first = new HashMap<>();
        for (Named n : names) {
            String owner = bundled.get(n.key());
            if (n.site() && owner != null && !owner.equals(n.id())) {
                problems.add(new Problem(
                        n.file(),
                        n.line(),
                        Problem.Level.ERROR,
                        "name",
                        "the " + n.field() + " '" + n.text() + "' is already a name of the bundled drug " + owner
                                + "; a name must find one drug (to replace that drug's sheet, name this file " + owner
                                + ".yaml)"));
                continue;
            }
            Named before = first.putIfAbsent(n.key(), n);
            if (before != null && !before.id().equals(n.id())) {
                problems.add(new Problem(
                        n.file(),
                        n.line(),
                        Problem.Level.ERROR,
                        "name",
                        "the " + n.field() + " '" + n.text() + "' is also a name of " + before.id() + " ("
                                + before.file() + ":" + before.line() + "); a name must find one drug"));
            }
        }
        return problems;
    }

    /** Every name of every bundled drug, replaced or not, to its id. */
    private static Map<String, String> bundled(Formulary formulary) {
        Map<String, String> bundled = new HashMap<>();
        for (String id : formulary.bundledIds(Kind.DRUG)) {
            try {
                formulary.shelves().bundledSheet(Kind.DRUG, id).ifPresent(file -> names(file.tree())
                        .forEach(n -> bundled.putIfAbsent(Named.key(n.text()), id)));
            } catch (SheetException e) {
                // A broken bundled sheet is reported with the sheets.
            }
        }
        return bundled;
    }

    /** A drug sheet's generic name and brands as written, with their lines. */
    static List<YamlNode.Scalar> names(YamlNode root) {
        List<YamlNode.Scalar> names = new ArrayList<>();
        if (root instanceof YamlNode.Mapping m) {
            if (m.entries().get("name") != null && m.entries().get("name").value() instanceof YamlNode.Scalar s) {
                names.add(s);
            }
            if (m.entries().get("brands") != null
                    && m.entries().get("brands").value() instanceof YamlNode.Sequence brands) {
                brands.items().stream()
                        .filter(b -> b instanceof YamlNode.Scalar)
                        .forEach(b -> names.add((YamlNode.Scalar) b));
            }
        }
        return names;
    }
}
