package dev.llmfleet.model.chat.jinja;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled Jinja2 chat template that renders the way Hugging Face transformers renders it:
 * jinja2's {@code ImmutableSandboxedEnvironment} with {@code trim_blocks}, {@code lstrip_blocks},
 * loop controls, the {@code generation} tag, {@code raise_exception}, {@code strftime_now} and a
 * {@code tojson} that is Python's {@code json.dumps}. Templates can reach only Python-like values and
 * a fixed set of methods, filters and tests; rendering is bounded in depth, steps and output size.
 *
 * <p>Instances are immutable and thread-safe; compile once, render many times.
 */
public final class JinjaTemplate {

    private final List<Stmt> body;
    private final Map<List<Stmt>, Set<String>> unassigned;

    private JinjaTemplate(List<Stmt> body) {
        this.body = body;
        this.unassigned = FrameAnalysis.analyze(body);
    }

    /** Parses once; throws JinjaException with line number and a clear message on a syntax error. */
    public static JinjaTemplate compile(String source) {
        try {
            return new JinjaTemplate(Parser.parse(source));
        } catch (StackOverflowError e) {
            throw new JinjaException("template is nested too deeply");
        }
    }

    /**
     * Renders with these variables. Values are Java String, Boolean, Integer/Long/Double (and other
     * Number), List<?>, Map<String,?>, or null.
     */
    public String render(Map<String, ?> variables) {
        return renderTracked(variables).text();
    }

    /**
     * Same, and also the [start, end) character ranges of the text each {@code {% generation %}}
     * block produced (transformers' AssistantTracker), as Java string indices into {@code text}.
     */
    public Rendered renderTracked(Map<String, ?> variables) {
        Scope scope = Globals.scope().child();
        variables.forEach((name, value) -> scope.set(name, Values.fromJava(value)));
        try {
            return new Renderer(unassigned).render(body, scope);
        } catch (StackOverflowError e) {
            throw new JinjaException("maximum recursion depth exceeded while rendering");
        }
    }

    /** Rendered text and where the {@code {% generation %}} blocks put their text. */
    public record Rendered(String text, List<Span> generationSpans) {}

    /** A [start, end) range of string indices. */
    public record Span(int start, int end) {}
}
