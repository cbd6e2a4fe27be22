package dev.llmfleet.model.hf;

import dev.llmfleet.model.ModelFormatException;
import dev.llmfleet.model.ModelJson;
import tools.jackson.databind.JsonNode;

/** Reads typed fields of a model folder's JSON file, naming the file and field in every refusal. */
final class JsonFields {

    private final String file;
    private final JsonNode root;

    JsonFields(String file, JsonNode root) {
        if (root == null || !root.isObject()) {
            throw ModelFormatException.of(file + " is not a JSON object");
        }
        this.file = file;
        this.root = root;
    }

    /** {@code json}, the content of {@code file}, read as an object; a syntax error is refused naming the file. */
    static JsonFields parse(String file, String json) {
        try {
            return new JsonFields(file, ModelJson.MAPPER.readTree(json));
        } catch (tools.jackson.core.JacksonException e) {
            throw ModelFormatException.of(file + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    JsonNode root() {
        return root;
    }

    boolean has(String field) {
        return root.has(field) && !root.get(field).isNull();
    }

    String string(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw ModelFormatException.field(file, field, "is missing");
        }
        if (!node.isString()) {
            throw ModelFormatException.field(file, field, "must be a string, was " + node);
        }
        return node.asString();
    }

    String string(String field, String fallback) {
        return has(field) ? string(field) : fallback;
    }

    int positiveInt(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw ModelFormatException.field(file, field, "is missing");
        }
        return positive(field, node);
    }

    int positiveInt(String field, int fallback) {
        return has(field) ? positive(field, root.get(field)) : fallback;
    }

    private int positive(String field, JsonNode node) {
        if (!node.isIntegralNumber() || node.asLong() < 1 || node.asLong() > Integer.MAX_VALUE) {
            throw ModelFormatException.field(file, field, "must be a positive integer, was " + node);
        }
        return node.asInt();
    }

    double positiveNumber(String field, double fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode node = root.get(field);
        if (!node.isNumber() || !(node.asDouble() > 0) || Double.isInfinite(node.asDouble())) {
            throw ModelFormatException.field(file, field, "must be a positive number, was " + node);
        }
        return node.asDouble();
    }

    boolean bool(String field, boolean fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode node = root.get(field);
        if (!node.isBoolean()) {
            throw ModelFormatException.field(file, field, "must be true or false, was " + node);
        }
        return node.asBoolean();
    }

    JsonFields object(String field) {
        JsonNode node = root.get(field);
        if (!node.isObject()) {
            throw ModelFormatException.field(file, field, "must be an object, was " + node);
        }
        return new JsonFields(file + " " + field, node);
    }

    ModelFormatException refuse(String field, String problem) {
        return ModelFormatException.field(file, field, problem);
    }
}
