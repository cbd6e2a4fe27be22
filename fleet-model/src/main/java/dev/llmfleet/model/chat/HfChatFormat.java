package dev.llmfleet.model.chat;

import dev.llmfleet.model.chat.jinja.JinjaException;
import dev.llmfleet.model.chat.jinja.JinjaTemplate;
import dev.llmfleet.model.hf.GenerationConfig;
import dev.llmfleet.model.hf.TokenizerConfig;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Hugging Face model's own chat format: its Jinja template from {@code tokenizer_config.json} (or
 * {@code chat_template.jinja}), rendered with the variables transformers passes ({@code messages},
 * {@code add_generation_prompt}, the special tokens, and the caller's options such as
 * {@code enable_thinking}), then tokenized as text with no special tokens added, as
 * {@code apply_chat_template} does. Generation stops at the EOS ids of {@code generation_config.json}
 * and at the tokenizer's EOS token.
 */
public final class HfChatFormat implements ChatFormat {

    private final FleetTokenizer tokenizer;
    private final Optional<JinjaTemplate> template;
    private final TokenizerConfig config;
    private final int[] stopTokens;

    private HfChatFormat(
            FleetTokenizer tokenizer, Optional<JinjaTemplate> template, TokenizerConfig config, int[] stopTokens) {
        this.tokenizer = tokenizer;
        this.template = template;
        this.config = config;
        this.stopTokens = stopTokens;
    }

    /** Compiles the template (a syntax error surfaces here, when the model is opened, not at a request). */
    public static HfChatFormat of(FleetTokenizer tokenizer, TokenizerConfig config, GenerationConfig generation) {
        Set<Integer> stops = new LinkedHashSet<>(generation.eosTokenIds());
        config.eosToken().ifPresent(eos -> stops.add(tokenizer.idOf(eos)));
        Optional<JinjaTemplate> template;
        try {
            template = config.chatTemplate().map(JinjaTemplate::compile);
        } catch (JinjaException e) {
            throw ChatTemplateException.refused("its chat template does not compile: " + e.getMessage(), e);
        }
        return new HfChatFormat(
                tokenizer,
                template,
                config,
                stops.stream().mapToInt(Integer::intValue).toArray());
    }

    public boolean hasTemplate() {
        return template.isPresent();
    }

    /** The template's text for these messages, as {@code apply_chat_template(..., tokenize=False)} gives it. */
    public String render(List<ChatMessage> messages, boolean addGenerationPrompt, Map<String, Object> options) {
        JinjaTemplate compiled = template.orElseThrow(ChatTemplateException::noTemplate);
        Map<String, Object> variables = new HashMap<>();
        variables.putAll(config.specialTokens());
        variables.put("tools", null);
        variables.put("documents", null);
        variables.putAll(options);
        variables.put("messages", messages.stream().map(HfChatFormat::asMap).toList());
        variables.put("add_generation_prompt", addGenerationPrompt);
        try {
            return compiled.render(variables);
        } catch (JinjaException e) {
            throw ChatTemplateException.refused(e.getMessage(), e);
        }
    }

    @Override
    public int[] prompt(List<ChatMessage> messages, Map<String, Object> options) {
        return tokenizer.encode(render(messages, true, options));
    }

    @Override
    public int[] text(String text) {
        return tokenizer.encode(text, true);
    }

    /**
     * The conversation's tokens, learned where an assistant turn's text is: each assistant turn
     * spans from where the template's generation prompt for it ends to where the conversation up to
     * it ends. Needs a template that renders earlier turns the same whatever follows.
     */
    @Override
    public TokenSequence conversation(List<ChatMessage> messages) {
        String full = render(messages, false, Map.of());
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (!messages.get(i).role().equals(ChatMessage.ASSISTANT)) {
                continue;
            }
            String before = render(messages.subList(0, i), true, Map.of());
            String through = render(messages.subList(0, i + 1), false, Map.of());
            if (!full.startsWith(before) || !full.startsWith(through) || through.length() < before.length()) {
                throw ChatTemplateException.unstable(i);
            }
            spans.add(new int[] {before.length(), through.length()});
        }
        FleetTokenizer.Encoded encoded = tokenizer.encodeWithOffsets(full);
        boolean[] learned = new boolean[encoded.ids().length];
        for (int t = 0; t < learned.length; t++) {
            int start = encoded.starts()[t];
            for (int[] span : spans) {
                learned[t] |= start >= span[0] && start < span[1];
            }
        }
        return new TokenSequence(encoded.ids(), learned);
    }

    @Override
    public TokenSequence completion(String prompt, String completion) {
        SequenceBuilder builder =
                new SequenceBuilder().add(text(prompt), false).add(tokenizer.encode(completion), true);
        if (stopTokens.length > 0) {
            builder.add(stopTokens[0], true);
        }
        return builder.build();
    }

    @Override
    public int[] stopTokens() {
        return stopTokens.clone();
    }

    private static Map<String, Object> asMap(ChatMessage message) {
        return Map.of("role", message.role(), "content", message.content());
    }
}
