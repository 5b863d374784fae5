package org.medcounsel.sheet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A translation overlay ({@code drugs/<id>.<lang>.yaml}, {@code facts.<lang>.yaml}...): the
 * English file's shape with its patient text in another language, and a {@code translation:}
 * block saying which language, who made it and which English content it was made from.
 *
 * <p>An overlay can only replace text. Applied to the English tree, it yields the same tree with
 * each translated text put in: every rule, number, dose, choice and source still comes from the
 * English file, so no translation can change a verdict or a dose. A text whose numbers differ from
 * the English text's is refused for the same reason.
 *
 * @param lang     the language tag the overlay says it is in
 * @param of       the English file's content fingerprint it was translated from
 * @param by       who made it
 * @param tree     the merged tree: the English one with the translated texts in it
 * @param missing  texts of the English file the overlay does not translate (located)
 * @param problems what is wrong with the overlay itself (it cannot be used while any is an error)
 */
public record Translation(
        String lang, String of, String by, YamlNode tree, List<String> missing, List<Problem> problems) {

    /** A language tag as overlay file names carry it: {@code es}, {@code zh-Hans}, {@code pt-BR}. */
    public static final Pattern TAG = Pattern.compile("[a-z]{2,3}(-[A-Z][a-z]{3})?(-(?:[A-Z]{2}|[0-9]{3}))?");

    /** The block every overlay starts with. */
    public static final Shape META = new Shape("translation", "What a translation is and where it comes from.");

    public static final Shape.Field<String> META_LANG =
            META.required("lang", Shape.TEXT, "The language tag, as in the file name (es, zh-Hans).");
    public static final Shape.Field<String> META_OF = META.required(
            "of", Shape.TEXT, "The content fingerprint of the English file it was translated from (check prints it).");
    public static final Shape.Field<String> META_BY = META.required(
            "by", Shape.TEXT, "Who made it, and how; a site's approval says when a pharmacist checked it.");

    /** Whether the English file has changed since this translation was made. */
    public boolean staleFor(YamlNode english) {
        return !of.equals(fingerprint(english));
    }

    /** Whether it translates every text of the English file and has nothing wrong. */
    public boolean complete() {
        return missing.isEmpty() && problems.isEmpty();
    }

    /**
     * The content fingerprint of a YAML file: the first 16 hex digits of the SHA-256 of its
     * fields and values in order, with each text's line breaks and runs of spaces made one space.
     * Re-wrapping lines or editing comments leaves it as it was; any change a reader could see
     * changes it.
     */
    public static String fingerprint(YamlNode tree) {
        StringBuilder b = new StringBuilder();
        canonical(tree, b);
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void canonical(YamlNode node, StringBuilder b) {
        if (node instanceof YamlNode.Scalar s) {
            String text = Shape.Bound.clean(s.text());
            b.append('s')
                    .append(s.kind().ordinal())
                    .append(text.length())
                    .append(':')
                    .append(text);
        } else if (node instanceof YamlNode.Sequence q) {
            b.append('[');
            q.items().forEach(i -> canonical(i, b));
            b.append(']');
        } else if (node instanceof YamlNode.Mapping m) {
            b.append('{');
            m.entries().values().forEach(e -> {
                b.append(e.key().length()).append(':').append(e.key());
                canonical(e.value(), b);
            });
            b.append('}');
        }
    }

    /**
     * Applies the overlay {@code overlay} (read from {@code file}, in the language {@code lang}
     * its name gives) to the English tree of shape {@code shape}. {@code anyText} lets every text
     * field be translated (the words file's labels); otherwise only patient prose may be.
     */
    public static Translation apply(
            Shape shape, YamlNode english, YamlNode overlay, String file, String lang, boolean anyText) {
        List<Problem> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        String of = "";
        String by = "";
        String said = lang;
        if (!(overlay instanceof YamlNode.Mapping root)) {
            problems.add(Problem.error(file, overlay.line(), "expected a map of fields, found " + overlay.describe()));
            return new Translation(lang, of, by, english, missing, problems);
        }
        YamlNode.Entry meta = root.entries().get("translation");
        if (meta == null) {
            problems.add(Problem.error(
                    file, root.line(), "missing the 'translation:' block (lang, of: the English fingerprint, by)"));
        } else {
            Shape.Bound m = META.bind(file, fingerprintAsText(meta.value()), problems);
            if (m != null && problems.isEmpty()) {
                said = m.get(META_LANG);
                of = m.get(META_OF);
                by = m.get(META_BY);
                if (!said.equals(lang)) {
                    problems.add(Problem.error(
                            file,
                            m.lineOf(META_LANG),
                            "the file name says '" + lang + "' but 'lang' says '" + said + "'"));
                }
            }
        }
        Map<String, YamlNode.Entry> body = new LinkedHashMap<>(root.entries());
        body.remove("translation");
        // A class's name ("JAK inhibitors") is words a reader reads; a drug's name is a name.
        boolean namesToo = shape == SheetShapes.CLASS;
        YamlNode merged = new Merge(file, anyText, namesToo, problems, missing)
                .object(shape, english, new YamlNode.Mapping(body, root.line()), "");
        return new Translation(lang, of, by, merged, List.copyOf(missing), List.copyOf(problems));
    }

    /** A fingerprint of digits only (0123...) reads as a number in YAML: it is text all the same. */
    private static YamlNode fingerprintAsText(YamlNode meta) {
        if (meta instanceof YamlNode.Mapping m
                && m.entries().get("of") != null
                && m.entries().get("of").value() instanceof YamlNode.Scalar s
                && s.kind() == YamlNode.ScalarKind.NUMBER) {
            Map<String, YamlNode.Entry> entries = new LinkedHashMap<>(m.entries());
            YamlNode.Entry of = m.entries().get("of");
            entries.put(
                    "of",
                    new YamlNode.Entry(
                            "of", of.keyLine(), new YamlNode.Scalar(s.text(), YamlNode.ScalarKind.TEXT, s.line())));
            return new YamlNode.Mapping(entries, m.line());
        }
        return meta;
    }

    /** One pass over the English tree and the overlay together. */
    private record Merge(String file, boolean anyText, boolean namesToo, List<Problem> problems, List<String> missing) {

        YamlNode object(Shape shape, YamlNode english, YamlNode overlay, String path) {
            if (!(english instanceof YamlNode.Mapping en)) return english;
            if (!(overlay instanceof YamlNode.Mapping ov)) {
                problems.add(Problem.error(file, overlay.line(), at(path) + "expected a map of fields, as in English"));
                return english;
            }
            for (YamlNode.Entry entry : ov.entries().values()) {
                if (shape.field(entry.key()) == null || !en.entries().containsKey(entry.key())) {
                    problems.add(Problem.error(
                            file,
                            entry.keyLine(),
                            "'" + dotted(path, entry.key()) + "' is not in the English file, so there is"
                                    + " nothing there to translate"));
                }
            }
            Map<String, YamlNode.Entry> out = new LinkedHashMap<>();
            for (YamlNode.Entry entry : en.entries().values()) {
                Shape.Field<?> field = shape.field(entry.key());
                YamlNode.Entry given = ov.entries().get(entry.key());
                String where = dotted(path, entry.key());
                YamlNode value = entry.value();
                if (field != null) {
                    value = value(field.type(), value, given == null ? null : given.value(), where, given);
                }
                out.put(entry.key(), new YamlNode.Entry(entry.key(), entry.keyLine(), value));
            }
            return new YamlNode.Mapping(out, en.line());
        }

        /** The value to use for one English value, given the overlay's (null when it has none). */
        YamlNode value(Shape.Type<?> type, YamlNode english, YamlNode given, String path, YamlNode.Entry entry) {
            if (type instanceof Shape.Text text && english instanceof YamlNode.Scalar en) {
                boolean translatable =
                        text.prose() || (anyText && text.pattern() == null) || path.equals("name") && namesToo;
                if (given == null) {
                    if (translatable
                            && en.kind() == YamlNode.ScalarKind.TEXT
                            && !en.text().isBlank()) {
                        missing.add(path + " (English line " + en.line() + ")");
                    }
                    return english;
                }
                if (!(given instanceof YamlNode.Scalar tr) || tr.kind() != YamlNode.ScalarKind.TEXT) {
                    problems.add(
                            Problem.error(file, given.line(), at(path) + "expected text, found " + given.describe()));
                    return english;
                }
                if (!translatable) {
                    if (!Shape.Bound.clean(tr.text()).equals(Shape.Bound.clean(en.text()))) {
                        problems.add(Problem.error(
                                file,
                                given.line(),
                                at(path) + "'" + Shape.Bound.clean(en.text()) + "' is never translated (ids, names"
                                        + " and sources come from the English file); write it as in English or"
                                        + " leave it out"));
                    }
                    return english;
                }
                List<String> a = numbers(en.text());
                List<String> b = numbers(tr.text());
                if (!a.equals(b)) {
                    problems.add(Problem.error(
                            file,
                            given.line(),
                            at(path) + "its numbers (" + listed(b) + ") are not the English text's (" + listed(a)
                                    + "): a translation may never change a number"));
                    return english;
                }
                List<String> holes = placeholders(en.text());
                if (!sorted(holes).equals(sorted(placeholders(tr.text())))) {
                    problems.add(Problem.error(
                            file, given.line(), at(path) + "keep the placeholders as in English: " + holes));
                    return english;
                }
                return new YamlNode.Scalar(tr.text(), YamlNode.ScalarKind.TEXT, tr.line());
            }
            if (type instanceof Shape.ListOf<?> list && english instanceof YamlNode.Sequence en) {
                if (given == null) {
                    for (int i = 0; i < en.items().size(); i++) {
                        value(list.item(), en.items().get(i), null, path + "[" + (i + 1) + "]", null);
                    }
                    return english;
                }
                if (!(given instanceof YamlNode.Sequence tr)
                        || tr.items().size() != en.items().size()) {
                    problems.add(Problem.error(
                            file,
                            given.line(),
                            at(path) + "expected a list of " + en.items().size() + " items, one for each English"
                                    + " item in the same order"));
                    return english;
                }
                List<YamlNode> items = new ArrayList<>();
                for (int i = 0; i < en.items().size(); i++) {
                    items.add(
                            value(list.item(), en.items().get(i), tr.items().get(i), path + "[" + (i + 1) + "]", null));
                }
                return new YamlNode.Sequence(items, en.line());
            }
            if (type instanceof Shape.Obj<?> obj) {
                if (given == null) {
                    object(obj.shape(), english, new YamlNode.Mapping(Map.of(), english.line()), path);
                    return english;
                }
                return object(obj.shape(), english, given, path);
            }
            if (given != null) {
                problems.add(Problem.error(
                        file,
                        entry != null ? entry.keyLine() : given.line(),
                        at(path) + "cannot be translated: rules, numbers, doses, dates and sources come from the"
                                + " English file; leave it out"));
            }
            return english;
        }

        private static String at(String path) {
            return "'" + path + "': ";
        }

        private static String dotted(String path, String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        private static String listed(List<String> numbers) {
            return numbers.isEmpty() ? "none" : String.join(", ", numbers);
        }
    }

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z-]+\\}");

    /**
     * The runs of digits in a text, sorted: "0.5 x10^9/L" has 0, 10, 5, 9. Only the digits count,
     * so a decimal comma (0,5) says the same as a decimal point; full-width digits count as digits.
     */
    public static List<String> numbers(String text) {
        List<String> all = new ArrayList<>();
        Matcher m = DIGITS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC));
        while (m.find()) all.add(m.group());
        all.sort(null);
        return all;
    }

    /** The placeholders of a text ({page}, {pages}), in the order they come. */
    private static List<String> placeholders(String text) {
        List<String> all = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) all.add(m.group());
        return all;
    }

    private static List<String> sorted(List<String> items) {
        List<String> copy = new ArrayList<>(items);
        copy.sort(null);
        return copy;
    }
}
