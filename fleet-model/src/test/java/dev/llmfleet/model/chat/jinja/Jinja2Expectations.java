package dev.llmfleet.model.chat.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads what Python's jinja2 rendered (see src/test/python/render_chat_templates.py) and checks a
 * render against it: the same text to the byte, the same generation spans, or an error where jinja2
 * raised one (with the exact message where the template raised it itself).
 */
final class Jinja2Expectations {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Jinja2Expectations() {}

    @SuppressWarnings("unchecked")
    static <T> T load(String resource) {
        try (InputStream in = Jinja2Expectations.class.getResourceAsStream(resource)) {
            assertThat(in).as("test resource %s", resource).isNotNull();
            return (T) JSON.readValue(in, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String resource) {
        try (InputStream in = Jinja2Expectations.class.getResourceAsStream(resource)) {
            assertThat(in).as("test resource %s", resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders {@code source} and compares with a case's {@code expected}/{@code error} fields. */
    @SuppressWarnings("unchecked")
    static void assertRendersLikeJinja2(String source, Map<String, Object> variables, Map<String, Object> expectation) {
        if (expectation.containsKey("error")) {
            var thrown = assertThatThrownBy(() -> JinjaTemplate.compile(source).render(variables))
                    .isInstanceOf(JinjaException.class);
            if ("TemplateError".equals(expectation.get("error_type"))) {
                thrown.hasMessage((String) expectation.get("error"));
            }
            return;
        }
        JinjaTemplate.Rendered rendered = JinjaTemplate.compile(source).renderTracked(variables);
        assertThat(rendered.text()).isEqualTo(expectation.get("expected"));
        if (expectation.containsKey("generation_spans")) {
            List<JinjaTemplate.Span> spans = ((List<List<Number>>) expectation.get("generation_spans"))
                    .stream()
                            .map(s -> new JinjaTemplate.Span(
                                    s.get(0).intValue(), s.get(1).intValue()))
                            .toList();
            assertThat(rendered.generationSpans()).isEqualTo(spans);
        }
    }
}
