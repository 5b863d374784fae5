package org.medcounsel.sheet;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The declared shape of one kind of YAML object: its fields, their types and which are required.
 * The loader validates against it and the JSON Schema is generated from it, so the two cannot
 * disagree.
 */
public final class Shape {
    private final String name;
    private final String description;
    private final Map<String, Field<?>> fields = new LinkedHashMap<>();

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

    public List<Field<?>> fields() {
        return List.copyOf(fields.values());
    }

    /** The field of that name, or null. */
    public Field<?> field(String name) {
        return fields.get(name);
    }

    /** Declares a field every object of this shape must have. */
    public <T> Field<T> required(String field, Type<T> type, String description) {
        return add(new Field<>(field, type, true, description, null));
    }

    /** Declares a field an object may leave out; reading it then gives {@code absent}. */
    public <T> Field<T> optional(String field, Type<T> type, String description, T absent) {
        return add(new Field<>(field, type, false, description, absent));
    }

    private <T> Field<T> add(Field<T> field) {
        if (fields.putIfAbsent(field.name(), field) != null) {
            throw new IllegalStateException(name + " declares '" + field.name() + "' twice");
        }
        return field;
    }

    /**
     * One field of a shape: the single declaration that validation, binding ({@link Bound#get})
     * and the JSON Schema all read. {@code absent} is what an optional field reads as when left out.
     */
    public record Field<T>(String name, Type<T> type, boolean required, String description, T absent) {}

    /** What a field may hold, and the Java value it binds to. */
    public sealed interface Type<T> {
        String describe();

        /** The value of a node that has passed {@link Shape#bind}. */
        T decode(String file, YamlNode node);
    }

    /** Plain text; {@code prose} marks text a patient reads (scored for readability). */
    public record Text(boolean prose, Pattern pattern, String patternHint) implements Type<String> {
        public String describe() {
            return patternHint == null ? "text" : patternHint;
        }

        public String decode(String file, YamlNode node) {
            return Bound.clean(((YamlNode.Scalar) node).text());
        }
    }

    /** A calendar date written YYYY-MM-DD. */
    public record Date() implements Type<LocalDate> {
        public String describe() {
            return "a date (YYYY-MM-DD)";
        }

        public LocalDate decode(String file, YamlNode node) {
            return Bound.parseDate(Bound.clean(((YamlNode.Scalar) node).text()));
        }
    }

    /** A number. */
    public record Number() implements Type<Double> {
        public String describe() {
            return "a number";
        }

        public Double decode(String file, YamlNode node) {
            return Double.parseDouble(((YamlNode.Scalar) node).text());
        }
    }

    /** One of an enum's constants, written as a sheet writes them ({@link Sheets#word}). */
    public record Choice<E extends Enum<E>>(Class<E> type, List<String> values) implements Type<E> {
        public String describe() {
            return "one of " + String.join(", ", values);
        }

        public E decode(String file, YamlNode node) {
            return Sheets.fromWord(type, ((YamlNode.Scalar) node).text());
        }
    }

    /** A list of items of one type, with at least {@code min} and at most {@code max} items. */
    public record ListOf<T>(Type<T> item, int min, int max) implements Type<List<T>> {
        public ListOf(Type<T> item, int min) {
            this(item, min, Integer.MAX_VALUE);
        }

        public String describe() {
            return "a list";
        }

        public List<T> decode(String file, YamlNode node) {
            List<T> out = new ArrayList<>();
            for (YamlNode each : ((YamlNode.Sequence) node).items()) {
                out.add(item.decode(file, each));
            }
            return List.copyOf(out);
        }
    }

    /** A nested object of a known shape, bound to a value by {@code build}. */
    public record Obj<T>(Shape shape, Function<Bound, T> build) implements Type<T> {
        public String describe() {
            return "a map of fields (" + shape.name() + ")";
        }

        public T decode(String file, YamlNode node) {
            return build.apply(new Bound(file, (YamlNode.Mapping) node));
        }
    }

