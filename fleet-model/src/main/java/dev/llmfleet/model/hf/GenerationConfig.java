package dev.llmfleet.model.hf;

import dev.llmfleet.model.ModelFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;

/**
 * {@code generation_config.json}: the ids that end a generation and the sampling the model's
 * authors recommend, used when a request names none (as vLLM does).
 */
public record GenerationConfig(
        List<Integer> eosTokenIds, OptionalDouble temperature, OptionalDouble topP, OptionalInt topK) {

    public static final String FILE_NAME = "generation_config.json";

    public static GenerationConfig none() {
        return new GenerationConfig(List.of(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty());
    }

    public static GenerationConfig parse(String json) {
        JsonFields f = JsonFields.parse(FILE_NAME, json);
        JsonNode root = f.root();
        boolean sampling = f.bool("do_sample", false);
        return new GenerationConfig(
                tokenIds(root.get("eos_token_id")),
                // A config that does not sample means greedy; its temperature is not meant to be used.
                sampling ? number(f, "temperature") : OptionalDouble.of(0),
                sampling ? number(f, "top_p") : OptionalDouble.empty(),
                sampling && f.has("top_k") ? OptionalInt.of(f.positiveInt("top_k")) : OptionalInt.empty());
    }

    private static OptionalDouble number(JsonFields f, String field) {
        return f.has(field) ? OptionalDouble.of(f.positiveNumber(field, 1)) : OptionalDouble.empty();
    }

    /** An id, a list of ids, or nothing. */
    static List<Integer> tokenIds(JsonNode node) {
        List<Integer> ids = new ArrayList<>();
        if (node == null || node.isNull()) {
            return ids;
        }
        if (node.isIntegralNumber()) {
            ids.add(node.asInt());
        } else if (node.isArray()) {
            for (JsonNode id : node) {
                if (!id.isIntegralNumber()) {
                    throw ModelFormatException.field(FILE_NAME, "eos_token_id", "must hold token ids, was " + node);
                }
                ids.add(id.asInt());
            }
        } else {
            throw ModelFormatException.field(FILE_NAME, "eos_token_id", "must be a token id or a list, was " + node);
        }
        return List.copyOf(ids);
    }
}
