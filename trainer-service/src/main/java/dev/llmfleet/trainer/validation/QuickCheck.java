package dev.llmfleet.trainer.validation;

import dev.llmfleet.api.trainer.ValidationIssue;
import dev.llmfleet.api.trainer.ValidationLevel;
import dev.llmfleet.trainer.engine.DatasetFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * QUICK validation of one line: encoding, JSON, the spec its keys name, the spec's schema. The
 * first line that names a spec fixes the file's spec; every other line must match it.
 */
final class QuickCheck {

    private static final Set<String> ROLES = Set.of(Turn.SYSTEM, Turn.USER, Turn.ASSISTANT);
    private static final Set<String> MESSAGE_KEYS = Set.of("role", "content");

    private final DatasetSpecRegistry registry;
    private final JsonMapper json;
    private final List<ValidationIssue> issues;
    private final List<Example> examples = new ArrayList<>();
    private DatasetSpec fileSpec;

    QuickCheck(DatasetSpecRegistry registry, JsonMapper json, List<ValidationIssue> issues) {
        this.registry = registry;
        this.json = json;
        this.issues = issues;
    }

    DatasetSpec fileSpec() {
        return fileSpec;
    }

    List<Example> examples() {
        return examples;
    }

    void accept(JsonLines.Line line) {
        if (line.text() == null) {
            issue(line.number(), line.problemCode(), line.problem());
            return;
        }
        if (line.text().isBlank()) {
            issue(line.number(), "blank-line", "blank line: every line must hold one example");
            return;
        }
        JsonNode node;
        try {
            node = json.readTree(line.text());
        } catch (JacksonException e) {
            issue(line.number(), "invalid-json", "not valid JSON: " + e.getOriginalMessage());
            return;
        }
        if (!node.isObject()) {
            issue(line.number(), "not-an-object", "a line must be one JSON object, found " + node.getNodeType());
            return;
        }
        DatasetSpecRegistry.SpecMatch match = registry.match(node);
        if (match.spec() == null) {
            issue(line.number(), "unknown-spec", match.reason());
            return;
        }
        if (fileSpec == null) {
            fileSpec = match.spec();
        } else if (!fileSpec.equals(match.spec())) {
            issue(
                    line.number(),
                    "spec-mismatch",
                    "line is " + match.spec().name() + " but the file is " + fileSpec.name());
            return;
        }
        List<Turn> turns = match.spec().format() == DatasetFormat.COMPLETION_V1
                ? completion(line.number(), node)
                : messages(line.number(), node);
        if (turns != null) {
            examples.add(new Example(line.number(), match.spec(), turns));
        }
    }

    private List<Turn> completion(long line, JsonNode node) {
        JsonNode prompt = node.get("prompt");
        JsonNode completion = node.get("completion");
        if (!prompt.isString() || !completion.isString()) {
            issue(line, "invalid-schema", "\"prompt\" and \"completion\" must be strings");
            return null;
        }
        return List.of(new Turn(Turn.USER, prompt.asString()), new Turn(Turn.ASSISTANT, completion.asString()));
    }

    private List<Turn> messages(long line, JsonNode node) {
        JsonNode messages = node.get("messages");
        if (!messages.isArray()) {
            issue(line, "invalid-schema", "\"messages\" must be an array");
            return null;
        }
        List<Turn> turns = new ArrayList<>();
        int index = 0;
        for (JsonNode message : messages) {
            String where = "messages[" + index++ + "]";
            if (!message.isObject() || !Set.copyOf(message.propertyNames()).equals(MESSAGE_KEYS)) {
                issue(line, "invalid-schema", where + " must be an object with exactly \"role\" and \"content\"");
                return null;
            }
            JsonNode role = message.get("role");
            JsonNode content = message.get("content");
            if (!role.isString() || !content.isString()) {
                issue(line, "invalid-schema", where + ": \"role\" and \"content\" must be strings");
                return null;
            }
            if (!ROLES.contains(role.asString())) {
                issue(
                        line,
                        "unknown-role",
                        where + " has unknown role '" + role.asString() + "', expected one of system, user, assistant");
                return null;
            }
            turns.add(new Turn(role.asString(), content.asString()));
        }
        return turns;
    }

    private void issue(long line, String code, String message) {
        issues.add(new ValidationIssue(line, ValidationLevel.QUICK, code, message));
    }
}
