package org.medcounsel.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nu.validator.client.EmbeddedValidator;

/** The Nu HTML Checker, in-process: the messages it has about a page (errors and warnings). */
public final class Html {
    private static EmbeddedValidator validator;

    private Html() {}

    /** Every error and warning the checker reports, as "type: message (line N)". */
    public static synchronized List<String> problems(String html) throws Exception {
        if (validator == null) {
            validator = new EmbeddedValidator();
            validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        }
        String json = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        List<String> problems = new ArrayList<>();
        JsonNode messages = new ObjectMapper().readTree(json).path("messages");
        for (JsonNode m : messages) {
            String type = m.path("type").asText()
                    + (m.has("subType") ? "/" + m.get("subType").asText() : "");
            if (!type.equals("info")) {
                problems.add(type + ": " + m.path("message").asText() + " (line "
                        + m.path("lastLine").asInt() + ")");
            }
        }
        return problems;
    }
}