    /** A number as people write it: digits, an optional point, an optional sign. */
    static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    public static final Type<String> TEXT = new Text(false, null, null);
    public static final Type<String> PROSE = new Text(true, null, null);
    public static final Type<String> ID = new Text(
            false, Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*"), "a lower-case id (letters, digits and single dashes)");
    public static final Type<String> URL =
            new Text(false, Pattern.compile("https?://\\S+"), "a web address (https://...)");
    public static final Type<LocalDate> DATE = new Date();
    public static final Type<Double> NUMBER = new Number();

    /** A choice among an enum's constants: the enum is the one list of valid words. */
    public static <E extends Enum<E>> Type<E> choice(Class<E> type) {
        return new Choice<>(
                type, Arrays.stream(type.getEnumConstants()).map(Sheets::word).toList());
    }

    public static <T> Type<List<T>> listOf(Type<T> item) {
        return new ListOf<>(item, 0);
    }

    public static <T> Type<List<T>> nonEmptyListOf(Type<T> item) {
        return new ListOf<>(item, 1);
    }

    /** A list of exactly {@code n} items. */
    public static <T> Type<List<T>> listOfExactly(int n, Type<T> item) {
        return new ListOf<>(item, n, n);
    }

    public static <T> Type<T> object(Shape shape, Function<Bound, T> build) {
        return new Obj<>(shape, build);
    }

    /**
     * Checks {@code node} against this shape, adding every problem to {@code problems}.
     * Returns the checked object, or null when {@code node} is not a mapping at all.
     */
    public Bound bind(String file, YamlNode node, List<Problem> problems) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problems.add(Problem.error(
                    file, node.line(), "expected a map of fields (" + name + ")" + ", found " + node.describe()));
            return null;
        }
        Set<String> misspelt = new HashSet<>();
        for (YamlNode.Entry entry : mapping.entries().values()) {
            Field<?> field = fields.get(entry.key());
            if (field == null) {
                List<String> close = Names.closest(entry.key(), fields.keySet());
                close.stream().findFirst().ifPresent(misspelt::add);
                problems.add(Problem.error(
                        file,
                        entry.keyLine(),
                        "unknown field '" + entry.key() + "' in " + name
                                + Names.didYouMean(entry.key(), fields.keySet())));
            } else {
                check(file, field.name(), field.type(), entry.value(), problems);
            }
        }
        for (Field<?> field : fields.values()) {
            // A misspelt key already says which field it was meant to be; don't report that twice.
            if (field.required() && !mapping.entries().containsKey(field.name()) && !misspelt.contains(field.name())) {
                problems.add(Problem.error(
                        file, mapping.line(), "missing required field '" + field.name() + "' in " + name));
            }
        }
        return new Bound(file, mapping);
    }

    private static void check(String file, String field, Type<?> type, YamlNode node, List<Problem> problems) {
        if (type instanceof Text text) {
            String value = scalar(file, field, type, node, YamlNode.ScalarKind.TEXT, problems);
            if (value == null) return;
            if (value.isBlank()) {
                problems.add(Problem.error(file, node.line(), "'" + field + "' is empty"));
            } else if (text.pattern() != null
                    && !text.pattern().matcher(value.strip()).matches()) {
                problems.add(Problem.error(
                        file,
                        node.line(),
                        "'" + field + "' must be " + text.patternHint() + ", not '" + value.strip() + "'"));
            }
        } else if (type instanceof Date date) {
            String value = scalar(file, field, type, node, YamlNode.ScalarKind.TEXT, problems);
            if (value != null && Bound.parseDate(value) == null) {
                problems.add(Problem.error(
                        file, node.line(), "'" + field + "' must be " + date.describe() + ", not '" + value + "'"));
            }
        } else if (type instanceof Number) {
            String value = scalar(file, field, type, node, YamlNode.ScalarKind.NUMBER, problems);
            // YAML also reads 0x4B, 7_5, .inf and .nan as numbers: a sheet gives plain decimals.
            if (value != null && !PLAIN_NUMBER.matcher(value).matches()) {
                problems.add(Problem.error(
                        file,
                        node.line(),
                        "'" + field + "' must be a plain decimal number" + " (like 75 or 0.5), not '" + value + "'"));
            }
        } else if (type instanceof Choice<?> choice) {
            String value = scalar(file, field, type, node, YamlNode.ScalarKind.TEXT, problems);
            if (value != null && !choice.values().contains(value)) {
                problems.add(Problem.error(
                        file,
                        node.line(),
                        "'" + field + "' must be " + choice.describe() + ", not '" + value + "'"
                                + Names.didYouMean(value, choice.values())));
            }
        } else if (type instanceof ListOf<?> list) {
            if (!(node instanceof YamlNode.Sequence seq)) {
                problems.add(
                        Problem.error(file, node.line(), "'" + field + "' must be a list, found " + node.describe()));
                return;
            }
            if (list.min() == list.max() && seq.items().size() != list.min()) {
                problems.add(Problem.error(
                        file,
                        node.line(),
                        "'" + field + "' needs exactly " + list.min() + " items, not "
                                + seq.items().size()));
            } else if (seq.items().size() < list.min()) {
                problems.add(
                        Problem.error(file, node.line(), "'" + field + "' needs at least " + list.min() + " item"));
            } else if (seq.items().size() > list.max()) {
                problems.add(
                        Problem.error(file, node.line(), "'" + field + "' takes at most " + list.max() + " items"));
            }
            for (YamlNode item : seq.items()) {
                check(file, field, list.item(), item, problems);
            }
        } else if (type instanceof Obj<?> obj) {
            obj.shape().bind(file, node, problems);
        }
    }

    private static String scalar(
            String file, String field, Type<?> type, YamlNode node, YamlNode.ScalarKind want, List<Problem> problems) {
        if (node instanceof YamlNode.Scalar s && s.kind() == want) {
            return s.text();
        }
        String hint = node instanceof YamlNode.Scalar s
                        && want == YamlNode.ScalarKind.TEXT
                        && s.kind() != YamlNode.ScalarKind.EMPTY
                ? " (put it in quotes to make it text)"
                : "";
        problems.add(Problem.error(
                file, node.line(), "'" + field + "' must be " + type.describe() + ", found " + node.describe() + hint));
        return null;
    }

    /**
     * Calls {@code visit} with the dotted field path and the scalar of every patient-facing (prose)
     * text in {@code node}, as far as the node fits this shape.
     */
    public void forEachProse(YamlNode node, String path, BiConsumer<String, YamlNode.Scalar> visit) {
        if (!(node instanceof YamlNode.Mapping mapping)) return;
        for (YamlNode.Entry entry : mapping.entries().values()) {
            Field<?> field = fields.get(entry.key());
            if (field != null) {
                prose(field.type(), entry.value(), path.isEmpty() ? field.name() : path + "." + field.name(), visit);
            }
        }
    }

    private static void prose(Type<?> type, YamlNode node, String path, BiConsumer<String, YamlNode.Scalar> visit) {
        if (type instanceof Text text
                && text.prose()
                && node instanceof YamlNode.Scalar scalar
                && scalar.kind() == YamlNode.ScalarKind.TEXT) {
            visit.accept(path, scalar);
        } else if (type instanceof ListOf<?> list && node instanceof YamlNode.Sequence seq) {
            seq.items().forEach(item -> prose(list.item(), item, path, visit));
        } else if (type instanceof Obj<?> obj) {
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

        public boolean has(Field<?> field) {
            return mapping.entries().containsKey(field.name());
        }

        /** The line of the field's value, or of the object when the field is left out. */
        public int lineOf(Field<?> field) {
            YamlNode.Entry e = mapping.entries().get(field.name());
            return e == null ? mapping.line() : e.value().line();
        }

        /** The objects of a list-of-objects field as written, for checks that need their lines. */
        public List<Bound> objects(Field<? extends List<?>> field) {
            YamlNode.Entry e = mapping.entries().get(field.name());
            List<Bound> out = new ArrayList<>();
            if (e != null) {
                for (YamlNode item : ((YamlNode.Sequence) e.value()).items()) {
                    out.add(new Bound(file, (YamlNode.Mapping) item));
                }
            }
            return List.copyOf(out);
        }

        /** The field's value as its declaration binds it; {@code absent} when an optional field is left out. */
        public <T> T get(Field<T> field) {
            YamlNode.Entry e = mapping.entries().get(field.name());
            return e == null ? field.absent() : field.type().decode(file, e.value());
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

        static LocalDate parseDate(String text) {
            try {
                return text.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(text) : null;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
