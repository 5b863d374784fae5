package org.medcounsel.sheet;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads one YAML document into {@link YamlNode}s with the streaming parser, within fixed limits,
 * so a hostile or broken file gives one located error and never a half-read value.
 */
public final class YamlReader {
    /** Largest data file accepted. Real sheets are a few kilobytes. */
    public static final int MAX_BYTES = 1 << 20;

    static final int MAX_DEPTH = 32;

    private static final YAMLFactory FACTORY = factory();

    private YamlReader() {}

    private static YAMLFactory factory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
        factory.setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH + 2)
                .maxStringLength(MAX_BYTES)
                .build()); // ours reports first
        return factory;
    }

    /** Parses {@code bytes} (UTF-8) from the file the user knows as {@code file}. */
    public static YamlNode read(String file, byte[] bytes) {
        if (bytes.length == 0) {
            throw new SheetException(file, 0, "the file is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new SheetException(
                    file, 0, "the file is " + bytes.length / 1024 + " KiB; the limit is " + MAX_BYTES / 1024 + " KiB");
        }
        String text = decode(file, bytes);
        JsonParser parser = null;
        try {
            parser = FACTORY.createParser(text);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SheetException(file, 0, "the file has no YAML content");
            }
            YamlNode root = node(file, parser, first, 1);
            JsonToken next = parser.nextToken();
            if (next != null) {
                throw new SheetException(file, line(parser), "only one YAML document is allowed per file");
            }
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() != null
                    ? e.getLocation().getLineNr()
                    : parser != null ? parser.currentLocation().getLineNr() : 0;
            throw new SheetException(file, Math.max(line, 0), "not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new SheetException(file, 0, "cannot read: " + e.getMessage());
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // Reading from a string: nothing to release.
                }
            }
        }
    }

    private static String decode(String file, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            int nul = text.indexOf('\0');
            if (nul >= 0) {
                throw new SheetException(file, lineAt(text, nul), "the file is binary, not YAML text");
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new SheetException(file, 0, "the file is not UTF-8 text");
        }
    }

    private static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') line++;
        }
        return line;
    }

    private static YamlNode node(String file, JsonParser p, JsonToken token, int depth) throws IOException {
        int line = line(p);
        if (((YAMLParser) p).getObjectId() != null) {
            throw new SheetException(
                    file, line, "anchors and aliases (&name, *name) are not allowed; write the text out");
        }
        if (depth > MAX_DEPTH) {
            throw new SheetException(file, line, "nested more than " + MAX_DEPTH + " levels deep");
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    YamlNode value = node(file, p, p.nextToken(), depth + 1);
                    YamlNode.Entry earlier = entries.putIfAbsent(key, new YamlNode.Entry(key, keyLine, value));
                    if (earlier != null) {
                        throw new SheetException(
                                file,
                                keyLine,
                                "duplicate field '" + key + "' (first given on line " + earlier.keyLine() + ")");
                    }
                }
                return new YamlNode.Mapping(entries, line);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    items.add(node(file, p, t, depth + 1));
                }
                return new YamlNode.Sequence(items, line);
            }
            case VALUE_STRING:
                return new YamlNode.Scalar(p.getText(), YamlNode.ScalarKind.TEXT, line);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.Scalar(p.getText(), YamlNode.ScalarKind.NUMBER, line);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlNode.Scalar(p.getText(), YamlNode.ScalarKind.BOOLEAN, line);
            case VALUE_NULL:
                return new YamlNode.Scalar("", YamlNode.ScalarKind.EMPTY, line);
            default:
                throw new SheetException(file, line, "unexpected YAML content (" + token + ")");
        }
    }

    private static int line(JsonParser p) {
        return Math.max(p.currentTokenLocation().getLineNr(), 0);
    }

    /** SnakeYAML's message without its source excerpts and position lines, on one line. */
    private static String firstLine(String message) {
        if (message == null || message.isBlank()) return "unknown problem";
        String joined = message.lines()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)) && !l.contains("in 'reader'"))
                .map(String::strip)
                .collect(Collectors.joining("; "));
        return joined.isEmpty() ? message.strip().lines().findFirst().orElse("") : joined;
    }
}
