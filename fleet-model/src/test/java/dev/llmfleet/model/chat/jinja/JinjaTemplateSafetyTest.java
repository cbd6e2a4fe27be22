package dev.llmfleet.model.chat.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Untrusted templates: errors say where, nothing reaches Java objects, runaway templates stop. */
class JinjaTemplateSafetyTest {

    @Test
    void syntaxErrorsNameTheLine() {
        assertThatThrownBy(() -> JinjaTemplate.compile("line one\n{% if x %}\n{{ 1 + }}\n{% endif %}"))
                .isInstanceOf(JinjaException.class)
                .hasMessageContaining("line 3")
                .satisfies(e -> assertThat(((JinjaException) e).line()).isEqualTo(3));
    }

    @Test
    void unclosedBlocksSayWhatIsMissing() {
        assertThatThrownBy(() -> JinjaTemplate.compile("{% for x in y %}\n{{ x }}"))
                .isInstanceOf(JinjaException.class)
                .hasMessageContaining("endfor");
    }

    @Test
    void runtimeErrorsNameTheLine() {
        JinjaTemplate template = JinjaTemplate.compile("a\nb\n{{ missing.attribute }}");

        assertThatThrownBy(() -> template.render(Map.of()))
                .isInstanceOf(JinjaException.class)
                .hasMessage("'missing' is undefined (line 3)");
    }

    @Test
    void raiseExceptionCarriesExactlyTheTemplatesMessage() {
        JinjaTemplate template = JinjaTemplate.compile("\n\n{{ raise_exception('No ' ~ role ~ ' role!') }}");

        assertThatThrownBy(() -> template.render(Map.of("role", "robot")))
                .isInstanceOf(JinjaException.class)
                .hasMessage("No robot role!");
    }

    @Test
    void javaMethodsAndDunderAttributesAreUnreachable() {
        JinjaTemplate template = JinjaTemplate.compile(
                "[{{ s.__class__ }}][{{ s.getClass }}][{{ m.getClass }}][{{ l.__len__ }}][{{ range.__globals__ }}]");

        assertThat(template.render(Map.of("s", "x", "m", Map.of("k", 1), "l", List.of(1))))
                .isEqualTo("[][][][][]");
        assertThatThrownBy(() -> JinjaTemplate.compile("{{ s.getClass() }}").render(Map.of("s", "x")))
                .isInstanceOf(JinjaException.class);
    }

    @Test
    void refusesVariablesOfUnknownJavaTypes() {
        JinjaTemplate template = JinjaTemplate.compile("{{ x }}");

        assertThatThrownBy(() -> template.render(Map.of("x", new Object())))
                .isInstanceOf(JinjaException.class)
                .hasMessageContaining("unsupported variable type");
    }

    @Test
    void stopsOutputBeyondTheSizeLimit() {
        JinjaTemplate template = JinjaTemplate.compile(
                "{% for i in range(100000) %}{% for j in range(100) %}{{ 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' }}{% endfor %}{% endfor %}");

        assertThatThrownBy(() -> template.render(Map.of()))
                .isInstanceOf(JinjaException.class)
                .hasMessageContaining("output exceeds");
    }

    @Test
    void stopsStringsDoublingBeyondTheSizeLimit() {
        JinjaTemplate template = JinjaTemplate.compile(
                "{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}");

        assertThatThrownBy(() -> template.render(Map.of()))
                .isInstanceOf(JinjaException.class)
                .hasMessageContaining("exceeds");
    }

    @Test
    void stopsRepetitionBeyondTheSizeLimit() {
        assertThatThrownBy(() -> JinjaTemplate.compile("{{ 'x' * 1000000000 }}").render(Map.of()))
                .isInstanceOf(JinjaException.class);
        assertThatThrownBy(() ->
                        JinjaTemplate.compile("{{ 'x'.center(1000000000) }}").render(Map.of()))
                .isInstanceOf(JinjaException.class);
    }

    @Test
    void stopsUnboundedMacroRecursion() {
        JinjaTemplate template = JinjaTemplate.compile("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}");

        assertThatThrownBy(() -> template.render(Map.of()))
                .isInstanceOf(JinjaException.class)
                .hasMessageContaining("recursion depth");
    }

    @Test
    void stopsLoopsThatWouldRunForHours() {
        JinjaTemplate template = JinjaTemplate.compile(
                "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}");

        assertThatThrownBy(() -> template.render(Map.of()))
                .isInstanceOf(JinjaException.class)
                .hasMessageContaining("loop iterations");
    }

    @Test
    void rejectsTemplatesNestedTooDeeplyToParse() {
        String deep = "{{ " + "(".repeat(5000) + "1" + ")".repeat(5000) + " }}";

        assertThatThrownBy(() -> JinjaTemplate.compile(deep))
                .isInstanceOf(JinjaException.class)
                .hasMessageContaining("nesting");
    }

    @Test
    void malformedTemplatesFailOnlyWithJinjaException() {
        String[] pieces = {
            "{{",
            "}}",
            "{%",
            "%}",
            "{#",
            "#}",
            "-",
            "+",
            "if",
            "for",
            "in",
            "endif",
            "endfor",
            "set",
            "=",
            "x",
            "'s",
            "\"",
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            ":",
            ",",
            ".",
            "|",
            "is",
            "not",
            "1",
            "2.5",
            "*",
            "**",
            "raw",
            "endraw",
            "macro",
            "call",
            "filter",
            "upper",
            "loop",
            "range(3)",
            "ns",
            "namespace()",
            " ",
            "\n",
            "else"
        };
        Random random = new Random(42);
        for (int i = 0; i < 5000; i++) {
            StringBuilder source = new StringBuilder();
            for (int n = random.nextInt(12); n >= 0; n--) {
                source.append(pieces[random.nextInt(pieces.length)]);
            }
            String template = source.toString();
            try {
                JinjaTemplate.compile(template).render(Map.of("x", List.of(1, "a")));
            } catch (JinjaException expected) {
                // a clear template error is the point; anything else would escape as a bug
            } catch (RuntimeException e) {
                throw new AssertionError("template " + template + " failed with " + e, e);
            }
        }
    }

    @Test
    void compiledTemplatesRenderRepeatedlyWithoutSharingState() {
        JinjaTemplate template = JinjaTemplate.compile(
                "{% set ns = namespace(n=0) %}{% for m in messages %}{% set ns.n = ns.n + 1 %}{% endfor %}{{ ns.n }}");

        assertThat(template.render(Map.of("messages", List.of(1, 2)))).isEqualTo("2");
        assertThat(template.render(Map.of("messages", List.of(1, 2, 3)))).isEqualTo("3");
    }

    @Test
    void generationSpansAreJavaStringIndices() {
        JinjaTemplate template = JinjaTemplate.compile("🎉 {% generation %}é😊{% endgeneration %}!");

        JinjaTemplate.Rendered rendered = template.renderTracked(Map.of());

        assertThat(rendered.generationSpans()).containsExactly(new JinjaTemplate.Span(3, 6));
        assertThat(rendered.text().substring(3, 6)).isEqualTo("é😊");
    }
}
