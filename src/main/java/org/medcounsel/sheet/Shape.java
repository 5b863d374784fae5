package org.medcounsel.sheet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The declared shape of one kind of YAML object: its fields, their types and which are required.
 * The loader validates against it and the JSON Schema is generated from it, so the two cannot
 * disagree.
 */
public final class Shape {
    private final String name;
    private final String description;
    private final Map<String, Field> fields = new LinkedHashMap<>();

    public Shape(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public List<Field> fields() {
        return List.copyOf(fields.values());
    }

    public Shape required(String field, Type type, String description) {
        fields.put(field, new Field(field, type, true, description));
        return this;
    }

    public Shape optional(String field, Type type, String description) {
        fields.put(field, new Field(field, type, false, description));
        return this;
    }

    /** One field of a shape. */
    public record Field(String name, Type type, boolean required, String description) {}

    /** What a field may hold. */
    public sealed interface Type {
        String describe();
    }

    /** Plain text; {@code prose} marks text a patient reads (scored for readability). */
    public record Text(boolean prose, Pattern pattern, String patternHint) implements Type {
        public String describe() {
            return patternHint == null ? "text" : patternHint;
        }
    }

    /** A calendar date written YYYY-MM-DD. */
    public record Date() implements Type {
        public String describe() {
            return "a date (YYYY-MM-DD)";
        }
    }

    /** A number. */
    public record Number() implements Type {
        public String describe() {
            return "a number";
        }
    }

    /** One of a fixed set of words. */
    public record Choice(List<String> values) implements Type {
        public String describe() {
            return "one of " + String.join(", ", values);
        }
    }

    /** A list of items of one type, with at least {@code min} items. */
    public record ListOf(Type item, int min) implements Type {
        public String describe() {
            return "a list";
        }
    }

    /** A nested object of a known shape. */
    public record Obj(Shape shape) implements Type {
        public String describe() {
            return "a map of fields (" + shape.name() + ")";
        }
    }

    public static final Type TEXT = new Text(false, null, null);
    public static final Type PROSE = new Text(true, null, null);
    public static final Type ID = new Text(false, Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*"),
            "a lower-case id (letters, digits and single dashes)");
    public static final Type URL = new Text(false, Pattern.compile("https?://\\S+"), "a web address (https://...)");
    public static final Type DATE = new Date();
    public static final Type NUMBER = new Number();

    public static Type choice(String... values) {
        return new Choice(List.of(values));
    }

    public static Type listOf(Type item) {
        return new ListOf(item, 0);
    }

    public static Type nonEmptyListOf(Type item) {
        return new ListOf(item, 1);
    }

    public static Type object(Shape shape) {
        return new Obj(shape);
    }

    /**
     * Checks {@code node} against this shape, adding every problem to {@code problems}.
     * Returns the checked object, or null when {@code node} is not a mapping at all.
     */
    public Bound bind(String file, YamlNode node, List<Problem> problems) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problems.add(Problem.error(file, node.line(), "expected " + new Obj(this).describe()
                    + ", found " + node.describe()));
            return null;
        }
        java.util.Set<String> misspelt = new java.util.HashSet<>();
        for (YamlNode.Entry entry : mapping.entries().values()) {
            Field field = fields.get(entry.key());
            if (field == null) {
                List<String> close = Names.closest(entry.key(), fields.keySet());
                close.stream().findFirst().ifPresent(misspelt::add);
                problems.add(Problem.error(file, entry.keyLine(), "unknown field '" + entry.key() + "' in "
                        + name + Names.didYouMean(entry.key(), fields.keySet())));
            } else {
                check(file, field.name(), field.type(), entry.value(), problems);
            }
        }
        for (Field field : fields.values()) {
            // A misspelt key already says which field it was meant to be; don't report that twice.
            if (field.required() && !mapping.entries().containsKey(field.name()) && !misspelt.contains(field.name())) {
                problems.add(Problem.error(file, mapping.line(), "missing required field '" + field.name()
                        + "' in " + name));
            }
        }
        return new Bound(file, mapping);
    }

    private static void check(String file, String field, Type type, YamlNode node, List<Problem> problems) {
        if (type instanceof Text text) {
            String value = scalar(file, field, type, node, YamlNode.ScalarKind.TEXT, problems);
            if (value == null) return;
            if (value.isBlank()) {
                problems.add(Problem.error(file, node.line(), "'" + field + "' is empty"));
            } else if (text.pattern() != null && !text.pattern().matcher(value.strip()).matches()) {
                problems.add(Problem.error(file, node.line(), "'" + field + "' must be " + text.patternHint()
                        + ", not '" + value.strip() + "'"));
            }
        } else if (type instanceof Date date) {
            String value = scalar(file, field, type, node, YamlNode.ScalarKind.TEXT, problems);
            if (value != null && Bound.parseDate(value) == null) {
                problems.add(Problem.error(file, node.line(), "'" + field + "' must be " + date.describe()
                        + ", not '" + value + "'"));
            }
        } else if (type instanceof Number) {
            scalar(file, field, type, node, YamlNode.ScalarKind.NUMBER, problems);
        } else if (type instanceof Choice choice) {
            String value = scalar(file, field, type, node, YamlNode.ScalarKind.TEXT, problems);
            if (value != null && !choice.values().contains(value)) {
                problems.add(Problem.error(file, node.line(), "'" + field + "' must be " + choice.describe()
                        + ", not '" + value + "'" + Names.didYouMean(value, choice.values())));
            }
        } else if (type instanceof ListOf list) {
            if (!(node instanceof YamlNode.Sequence seq)) {
                problems.add(Problem.error(file, node.line(), "'" + field + "' must be a list, found "
                        + node.describe()));
                return;
            }
            if (seq.items().size() < list.min()) {
                problems.add(Problem.error(file, node.line(), "'" + field + "' needs at least "
                        + list.min() + " item"));
            }
            for (YamlNode item : seq.items()) {
                check(file, field, list.item(), item, problems);
            }
        } else if (type instanceof Obj obj) {
            obj.shape().bind(file, node, problems);
        }
    }

    private static String scalar(String file, String field, Type type, YamlNode node, YamlNode.ScalarKind want,
            List<Problem> problems) {
        if (node instanceof YamlNode.Scalar s && s.kind() == want) {
            return s.text();
        }
        String hint = node instanceof YamlNode.Scalar s && want == YamlNode.ScalarKind.TEXT
                && s.kind() != YamlNode.ScalarKind.EMPTY ? " (put it in quotes to make it text)" : "";
        problems.add(Problem.error(file, node.line(), "'" + field + "' must be " + type.describe() + ", found "
                + node.describe() + hint));
        return null;
    }

    /**
     * Calls {@code visit} with the dotted field path and the scalar of every patient-facing (prose)
     * text in {@code node}, as far as the node fits this shape.
     */
    public void forEachProse(YamlNode node, String path, java.util.function.BiConsumer<String, YamlNode.Scalar> visit) {
        if (!(node instanceof YamlNode.Mapping mapping)) return;
        for (YamlNode.Entry entry : mapping.entries().values()) {
            Field field = fields.get(entry.key());
            if (field != null) {
                prose(field.type(), entry.value(), path.isEmpty() ? field.name() : path + "." + field.name(), visit);
            }
        }
    }

    private static void prose(Type type, YamlNode node, String path,
            java.util.function.BiConsumer<String, YamlNode.Scalar> visit) {
        if (type instanceof Text text && text.prose() && node instanceof YamlNode.Scalar scalar
                && scalar.kind() == YamlNode.ScalarKind.TEXT) {
            visit.accept(path, scalar);
        } else if (type instanceof ListOf list && node instanceof YamlNode.Sequence seq) {
            seq.items().forEach(item -> prose(list.item(), item, path, visit));
        } else if (type instanceof Obj obj) {
            obj.shape().forEachProse(node, path, visit);
        }
    }

    /** A mapping that has passed {@link #bind}; its accessors trust the shape. */
    public static final class Bound {
        private final String file;
        private final YamlNode.Mapping mapping;

        Bound(String file, YamlNode.Mapping mapping) {
            this.file = file;
            this.mapping = mapping;
        }

        public String file() {
            return file;
        }

        public int line() {
            return mapping.line();
        }

        public boolean has(String field) {
            return mapping.entries().containsKey(field);
        }

        public int lineOf(String field) {
            YamlNode.Entry e = mapping.entries().get(field);
            return e == null ? mapping.line() : e.value().line();
        }

        /** Text with its line breaks and runs of spaces folded to single spaces; "" when absent. */
        public String text(String field) {
            YamlNode.Entry e = mapping.entries().get(field);
            return e == null ? "" : clean(((YamlNode.Scalar) e.value()).text());
        }

        public java.util.Optional<String> optText(String field) {
            return has(field) ? java.util.Optional.of(text(field)) : java.util.Optional.empty();
        }

        public java.time.LocalDate date(String field) {
            return parseDate(text(field));
        }

        public java.util.OptionalDouble number(String field) {
            YamlNode.Entry e = mapping.entries().get(field);
            return e == null ? java.util.OptionalDouble.empty()
                    : java.util.OptionalDouble.of(Double.parseDouble(((YamlNode.Scalar) e.value()).text()));
        }

        public List<String> texts(String field) {
            List<String> out = new ArrayList<>();
            for (YamlNode item : items(field)) {
                out.add(clean(((YamlNode.Scalar) item).text()));
            }
            return List.copyOf(out);
        }

        public List<Bound> objects(String field) {
            List<Bound> out = new ArrayList<>();
            for (YamlNode item : items(field)) {
                out.add(new Bound(file, (YamlNode.Mapping) item));
            }
            return List.copyOf(out);
        }

        public Bound object(String field) {
            return new Bound(file, (YamlNode.Mapping) mapping.entries().get(field).value());
        }

        private List<YamlNode> items(String field) {
            YamlNode.Entry e = mapping.entries().get(field);
            return e == null ? List.of() : ((YamlNode.Sequence) e.value()).items();
        }

        /**
         * The text as a reader sees it: stripped, each run of spaces, tabs and line breaks made
         * one space. (A loop, not a regular expression: it runs on every text of every sheet.)
         */
        public static String clean(String text) {
            String s = text.strip();
            StringBuilder out = null;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!isSpace(c)) {
                    if (out != null) out.append(c);
                    continue;
                }
                int end = i + 1;
                while (end < s.length() && isSpace(s.charAt(end))) end++;
                if (out == null && (c != ' ' || end > i + 1)) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
                if (out != null) out.append(' ');
                i = end - 1;
            }
            return out == null ? s : out.toString();
        }

        /** What {@code \\s} matches in a Java regular expression. */
        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
        }

        static java.time.LocalDate parseDate(String text) {
            try {
                return text.matches("\\d{4}-\\d{2}-\\d{2}") ? java.time.LocalDate.parse(text) : null;
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
    }
}
