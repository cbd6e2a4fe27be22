package dev.llmfleet.model.chat.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real chat templates (templates/*.jinja, sources in templates/SOURCES.md) rendered over a set of
 * conversations and compared byte for byte with Python jinja2 in transformers' environment.
 */
class ChatTemplateRenderingTest {

    private static final Map<String, Object> DATA = Jinja2Expectations.load("chat_template_cases.json");

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() {
        return ((List<Map<String, Object>>) DATA.get("cases")).stream().map(c -> Arguments.of(c.get("id"), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersEveryChatTemplateCaseLikeJinja2(String id, Map<String, Object> c) {
        assertCase(c);
    }

    @Test
    void rendersQwen3SystemAndUserWithGenerationPromptLikeJinja2() {
        assertCase("qwen3/system_user/generation_prompt");
    }

    @Test
    void rendersQwen3UserOnlyLikeJinja2() {
        assertCase("qwen3/user_only/generation_prompt");
    }

    @Test
    void rendersQwen3MultiTurnLikeJinja2() {
        assertCase("qwen3/multi_turn/generation_prompt");
    }

    @Test
    void rendersQwen3MultiTurnWithThinkingInAnEarlierTurnLikeJinja2() {
        assertCase("qwen3/thinking_earlier_turn/generation_prompt");
    }

    @Test
    void rendersQwen3MultiTurnWithThinkingInTheLastTurnLikeJinja2() {
        assertCase("qwen3/thinking_last_turn/no_generation_prompt");
    }

    @Test
    void rendersQwen3WithThinkingEnabledLikeJinja2() {
        assertCase("qwen3/multi_turn/enable_thinking=True/generation_prompt");
    }

    @Test
    void rendersQwen3WithThinkingDisabledLikeJinja2() {
        assertCase("qwen3/multi_turn/enable_thinking=False/generation_prompt");
        assertThat(expectedText("qwen3/multi_turn/enable_thinking=False/generation_prompt"))
                .endsWith("<|im_start|>assistant\n<think>\n\n</think>\n\n");
    }

    @Test
    void rendersQwen3WithoutGenerationPromptLikeJinja2() {
        assertCase("qwen3/multi_turn/no_generation_prompt");
    }

    @Test
    void rendersQwen3ToolsToolCallsAndToolResponsesLikeJinja2() {
        assertCase("qwen3/tools/generation_prompt");
        assertThat(expectedText("qwen3/tools/generation_prompt"))
                .contains("<tool_call>\n{\"name\": \"get_current_temperature\", \"arguments\": {\"location\": ")
                .contains("<tool_response>\n22.5\n</tool_response>");
    }

    @Test
    void rendersQwen3NonAsciiContentLikeJinja2() {
        assertCase("qwen3/non_ascii/generation_prompt");
    }

    @Test
    void rendersQwen3ContentWithBracesAndQuotesLikeJinja2() {
        assertCase("qwen3/braces_and_quotes/generation_prompt");
    }

    @Test
    void rendersQwen25ToolsAsJsonLikeJinja2() {
        assertCase("qwen2.5-instruct/tools/generation_prompt");
    }

    @Test
    void rendersLlama31ToolsWithFixedDateLikeJinja2() {
        assertCase("llama3.1-instruct/tools/generation_prompt");
    }

    @Test
    void rendersLlama32WithDateStringLikeJinja2() {
        assertCase("llama3.2-instruct/multi_turn/generation_prompt");
    }

    @Test
    void rendersGemma3MultiTurnLikeJinja2() {
        assertCase("gemma3/multi_turn/generation_prompt");
    }

    @Test
    void rendersPhi3AndPhi4LikeJinja2() {
        assertCase("phi3/multi_turn/no_generation_prompt");
        assertCase("phi4/multi_turn/generation_prompt");
    }

    @Test
    void rendersDeepSeekR1DroppingEarlierReasoningLikeJinja2() {
        assertCase("deepseek-r1/thinking_earlier_turn/generation_prompt");
        assertCase("deepseek-r1-distill-llama/thinking_last_turn/no_generation_prompt");
    }

    @Test
    void raisesMixtralRoleAlternationErrorWithTheTemplatesMessage() {
        String template = Jinja2Expectations.text("templates/mixtral-instruct.jinja");
        Map<String, Object> variables = variables(find("mixtral-instruct/system_user/generation_prompt"));

        assertThatThrownBy(() -> JinjaTemplate.compile(template).render(variables))
                .isInstanceOf(JinjaException.class)
                .hasMessage("Conversation roles must alternate user/assistant/user/assistant/...")
                .satisfies(
                        e -> assertThat(((JinjaException) e).raisedByTemplate()).isTrue());
    }

    @Test
    void tracksSmolLM3GenerationSpansLikeTransformers() {
        Map<String, Object> c = find("smollm3/multi_turn/enable_thinking=False/no_generation_prompt");
        assertCase(c);
        JinjaTemplate.Rendered rendered = JinjaTemplate.compile(Jinja2Expectations.text("templates/smollm3.jinja"))
                .renderTracked(variables(c));
        assertThat(rendered.generationSpans()).hasSize(1);
        JinjaTemplate.Span span = rendered.generationSpans().get(0);
        assertThat(rendered.text().substring(span.start(), span.end()))
                .startsWith("<|im_start|>assistant\n")
                .endsWith("4.<|im_end|>\n");
    }

    @Test
    void acceptsImmutableJavaCollectionsAsVariables() {
        JinjaTemplate qwen3 = JinjaTemplate.compile(Jinja2Expectations.text("templates/qwen3.jinja"));
        Map<String, ?> variables = Map.of(
                "messages",
                List.of(
                        Map.of("role", "system", "content", "You are a helpful assistant."),
                        Map.of("role", "user", "content", "What is 2+2?")),
                "add_generation_prompt",
                true);

        assertThat(qwen3.render(variables)).isEqualTo(expectedText("qwen3/system_user/generation_prompt"));
    }

    private static void assertCase(String id) {
        assertCase(find(id));
    }

    /** Swaps the date jinja2 printed for today's where a template prints strftime_now unconditionally. */
    @SuppressWarnings("unchecked")
    private static void assertCase(Map<String, Object> c) {
        String source = Jinja2Expectations.text("templates/" + c.get("template"));
        Map<String, Object> expectation = new HashMap<>(c);
        if (c.containsKey("today_format") && c.containsKey("expected")) {
            String then = (String) c.get("today_rendered");
            String today = Strftime.format(LocalDateTime.now(), (String) c.get("today_format"));
            String expected = (String) c.get("expected");
            int at = expected.indexOf(then);
            int shift = today.length() - then.length();
            expectation.put("expected", expected.replace(then, today));
            if (c.containsKey("generation_spans")) {
                expectation.put(
                        "generation_spans",
                        ((List<List<Number>>) c.get("generation_spans"))
                                .stream()
                                        .map(s -> s.get(0).intValue() > at
                                                ? List.of(
                                                        s.get(0).intValue() + shift,
                                                        s.get(1).intValue() + shift)
                                                : s)
                                        .toList());
            }
        }
        Jinja2Expectations.assertRendersLikeJinja2(source, variables(c), expectation);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Map<String, Object> c) {
        Map<String, Object> conversations = (Map<String, Object>) DATA.get("conversations");
        Map<String, Object> variables = new HashMap<>((Map<String, Object>) conversations.get(c.get("conversation")));
        variables.putAll((Map<String, Object>) c.get("variables"));
        return variables;
    }

    private static String expectedText(String id) {
        return (String) find(id).get("expected");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> find(String id) {
        return ((List<Map<String, Object>>) DATA.get("cases"))
                .stream()
                        .filter(c -> c.get("id").equals(id))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no jinja2 case " + id));
    }
}
