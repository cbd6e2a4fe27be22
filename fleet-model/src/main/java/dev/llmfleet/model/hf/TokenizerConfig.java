package dev.llmfleet.model.hf;

import dev.llmfleet.model.ModelFormatException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What {@code tokenizer_config.json} tells beyond {@code tokenizer.json}: the chat template (a
 * string, or a list of named templates of which {@code default} is used), the special tokens the
 * template refers to by name, and whether plain text gets a BOS token.
 */
public record TokenizerConfig(Optional<String> chatTemplate, Map<String, String> specialTokens, boolean addBosToken) {

    public static final String FILE_NAME = "tokenizer_config.json";
    private static final String[] SPECIAL = {"bos_token", "eos_token", "pad_token", "unk_token"};

    public static TokenizerConfig empty() {
        return new TokenizerConfig(Optional.empty(), Map.of(), false);
    }

    public static TokenizerConfig parse(String json) {
        JsonFields f = JsonFields.parse(FILE_NAME, json);
        JsonNode root = f.root();
        Map<String, String> special = new LinkedHashMap<>();
        for (String name : SPECIAL) {
            tokenText(root.get(name)).ifPresent(text -> special.put(name, text));
        }
        return new TokenizerConfig(
                template(root.get("chat_template")), Map.copyOf(special), f.bool("add_bos_token", false));
    }

    /** The same settings with the template of a {@code chat_template.jinja} file, which takes precedence. */
    public TokenizerConfig withTemplate(String template) {
        return new TokenizerConfig(Optional.of(template), specialTokens, addBosToken);
    }

    public Optional<String> eosToken() {
        return Optional.ofNullable(specialTokens.get("eos_token"));
    }

    public Optional<String> bosToken() {
        return Optional.ofNullable(specialTokens.get("bos_token"));
    }

    private static Optional<String> template(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isString()) {
            return Optional.of(node.asString());
        }
        if (node.isArray()) {
            for (JsonNode named : node) {
                if ("default".equals(named.path("name").asString(""))
                        && named.path("template").isString()) {
                    return Optional.of(named.get("template").asString());
                }
            }
        }
        throw ModelFormatException.field(
                FILE_NAME, "chat_template", "must be a template or a list holding one named 'default'");
    }

    /** A special token is written as its text or as an added-token object with {@code content}. */
    private static Optional<String> tokenText(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isString()) {
            return Optional.of(node.asString());
        }
        return node.path("content").isString() ? Optional.of(node.get("content").asString()) : Optional.empty();
    }
}
